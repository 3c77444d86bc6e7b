/*
 * The netwerkkaart on screen: draws the payload of graph.render.map_payload with vis-network.
 *
 * Page contract (no inline script: the page runs under CSP default-src 'self'):
 *   <script src=".../vendor/vis-network.min.js"></script>   (defines window.vis)
 *   <script type="application/json" id="map-data">{{ payload|tojson }}</script>
 *   <div id="map" data-move-url="..." data-version="..." data-csrf="..."
 *        data-edit-url-template="/bewoners/1/leden/__ID__"></div>
 *   <p id="map-message" role="alert"></p>
 *   <script src=".../graph.js"></script>
 * Optional on #map: data-error-text, the message shown when saving a move fails for another
 * reason than a 400/409 answer (network down, server error); a Dutch default is used otherwise.
 *
 * All user text reaches the page as text only: tooltips are DOM nodes filled with textContent,
 * the frame labels are drawn with ctx.fillText, and vis-network's `title` is never used (it
 * switches to innerHTML when the text contains "href").
 *
 * Coordinates are screen coordinates (y downward); angles are degrees clockwise from 12 o'clock:
 * x = r * sin(a), y = -r * cos(a).
 */
(function () {
  "use strict";

  var EGO = "ego";
  // Sector and line colours come with the payload (graph/render.py), the same as on paper;
  // shape carries the sector as well, so colour is never the only cue.
  var INK = "#1d2330";
  var MUTED = "#5a6272";
  // room outside the outer ring for the sector labels: wide at the sides, low at top and bottom
  var LABEL_MARGIN_X = 200;
  var LABEL_MARGIN_Y = 50;
  var DEFAULT_ERROR = "Het verplaatsen is niet bewaard. Probeer het opnieuw.";

  function readPayload() {
    var el = document.getElementById("map-data");
    if (!el) return null;
    try {
      var data = JSON.parse(el.textContent || "null");
      if (data && Array.isArray(data.nodes) && Array.isArray(data.edges) && data.frame) {
        return data;
      }
    } catch (e) {
      /* a broken payload leaves the table as the only view */
    }
    return null;
  }

  function point(radius, angle) {
    var a = (angle * Math.PI) / 180;
    return { x: radius * Math.sin(a), y: -radius * Math.cos(a) };
  }

  function visNode(frame, node) {
    if (node.ego) {
      return {
        id: node.id,
        label: node.label,
        x: node.x,
        y: node.y,
        shape: node.shape,
        fixed: { x: true, y: true },
        color: {
          background: "#ffffff",
          border: INK,
          highlight: { background: "#ffffff", border: INK },
          hover: { background: "#ffffff", border: INK },
        },
        borderWidth: 3,
        font: { size: 22, color: INK, face: "DejaVu Sans, Verdana, sans-serif" },
        widthConstraint: { maximum: 130 },
        margin: 10,
      };
    }
    var fill = node.colour;
    var known = frame.sectors.indexOf(node.sector) >= 0;
    return {
      id: node.id,
      label: node.label,
      x: node.x,
      y: node.y,
      shape: node.shape,
      size: 18,
      fixed: { x: false, y: false },
      color: {
        background: fill,
        border: INK,
        highlight: { background: fill, border: "#000000" },
        hover: { background: fill, border: "#000000" },
      },
      borderWidth: 2,
      borderWidthSelected: 4,
      // unknown sector: grey and a dashed outline, on top of its own shape
      shapeProperties: { borderDashes: known ? false : [4, 3] },
      font: {
        size: 20,
        color: INK,
        face: "DejaVu Sans, Verdana, sans-serif",
        strokeWidth: 4,
        strokeColor: "#ffffff",
      },
      widthConstraint: { maximum: 170 },
    };
  }

  function visEdge(edge) {
    var colour = edge.colour;
    return {
      id: edge.id,
      from: edge.from,
      to: edge.to,
      dashes: edge.dashes,
      width: edge.width,
      color: { color: colour, highlight: colour, hover: colour, inherit: false, opacity: 1 },
      smooth: false,
      chosen: false,
    };
  }

  function drawText(ctx, text, x, y) {
    ctx.lineWidth = 5;
    ctx.strokeStyle = "rgba(255,255,255,0.9)";
    ctx.lineJoin = "round";
    ctx.strokeText(text, x, y);
    ctx.fillText(text, x, y);
  }

  function drawFrame(ctx, frame) {
    var rings = frame.rings;
    var outer = frame.outer;
    var inner = frame.resident_radius;
    var i;
    ctx.save();

    // ring fills, outermost first, so each inner ring covers the one around it
    for (i = rings.length - 1; i >= 0; i -= 1) {
      ctx.beginPath();
      ctx.arc(0, 0, rings[i].outer, 0, 2 * Math.PI);
      ctx.fillStyle = rings[i].circle === null ? "#eeeeea" : i % 2 ? "#f3f5f8" : "#ffffff";
      ctx.fill();
    }
    // the resident's disc
    ctx.beginPath();
    ctx.arc(0, 0, inner, 0, 2 * Math.PI);
    ctx.fillStyle = "#e8eef7";
    ctx.fill();

    // ring borders
    ctx.strokeStyle = "#8a92a0";
    ctx.lineWidth = 2;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(0, 0, inner, 0, 2 * Math.PI);
    ctx.stroke();
    for (i = 0; i < rings.length; i += 1) {
      ctx.beginPath();
      ctx.setLineDash(rings[i].circle === null ? [10, 8] : []);
      ctx.arc(0, 0, rings[i].outer, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.setLineDash([]);

    // wedge borders, from the resident's disc to the outer ring
    frame.wedges.forEach(function (wedge) {
      var from = point(inner, wedge.start);
      var to = point(outer, wedge.start);
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    });

    // sector labels just outside the outer ring, in the middle of each wedge
    ctx.fillStyle = INK;
    ctx.font = "bold 24px DejaVu Sans, Verdana, sans-serif";
    frame.wedges.forEach(function (wedge) {
      var mid = (wedge.start + wedge.end) / 2;
      var a = (mid * Math.PI) / 180;
      var sin = Math.sin(a);
      var cos = Math.cos(a);
      var p = point(outer + 16, mid);
      ctx.textAlign = sin > 0.25 ? "left" : sin < -0.25 ? "right" : "center";
      ctx.textBaseline = cos > 0.25 ? "bottom" : cos < -0.25 ? "top" : "middle";
      drawText(ctx, wedge.label, p.x, p.y);
    });

    // ring numbers, small, along the first wedge border (straight up)
    ctx.fillStyle = MUTED;
    ctx.font = "16px DejaVu Sans, Verdana, sans-serif";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    rings.forEach(function (ring) {
      var text = ring.circle === null ? ring.label : String(ring.circle);
      drawText(ctx, text, 8, -(ring.inner + ring.outer) / 2);
    });

    ctx.restore();
  }

  function buildTooltip(node) {
    var box = document.createElement("div");
    box.className = "map-tooltip";
    box.setAttribute("role", "tooltip");
    var name = document.createElement("div");
    name.className = "map-tooltip-name";
    name.textContent = node.label;
    box.appendChild(name);
    node.details.forEach(function (pair) {
      var line = document.createElement("div");
      line.className = "map-tooltip-line";
      var label = document.createElement("span");
      label.className = "map-tooltip-label";
      label.textContent = String(pair[0]) + ": ";
      var value = document.createElement("span");
      value.textContent = String(pair[1]);
      line.appendChild(label);
      line.appendChild(value);
      box.appendChild(line);
    });
    return box;
  }

  function start() {
    var container = document.getElementById("map");
    if (!container) return;
    var data = readPayload();
    if (!data || typeof window.vis === "undefined" || !window.vis.Network) return;

    var vis = window.vis;
    var frame = data.frame;
    var moveUrl = container.getAttribute("data-move-url") || "";
    var version = container.getAttribute("data-version") || "";
    var csrf = container.getAttribute("data-csrf") || "";
    var editUrlTemplate = container.getAttribute("data-edit-url-template") || "";
    var errorText = container.getAttribute("data-error-text") || DEFAULT_ERROR;
    var message = document.getElementById("map-message");

    var byId = new Map();
    data.nodes.forEach(function (node) {
      byId.set(String(node.id), node);
    });
    function isMember(id) {
      var node = byId.get(String(id));
      return Boolean(node) && !node.ego;
    }

    var nodes = new vis.DataSet(
      data.nodes.map(function (node) {
        return visNode(frame, node);
      })
    );
    var edges = new vis.DataSet(data.edges.map(visEdge));
    var options = {
      physics: { enabled: false },
      layout: { randomSeed: 1, improvedLayout: false },
      interaction: {
        hover: true,
        dragNodes: true,
        zoomView: true,
        dragView: true,
        tooltipDelay: 100,
        multiselect: false,
        selectConnectedEdges: false,
        hoverConnectedEdges: false,
      },
      nodes: { font: { size: 20 }, labelHighlightBold: false },
      edges: { smooth: false, selectionWidth: 0, hoverWidth: 0 },
    };
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    // Reachable for browser tests and the console: where is a member drawn right now?
    container.snsNetwork = network;

    network.on("beforeDrawing", function (ctx) {
      drawFrame(ctx, frame);
    });

    function fitFrame() {
      var w = container.clientWidth;
      var h = container.clientHeight;
      if (!w || !h) return;
      var scale = Math.min(
        w / (2 * (frame.outer + LABEL_MARGIN_X)),
        h / (2 * (frame.outer + LABEL_MARGIN_Y))
      );
      network.moveTo({ position: { x: 0, y: 0 }, scale: scale });
    }
    fitFrame();
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(fitFrame, 150);
    });

    // --- tooltip -------------------------------------------------------------------------
    var tooltip = null;
    function hideTooltip() {
      if (tooltip && tooltip.parentNode) tooltip.parentNode.removeChild(tooltip);
      tooltip = null;
    }
    function showTooltip(id) {
      hideTooltip();
      var node = byId.get(String(id));
      if (!node || node.ego) return;
      tooltip = buildTooltip(node);
      document.body.appendChild(tooltip);
      var pos = network.getPosition(id);
      var dom = network.canvasToDOM(pos);
      var rect = container.getBoundingClientRect();
      var left = rect.left + window.scrollX + dom.x + 24;
      var top = rect.top + window.scrollY + dom.y + 24;
      var maxLeft = window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8;
      if (left > maxLeft) {
        // no room on the right: put it on the left of the node
        left = Math.max(window.scrollX + 8, left - tooltip.offsetWidth - 48);
      }
      tooltip.style.left = left + "px";
      tooltip.style.top = top + "px";
    }
    network.on("hoverNode", function (params) {
      showTooltip(params.node);
    });
    network.on("blurNode", hideTooltip);
    network.on("zoom", hideTooltip);
    container.addEventListener("mouseleave", hideTooltip);

    // --- messages ------------------------------------------------------------------------
    function say(text) {
      if (!message) return;
      message.textContent = text || "";
      if (text) message.removeAttribute("hidden");
    }

    // --- click: edit the member ----------------------------------------------------------
    network.on("click", function (params) {
      if (!editUrlTemplate || !params.nodes || params.nodes.length !== 1) return;
      var id = params.nodes[0];
      if (!isMember(id)) return;
      window.location.href = editUrlTemplate.replace("__ID__", encodeURIComponent(String(id)));
    });

    // --- drag: move the member to another circle or sector -------------------------------
    var before = null;
    var busy = false;
    network.on("dragStart", function (params) {
      hideTooltip();
      before = params.nodes && params.nodes.length ? network.getPositions(params.nodes) : null;
    });

    function moveBack(id) {
      var old = before && before[id];
      if (old) network.moveNode(id, old.x, old.y);
    }

    function finish(id, status, body) {
      if (status === 200 && body && body.ok) {
        window.location.reload();
        return;
      }
      var text = body && typeof body.message === "string" && body.message ? body.message : errorText;
      say(text);
      if (status === 409) {
        window.setTimeout(function () {
          window.location.reload();
        }, 2500);
        return;
      }
      moveBack(id);
      setBusy(false);
    }

    function setBusy(value) {
      busy = value;
      network.setOptions({ interaction: { dragNodes: !value } });
      container.setAttribute("aria-busy", value ? "true" : "false");
    }

    network.on("dragEnd", function (params) {
      if (busy || !params.nodes || params.nodes.length !== 1) return;
      var id = params.nodes[0];
      if (!isMember(id) || !moveUrl) return;
      var pos = network.getPosition(id);
      var old = before && before[id];
      if (old && Math.abs(old.x - pos.x) < 0.5 && Math.abs(old.y - pos.y) < 0.5) return;
      say("");
      setBusy(true);
      var body = new URLSearchParams();
      body.set("member", String(id));
      body.set("x", String(pos.x));
      body.set("y", String(pos.y));
      body.set("version", version);
      body.set("csrf_token", csrf);
      fetch(moveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
          Accept: "application/json",
          "X-CSRFToken": csrf,
        },
        body: body.toString(),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return null;
            })
            .then(function (json) {
              finish(id, response.status, json);
            });
        })
        .catch(function () {
          finish(id, 0, null);
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
