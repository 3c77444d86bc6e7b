// Ctrl+Z undoes and Ctrl+Shift+Z or Ctrl+Y does again on the map page (Cmd on a Mac): the
// keys press the page's own "Ongedaan maken" and "Opnieuw" forms, so what is undone is what
// the button says. Not while typing in a field: there the keys undo the typing.
(function () {
  "use strict";

  function typing(element) {
    return element && (element.isContentEditable
      || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) {
      return;
    }
    var key = event.key.toLowerCase();
    var id = key === "z" ? (event.shiftKey ? "opnieuw" : "ongedaan")
      : key === "y" && !event.shiftKey ? "opnieuw" : null;
    var form = id && document.getElementById(id);
    if (!form) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button");
    if (button && !button.disabled) {
      form.requestSubmit(button);
    }
  });
})();
