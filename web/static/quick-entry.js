/*
 * Quick entry on the verkenning page: the keyboard path of a coach at the kitchen table.
 *
 * - Enter saves from every field of a form.quick-add, also from a list (<select>), where
 *   Chromium would otherwise open the list: type a name, pick sector and circle, Enter.
 * - Back on the page after "Zet op de kaart" (the URL ends in #kaart, where browsers skip
 *   autofocus), the name field has the focus again, without scrolling the map away.
 * - The move form (#verplaats) starts at the chosen person's current sector and circle,
 *   and follows the person picked on the map (graph.js sends "sns:person" on #map).
 *
 * No inline script, no user text handled here: the page runs under CSP default-src 'self'.
 */
(function () {
  "use strict";

  // Listeners on the document: table.js puts new forms in place after every action.
  function submitOnEnter(event) {
    var field = event.target;
    var form = field && field.closest && field.closest("form.quick-add");
    if (!form || event.key !== "Enter" || event.altKey || event.isComposing) return;
    if (field.tagName !== "SELECT") return; // text fields submit by themselves
    event.preventDefault();
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  }

  function moveFields() {
    var form = document.getElementById("verplaats");
    return form && {
      who: form.querySelector("select[name=member]"),
      sector: form.querySelector("select[name=sector]"),
      circle: form.querySelector("select[name=circle]"),
    };
  }

  /* The move form starts at the chosen person's sector and circle. */
  function follow() {
    var f = moveFields();
    if (!f || !f.who || !f.sector || !f.circle) return;
    var option = f.who.options[f.who.selectedIndex];
    if (!option) return;
    f.sector.value = option.getAttribute("data-sector") || "";
    f.circle.value = option.getAttribute("data-circle") || "";
  }

  function start() {
    document.addEventListener("keydown", submitOnEnter);
    document.addEventListener("change", function (event) {
      if (event.target.name === "member" && event.target.closest("#verplaats")) follow();
    });
    document.addEventListener("sns:swapped", follow);
    follow();
    var map = document.getElementById("map");
    if (map) {
      map.addEventListener("sns:person", function (event) {
        var f = moveFields();
        var id = event.detail && event.detail.id;
        if (!f || !f.who || !id || f.who.value === id) return;
        f.who.value = id;
        follow();
      });
    }
    var name = document.getElementById("quick-name");
    if (name && window.location.hash === "#kaart") {
      // after the browser's own autofocus and fragment handling, which would leave the body
      window.addEventListener("load", function () {
        name.focus({ preventScroll: true });
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
