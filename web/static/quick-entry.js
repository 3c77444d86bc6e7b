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

  function submitOnEnter(form) {
    form.addEventListener("keydown", function (event) {
      var field = event.target;
      if (event.key !== "Enter" || event.altKey || event.isComposing) return;
      if (!field || field.tagName !== "SELECT") return; // text fields submit by themselves
      event.preventDefault();
      if (typeof form.requestSubmit === "function") form.requestSubmit();
      else form.submit();
    });
  }

  function presetMove(form) {
    var who = form.querySelector("select[name=member]");
    var sector = form.querySelector("select[name=sector]");
    var circle = form.querySelector("select[name=circle]");
    if (!who || !sector || !circle) return;
    function follow() {
      var option = who.options[who.selectedIndex];
      if (!option) return;
      sector.value = option.getAttribute("data-sector") || "";
      circle.value = option.getAttribute("data-circle") || "";
    }
    who.addEventListener("change", follow);
    follow();
    var map = document.getElementById("map");
    if (map) {
      map.addEventListener("sns:person", function (event) {
        var id = event.detail && event.detail.id;
        if (!id || who.value === id) return;
        who.value = id;
        follow();
      });
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.quick-add"), submitOnEnter);
    var move = document.getElementById("verplaats");
    if (move) presetMove(move);
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
