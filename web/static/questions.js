/*
 * Support by question (templates/verkenning/questions.html): while a question is open, each
 * answer is saved at once, for one person at a time, through window.snsTable.send (table.js):
 * - a tick in the list of names;
 * - a click or Enter on a person on the map (window.snsMap.ask of graph.js, which also rings
 *   everybody who already has this kind of support);
 * - the first letters of a name in the name field, then Enter: the first name (A to Z) that
 *   starts with them (else one of whose later words does) is switched, and the field is
 *   empty for the next one.
 * Each request names one person ("listed") and whether they have it ("member"); the form
 * without JavaScript sends everybody at once with "Opslaan".
 */
(function () {
  "use strict";

  // --- pure parts: no page (node's test runner checks them, tests/web/js) ---------------

  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").trim().toLowerCase();
  }

  /* The index of the first of ``names`` (in the order shown, A to Z) that starts with
   * ``letters``, else of the first with a later word that does ("bak" finds "Huisarts
   * Bakker"), ignoring case and accents ("jose" finds "José"); -1 when none does. */
  function firstMatch(names, letters) {
    var wanted = plain(letters);
    if (!wanted) return -1;
    var words = " " + wanted;
    var later = -1;
    for (var i = 0; i < names.length; i += 1) {
      var name = plain(names[i]);
      if (name.indexOf(wanted) === 0) return i;
      if (later < 0 && name.indexOf(words) > 0) later = i;
    }
    return later;
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { firstMatch: firstMatch };
    return;
  }

  // --- the page --------------------------------------------------------------------------

  function panel() {
    return document.querySelector("form[data-question]");
  }

  /* Switch the answer for member ``id`` ("m12") and save it. */
  function toggle(id, on) {
    var form = panel();
    var box = form && document.getElementById("antwoord-" + id);
    if (!box) return;
    box.checked = on === undefined ? !box.checked : on;
    var want = box.checked;
    window.snsTable.send(form, function () {
      var current = panel() || form; // the panel as the previous answer left it
      var body = new FormData(current);
      body.delete("listed");
      body.delete("member");
      body.append("listed", id);
      if (want) body.append("member", id);
      return body;
    });
  }

  function byLetters(form, letters) {
    var labels = form.querySelectorAll("label.answer");
    var i = firstMatch(Array.prototype.map.call(labels, function (label) {
      return label.textContent;
    }), letters);
    return i < 0 ? null : labels[i].querySelector("input[type=checkbox]");
  }

  /* The panel as the page now shows it: the map asks its question, the parts for a page
   * with a script are shown, the button for a page without one hidden. */
  function sync() {
    var form = panel();
    Array.prototype.forEach.call(document.querySelectorAll("[data-with-script]"), function (el) {
      el.hidden = false;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-without-script]"),
      function (el) {
        el.hidden = true;
      });
    if (!window.snsMap) return;
    window.snsMap.ask(form ? {
      kind: form.getAttribute("data-kind"),
      direction: form.getAttribute("data-direction"),
      pick: function (id) {
        toggle(id);
      },
    } : null);
  }

  if (!window.snsTable) return; // table.js is missing: the form works as without a script

  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || box.name !== "member" ||
        !box.closest("form[data-question]")) return;
    toggle(box.value, box.checked);
  });

  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || event.isComposing || !(field instanceof HTMLInputElement) ||
        field.id !== "vraag-naam") return;
    event.preventDefault();
    var box = byLetters(field.form, field.value);
    if (!box) return;
    field.value = "";
    toggle(box.value);
  });

  document.addEventListener("sns:swapped", sync);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sync);
  else sync();
})();
