/*
 * Actions at the kitchen table without a page reload: a form or a link with the attribute
 * data-inplace is sent with fetch instead of navigating, and the page is redrawn in place.
 *
 * The server answers as it does without JavaScript (a redirect back to the page, with its
 * message flashed beside the form); fetch follows it, and from the page it returns:
 * - every outermost [data-live] part (with an id) takes the place of the part with the same
 *   id here: the lists, the forms, the question panel, the message places;
 * - when the answer is a refusal (a .flash.error in a [data-live="melding"] place), the part
 *   that holds the form that was sent keeps it as it was typed and takes only its message
 *   places; the rest shows the current state;
 * - the map gets the new data (window.snsMap.update of graph.js: the view stays), with the
 *   network version and the person just placed, and it keeps its place in the window when
 *   parts above it change height;
 * - every other form gets its new one-time submission key (web/core/submissions.py), so
 *   the next submit is not answered as a repeat;
 * - the focus goes back to the element with the same id, or else to the first field of the
 *   form that was sent; a saved form with data-inplace-focus="id" puts it on that element
 *   (the quick entry's name field: the next name can be typed at once), and a form or a
 *   link with data-inplace-scroll="id" brings that part to the top of the window, as the
 *   address with #id that the server answers did without a script (a question opened
 *   below the map brings the map back into view, where its answers are clicked).
 * An answer that is an error page (400, 404, 409, ...) shows its message beside the form and
 * changes nothing. An answer on another page is followed as a plain navigation.
 *
 * window.snsTable:
 *   refresh()        fetch this page again and redraw the same way (after a drag, an undo);
 *   send(form, build) send form with the FormData that build() returns when it is its turn
 *                    (actions are sent one after the other, each with the keys and the
 *                    version of the page the previous one left);
 *   lastMs           milliseconds from the last submit to the map drawn (performance.now);
 *   done             how many redraws have finished (browser tests wait for the next one).
 * The document gets the event "sns:swapped" after each redraw.
 *
 * Without JavaScript every form and link works as before. No inline script, no user text
 * handled as HTML: the page runs under CSP default-src 'self', and the new parts are
 * parsed by DOMParser (which runs no script) from the app's own escaped page.
 */
(function () {
  "use strict";

  var DEFAULT_ERROR = "Dit is niet gelukt. Probeer het opnieuw.";
  var KEY = "submission_key";
  var queue = Promise.resolve();

  function outermost(root, selector) {
    return Array.prototype.filter.call(root.querySelectorAll(selector), function (el) {
      return !el.parentElement.closest("[data-live]");
    });
  }

  function formKey(form) {
    return form.id ? "#" + form.id : form.getAttribute("action") || "";
  }

  /* A message place stays in the page and takes the new messages: it is a live region,
   * which a screen reader follows only while it stays. */
  function newMessages(place, fresh) {
    var nodes = Array.prototype.slice.call(fresh.childNodes); // a copy: adopting moves them
    place.replaceChildren.apply(place, nodes.map(function (node) {
      return document.adoptNode(node);
    }));
  }

  /* The parts of the new page in place of the old ones; the map's new data; new keys for
   * the forms that were not replaced. */
  function swap(doc, sent) {
    var parts = [];
    outermost(document, "[data-live]").forEach(function (part) {
      // a refused form stays as it was typed: only the messages in its part are new
      if (sent && part.contains(sent)) {
        parts.push.apply(parts, part.querySelectorAll("[data-live=melding]"));
      } else {
        parts.push(part);
      }
    });
    // what is being typed in a field marked data-keep-typing goes on while the page is
    // redrawn (the name field of a question: the next letters come before the answer)
    var typing = Array.prototype.map.call(document.querySelectorAll("[data-keep-typing]"),
      function (field) { return [field.id, field.value]; });
    // the map stays where it is in the window, also when parts above it change height (a
    // longer undo button, a message): the coach's eyes are on it
    var map = document.getElementById("map");
    var mapTop = map ? map.getBoundingClientRect().top : null;
    parts.forEach(function (old) {
      var fresh = old.id && doc.getElementById(old.id);
      if (!fresh) return;
      if (old.getAttribute("data-live") === "melding") {
        newMessages(old, fresh);
        return;
      }
      Array.prototype.forEach.call(old.querySelectorAll("[data-live=melding]"), function (place) {
        var there = place.id && fresh.querySelector("#" + CSS.escape(place.id));
        if (!there) return;
        newMessages(place, there);
        there.replaceWith(place);
      });
      old.replaceWith(document.adoptNode(fresh));
    });
    if (map && map.isConnected) window.scrollBy(0, map.getBoundingClientRect().top - mapTop);
    typing.forEach(function (pair) {
      var field = document.getElementById(pair[0]);
      if (field && !field.value) field.value = pair[1];
    });
    var keys = new Map();
    Array.prototype.forEach.call(doc.querySelectorAll("form"), function (form) {
      var input = form.querySelector("input[name=" + KEY + "]");
      if (input) keys.set(formKey(form), input.value);
    });
    Array.prototype.forEach.call(document.querySelectorAll("form"), function (form) {
      var input = form.querySelector("input[name=" + KEY + "]");
      if (input && keys.has(formKey(form))) input.value = keys.get(formKey(form));
    });
    return redrawMap(doc);
  }

  function redrawMap(doc) {
    var data = doc.getElementById("map-data");
    var fresh = doc.getElementById("map");
    var here = document.getElementById("map-data");
    var map = document.getElementById("map");
    if (!data || !fresh || !here || !map) return Promise.resolve();
    here.textContent = data.textContent;
    var label = fresh.getAttribute("aria-label");
    if (label) map.setAttribute("aria-label", label);
    if (!window.snsMap) return Promise.resolve();
    var payload;
    try {
      payload = JSON.parse(data.textContent);
    } catch (e) {
      return Promise.resolve();
    }
    return window.snsMap.update(payload, fresh.getAttribute("data-version") || "",
                                fresh.getAttribute("data-selected"));
  }

  function refocus(id, form, refused, scrollTo) {
    var first = form && !refused && form.getAttribute("data-inplace-focus");
    var target = document.getElementById(first || id || "");
    if (!target && form && form.id) {
      var again = document.getElementById(form.id);
      target = again && again.querySelector(
        "input:not([type=hidden]):not([disabled]), select, textarea, button");
    }
    if (target) target.focus({ preventScroll: true });
    // as the address the server sent back (#kaart) did without a script: the work area
    // at the top of the window, once; the map's own view does not move
    var area = !refused && document.getElementById(scrollTo || "");
    if (area && Math.abs(area.getBoundingClientRect().top) > 40) area.scrollIntoView();
  }

  function showError(form, text) {
    var place = form || document.getElementById("map-message");
    if (!place) return;
    var note = document.createElement("p");
    note.className = "flash error inplace-error";
    note.setAttribute("role", "alert");
    note.textContent = text;
    if (form) form.insertAdjacentElement("afterend", note);
    else place.replaceChildren(note);
  }

  /* The words of an error page: its first alert or message, else its heading. */
  function errorText(doc) {
    var el = doc && (doc.querySelector("main [role=alert], main .flash.error, main p") ||
      doc.querySelector("main h1"));
    var text = el && el.textContent.trim();
    return text || DEFAULT_ERROR;
  }

  function samePage(url) {
    var there = new URL(url, window.location.href);
    return there.origin === window.location.origin &&
      there.pathname === window.location.pathname;
  }

  /* One request and the redraw of what it answered; `scrollTo` names the part to bring to
   * the top of the window once it is saved (data-inplace-scroll of the form or link). */
  function run(url, init, form, started, scrollTo) {
    var focused = document.activeElement && document.activeElement.id;
    Array.prototype.forEach.call(document.querySelectorAll(".inplace-error"), function (el) {
      el.remove();
    });
    init.credentials = "same-origin";
    return fetch(url, init)
      .then(function (response) {
        return response.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          if (!response.ok) {
            showError(form, errorText(doc));
            return null;
          }
          if (!samePage(response.url)) {
            window.location.assign(response.url);
            return null;
          }
          window.history.replaceState(null, "", response.url.split("#")[0] +
                                      (new URL(url, window.location.href).hash || ""));
          var refused = Boolean(form) &&
            doc.querySelector("[data-live=melding] .flash.error") !== null;
          return swap(doc, refused ? form : null).then(function () {
            // the page's scripts first (they show what is for a page with a script), then
            // the focus, which needs the field shown
            document.dispatchEvent(new CustomEvent("sns:swapped"));
            refocus(focused, form, refused, scrollTo);
            api.lastMs = performance.now() - started;
            api.done += 1;
          });
        });
      })
      .catch(function () {
        showError(form, DEFAULT_ERROR);
      });
  }

  function send(form, build) {
    var started = performance.now();
    queue = queue.then(function () {
      var body = build();
      return run(form.action, { method: "POST", body: body }, form, started,
                 form.getAttribute("data-inplace-scroll"));
    });
    return queue;
  }

  function refresh() {
    var started = performance.now();
    queue = queue.then(function () {
      return run(window.location.href, { method: "GET" }, null, started);
    });
    return queue;
  }

  var api = { refresh: refresh, send: send, lastMs: null, done: 0 };
  window.snsTable = api;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-inplace") ||
        event.defaultPrevented) return;
    event.preventDefault();
    var body = new FormData(form, event.submitter || undefined);
    send(form, function () { return body; });
  });

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[data-inplace]");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey ||
        !samePage(link.href)) return;
    event.preventDefault();
    var started = performance.now();
    queue = queue.then(function () {
      return run(link.href, { method: "GET" }, null, started,
                 link.getAttribute("data-inplace-scroll"));
    });
  });
})();
