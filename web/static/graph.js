/*
 * The netwerkkaart on screen: draws the payload of graph.map.payload.map_payload with vis-network.
 *
 * Page contract (no inline script: the page runs under CSP default-src 'self'):
 *   <script src=".../vendor/vis-network.min.js"></script>   (defines window.vis)
 *   <script type="application/json" id="map-data">{{ payload|tojson }}</script>
 *   <div id="map" tabindex="0" role="application" aria-label="..." data-move-url="..."
 *        data-version="..." data-csrf="..." data-edit-url-template="/bewoners/1/leden/__ID__">
 *   </div>
 *   <p id="map-message" role="alert"></p>
 *   <script src=".../graph.js"></script>
 * Optional: on #map data-error-text, the message shown when saving a move fails for another
 * reason than a 400/409 answer (network down, server error; a Dutch default otherwise), and
 * data-selected, the node id of the person just added or moved (drawn selected);
 * buttons [data-zoom="in|out|fit"] in .map-zoom (shown once the map is drawn); a
 * <p id="map-focus" role="status"> that says who is chosen with the keyboard; data-back-text,
 * the words of the button back to the whole map after a tap on a sector; data-pick-form, the
 * id of the "Wie kent wie?" form whose checkboxes the map ticks (see setUpPicking). Without
 * data-move-url the map is read-only (nobody can be dragged), and without
 * data-edit-url-template nobody is opened (the resident's view).
 *
 * Scrolling and zooming: the mouse wheel scrolls the page (the map never traps it); the map
 * zooms with Ctrl+wheel (and a trackpad's pinch, which the browser sends as Ctrl+wheel),
 * with two fingers on a touch screen, and with the zoom buttons or + and - on the keyboard.
 * One finger on a touch screen scrolls the page, also over the map; a long press moves a
 * person, and a tap on a sector shows it large (see setUpTouch). The first view fits the
 * whole frame: rings, sector words and every name, from the boxes the placement gave them.
 *
 * Ties: drawn by this script (drawTies), not by vis-network, with the same look.
 *
 * Labels: vis-network draws only the shapes (and finds the shape under the pointer); this
 * script writes every name, sector word and ring number itself, line by line
 * in the box graph/map/placement.py reserved for it (see "Placement" in graph/map/payload.py), so no
 * label overlaps another label or a shape at any zoom. Each text sits on an opaque plate of
 * paper colour that fills its box and is drawn after every line, so lines pass behind names
 * and never through them. A click on a name counts as a click on the person.
 *
 * Level of detail: a text smaller than MIN_READABLE_PX on the screen cannot be read, so it is
 * not drawn (at 2,000 people the whole map shows names of about 2 px, and writing them cost a
 * third of every frame), nor is a text outside the view. While a name is left out for being
 * too small, a line on the map says so and how to read them: zoom in (optional on #map:
 * data-small-names-text, the translated line; a Dutch default otherwise). The zoom buttons
 * reach at least 16 px names, however many people there are.
 *
 * Keyboard (WCAG 2.1.1): #map is one tab stop with a name; the arrow keys choose the next or
 * previous person (round the circles, inner circle first), Enter opens the chosen person,
 * Escape lets go. The chosen person gets a ring, their details and a status line, and the
 * event "sns:person" ({detail: {id}}) on #map, so the page's move form (the non-drag
 * alternative to dragging, WCAG 2.5.7) follows them. Space picks the chosen person.
 *
 * Picking several people (Wie kent wie?, setUpPicking): Shift, Ctrl or Cmd and a click, a
 * rectangle dragged with Shift on the empty map, or taps in the "Kies mensen" mode tick the
 * people's boxes in the form beside the map; the map draws whoever is ticked there.
 *
 * window.snsMap, for the page's other scripts:
 *   update(payload, version, selected)  new data after an action saved in place (table.js):
 *       the view (position and zoom) stays; resolves when the new map is drawn;
 *   ask({kind, direction, pick}) | ask(null)  a support question is open (questions.js):
 *       a click or Enter on a person calls pick(id) instead of opening them, and everyone
 *       whose "support" or "gives" (direction) holds kind gets a ring (style.answered).
 *
 * Timing: the marks "sns-map-start" (before the payload is read) and "sns-map-drawn" (the
 * first frame) in the page's performance timeline; bench/bench_floors.py compares the time
 * between them with plain vis-network's.
 *
 * All user text reaches the page as text only: tooltips are DOM nodes filled with textContent,
 * the frame labels are drawn with ctx.fillText, and vis-network's `title` is never used (it
 * switches to innerHTML when the text contains "href").
 *
 * Parts: the pure ones first (geometry, the view, label lines, the keyboard order, the vis
 * nodes: no page, no vis-network; node's test runner checks them, tests/web/js), then the
 * canvas drawing, then the parts of the page that start() puts together.
 *
 * Coordinates are screen coordinates (y downward); angles are degrees clockwise from 12 o'clock:
 * x = r * sin(a), y = -r * cos(a).
 */
(function () {
  "use strict";

  // Every colour, the font and the label rules come with the payload (its "style", from
  // graph/map/style.py), the same as on paper; shape carries the sector as well, so colour is
  // never the only cue.
  var ZOOM_STEP = 1.25;
  var DEFAULT_ERROR = "Het verplaatsen is niet bewaard. Probeer het opnieuw.";
  var DEFAULT_SMALL_NAMES = "De namen zijn nu te klein om te lezen. Zoom in met Groter of + " +
    "om ze te zien.";
  // below this size (CSS px on the screen) a text is not drawn; vis-network's own labels
  // stop at 5 px (its scaling.label.drawThreshold)
  var MIN_READABLE_PX = 6;
  // the zoom buttons go at least this far in: every name can be read at this size
  var ZOOM_NAMES_PX = 16;
  // a tap on a sector shows it with names at least this size: readable on a phone
  var SECTOR_NAMES_PX = 14;
  var DEFAULT_BACK = "Terug naar de hele kaart";
  // touch: how long a finger rests on a person before it picks them up, and how far it may
  // wander while resting (CSS px)
  var LONG_PRESS_MS = 500;
  var TAP_SLOP_PX = 10;

  // --- pure parts: no page, no vis-network ------------------------------------------------

  function point(radius, angle) {
    var a = (angle * Math.PI) / 180;
    return { x: radius * Math.sin(a), y: -radius * Math.cos(a) };
  }

  /* vis-network draws the shapes (and finds the one under the pointer); the labels are
   * drawn by this script from the payload's label boxes (see drawLabels). */
  function visNode(frame, style, node) {
    if (node.ego) {
      // the resident: drawn by drawResident over the centre; here only where lines start
      return {
        id: node.id,
        x: node.x,
        y: node.y,
        shape: "dot",
        size: 1,
        fixed: { x: true, y: true },
        color: { background: style.hidden, border: style.hidden,
                 highlight: { background: style.hidden, border: style.hidden },
                 hover: { background: style.hidden, border: style.hidden } },
        borderWidth: 0,
        chosen: false,
      };
    }
    var fill = node.colour;
    var known = frame.sectors.indexOf(node.sector) >= 0;
    var state = node.state ? style.states[node.state] : null;
    if (state) {
      // died, no contact, from earlier, a pet: the sector's shape, painted apart (drawState)
      return {
        id: node.id,
        x: node.x,
        y: node.y,
        shape: "custom",
        size: node.shapeSize || 18,
        fixed: { x: false, y: false },
        ctxRenderer: function (args) {
          return drawState(args, style, state, node, known);
        },
      };
    }
    return {
      id: node.id,
      x: node.x,
      y: node.y,
      shape: node.shape,
      size: node.shapeSize || 18,
      fixed: { x: false, y: false },
      color: {
        background: fill,
        border: style.ink,
        highlight: { background: fill, border: style.selected },
        hover: { background: fill, border: style.selected },
      },
      borderWidth: 2,
      borderWidthSelected: 4,
      // unknown sector: grey and a dashed outline, on top of its own shape
      shapeProperties: { borderDashes: known ? false : style.unknownOutline },
    };
  }

  /* The outline of a sector's shape of "size" r centred on (x, y), as the paper map draws
   * it: the corners in the style's shapes (graph/map/style.py SHAPE_OUTLINES, in units of
   * r), or a circle for a shape without corners. */
  function shapePath(ctx, style, shape, x, y, r) {
    var corners = style.shapes[shape];
    ctx.beginPath();
    if (!corners) {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      return;
    }
    corners.forEach(function (c, i) {
      if (i === 0) ctx.moveTo(x + c[0] * r, y + c[1] * r);
      else ctx.lineTo(x + c[0] * r, y + c[1] * r);
    });
    ctx.closePath();
  }

  /* vis-network's custom shape for a member with a state: the sector's shape in the state's
   * fill (or the sector's colour), faded by its opacity over paper, outlined in ink (dotted for no
   * contact, dashed for an unknown sector, black when chosen), and the state's mark over it
   * (graph/map/style.py STATE_STYLES and STATE_MARKS: a cross, a paw print). */
  function drawState(args, style, state, node, known) {
    var ctx = args.ctx;
    var r = node.shapeSize || 18;
    var chosen = args.state.selected || args.state.hover;
    return {
      drawNode: function () {
        var width = chosen ? 4 : 2;
        shapePath(ctx, style, node.shape, args.x, args.y, r);
        if (state.opacity < 1) {
          // faded over paper, so no line shows through the shape
          ctx.fillStyle = style.paper;
          ctx.fill();
          ctx.globalAlpha = state.opacity;
        }
        ctx.fillStyle = state.fill || node.colour;
        ctx.fill();
        ctx.strokeStyle = chosen ? style.selected : style.ink;
        ctx.lineWidth = width;
        if (state.dashes) {
          ctx.lineCap = "round";
          ctx.setLineDash(state.dashes.map(function (d) { return d * width; }));
        } else if (!known) {
          ctx.setLineDash(style.unknownOutline);
        }
        ctx.stroke();
        ctx.setLineDash([]);
        var marks = state.marks;
        if (!marks) return;
        ctx.strokeStyle = style.ink;
        ctx.fillStyle = style.ink;
        ctx.lineWidth = marks.width * r;
        ctx.lineCap = "round";
        marks.lines.forEach(function (l) {
          ctx.beginPath();
          ctx.moveTo(args.x + l[0] * r, args.y + l[1] * r);
          ctx.lineTo(args.x + l[2] * r, args.y + l[3] * r);
          ctx.stroke();
        });
        marks.ellipses.forEach(function (e) {
          ctx.beginPath();
          ctx.ellipse(args.x + e[0] * r, args.y + e[1] * r, e[2] * r, e[3] * r, 0, 0,
                      2 * Math.PI);
          ctx.fill();
        });
      },
      nodeDimensions: { width: 2.8 * r, height: 2.8 * r },
    };
  }

  /* Whether a line from a to b, `width` wide, lies wholly on one side outside the view. */
  function lineOutside(view, a, b, width) {
    return (a.x < view.left - width && b.x < view.left - width) ||
      (a.x > view.right + width && b.x > view.right + width) ||
      (a.y < view.top - width && b.y < view.top - width) ||
      (a.y > view.bottom + width && b.y > view.bottom + width);
  }

  /* Whether a box, moved by (dx, dy), lies wholly outside the view. */
  function boxOutside(view, box, dx, dy) {
    return box.x + dx > view.right || box.x + box.w + dx < view.left ||
      box.y + dy > view.bottom || box.y + box.h + dy < view.top;
  }

  /* The baseline of line i of a label block in `box` (see "Placement" in
   * graph/map/payload.py): box.y + labelTop * size + (i + labelBaseline) * lineHeight * size,
   * labelTop and labelBaseline from the payload's style. */
  function baseline(style, box, size, lineHeight, i) {
    return box.y + style.labelTop * size + (i + style.labelBaseline) * lineHeight * size;
  }

  /* The box (canvas units) the first view must show: rings, sector words, every member's
   * shape and label. */
  function extent(frame, nodes) {
    var r = frame.outer + 4;
    var box = { left: -r, top: -r, right: r, bottom: r };
    function grow(b) {
      if (!b) return;
      box.left = Math.min(box.left, b.x);
      box.top = Math.min(box.top, b.y);
      box.right = Math.max(box.right, b.x + b.w);
      box.bottom = Math.max(box.bottom, b.y + b.h);
    }
    frame.wedges.forEach(function (wedge) { grow(wedge.labelBox); });
    nodes.forEach(function (node) {
      grow(node.labelBox);
      grow(node.shapeBox);
    });
    return box;
  }

  /* The smallest name on the map: the zoom buttons go far enough in to read it. */
  function smallestFont(frame, nodes) {
    return nodes.reduce(function (least, node) {
      return Math.min(least, node.fontSize || frame.placement.fontSize);
    }, frame.placement.fontSize);
  }

  /* The view that shows `bounds` whole in a w x h container, `pad` pixels inside its edges:
   * {position, scale} for network.moveTo; null while the container has no size. */
  function fitView(bounds, w, h, pad) {
    if (!w || !h) return null;
    return {
      position: { x: (bounds.left + bounds.right) / 2, y: (bounds.top + bounds.bottom) / 2 },
      scale: Math.min(
        (w - 2 * pad) / (bounds.right - bounds.left),
        (h - 2 * pad) / (bounds.bottom - bounds.top)
      ),
    };
  }

  /* The scale after zooming by `factor`: at most half the fitted view out, and in to 8 times
   * it or to where the smallest name is ZOOM_NAMES_PX, whichever is further. */
  function zoomedScale(scale, factor, fitScale, smallest) {
    var most = Math.max(fitScale * 8, ZOOM_NAMES_PX / smallest);
    return Math.max(fitScale / 2, Math.min(most, scale * factor));
  }

  /* The wedge (sector) at canvas point p: between its start and end angle, outside the
   * resident's disc and no further out than its sector word; null elsewhere. */
  function wedgeAt(frame, p) {
    var r = Math.sqrt(p.x * p.x + p.y * p.y);
    if (r <= frame.resident_radius) return null;
    var angle = ((Math.atan2(p.x, -p.y) * 180) / Math.PI + 360) % 360;
    var found = null;
    frame.wedges.forEach(function (wedge) {
      if (found || angle < wedge.start || angle >= wedge.end) return;
      var box = wedge.labelBox;
      var reach = frame.outer;
      if (box) {
        [[box.x, box.y], [box.x + box.w, box.y], [box.x, box.y + box.h],
         [box.x + box.w, box.y + box.h]].forEach(function (c) {
          reach = Math.max(reach, Math.sqrt(c[0] * c[0] + c[1] * c[1]));
        });
      }
      if (r <= reach) found = wedge;
    });
    return found;
  }

  /* The box (canvas units) a view of one wedge must show: its part of the rings, its sector
   * word, and the shape and name of everybody drawn in it. */
  function wedgeBounds(frame, nodes, wedge) {
    var box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    function add(x, y) {
      box.left = Math.min(box.left, x);
      box.top = Math.min(box.top, y);
      box.right = Math.max(box.right, x);
      box.bottom = Math.max(box.bottom, y);
    }
    function grow(b) {
      if (!b) return;
      add(b.x, b.y);
      add(b.x + b.w, b.y + b.h);
    }
    // the corners of the ring segment: both edges, and every quarter turn it passes
    var angles = [wedge.start, wedge.end];
    for (var quarter = 0; quarter < 360; quarter += 90) {
      if (quarter > wedge.start && quarter < wedge.end) angles.push(quarter);
    }
    angles.forEach(function (angle) {
      [frame.resident_radius, frame.outer].forEach(function (radius) {
        var at = point(radius, angle);
        add(at.x, at.y);
      });
    });
    grow(wedge.labelBox);
    nodes.forEach(function (node) {
      if (!node.ego && wedgeAt(frame, node) === wedge) {
        grow(node.labelBox);
        grow(node.shapeBox);
      }
    });
    return box;
  }

  /* The view while two fingers pan and zoom: the canvas point that was between the fingers
   * (`from`, two DOM points in a w x h container, at view `start`) stays between them (`to`),
   * and the scale follows the distance between the fingers, within `limit` (a function). */
  function pinchView(start, from, to, w, h, limit) {
    function middle(pair) {
      return { x: (pair[0].x + pair[1].x) / 2, y: (pair[0].y + pair[1].y) / 2 };
    }
    function distance(pair) {
      return Math.max(1, Math.sqrt(Math.pow(pair[0].x - pair[1].x, 2) +
                                   Math.pow(pair[0].y - pair[1].y, 2)));
    }
    var a = middle(from);
    var b = middle(to);
    var held = {
      x: start.position.x + (a.x - w / 2) / start.scale,
      y: start.position.y + (a.y - h / 2) / start.scale,
    };
    var scale = limit(start.scale * distance(to) / distance(from));
    return {
      position: { x: held.x - (b.x - w / 2) / scale, y: held.y - (b.y - h / 2) / scale },
      scale: scale,
    };
  }

  /* The members in the order the arrow keys go: round the circles, inner circle first (an
   * unknown circle last), clockwise from 12 o'clock. */
  function keyboardOrder(nodes) {
    return nodes
      .filter(function (node) { return !node.ego; })
      .map(function (node) {
        var angle = (Math.atan2(node.x, -node.y) * 180) / Math.PI;
        return { id: node.id, circle: node.circle === null ? 9 : node.circle,
                 angle: (angle + 360) % 360 };
      })
      .sort(function (a, b) { return a.circle - b.circle || a.angle - b.angle; })
      .map(function (entry) { return entry.id; });
  }

  /* Who the key (an arrow, Home or End) chooses after `chosen` (null: nobody yet) in
   * `order`, round and round; null when there is nobody on the map. */
  function nextInOrder(order, chosen, key) {
    if (!order.length) return null;
    if (key === "Home") return order[0];
    if (key === "End") return order[order.length - 1];
    var forward = key === "ArrowRight" || key === "ArrowDown";
    var at = chosen === null ? -1 : order.indexOf(chosen);
    var next = at < 0 ? (forward ? 0 : order.length - 1)
      : (at + (forward ? 1 : order.length - 1)) % order.length;
    return order[next];
  }

  /* The member whose name is at canvas point p, or null: a name is as good a target as the
   * shape (larger, too). `positions` are where the shapes are now (a name follows a drag). */
  function labelAt(nodes, positions, p) {
    var found = null;
    nodes.forEach(function (node) {
      var box = node.labelBox;
      if (node.ego || !box || found) return;
      var pos = positions[node.id] || node;
      var x = p.x - (pos.x - node.x);
      var y = p.y - (pos.y - node.y);
      if (x >= box.x && x <= box.x + box.w && y >= box.y && y <= box.y + box.h) found = node.id;
    });
    return found;
  }

  /* The left edge (page pixels) of a tooltip `width` wide beside a person at page x: 24 px
   * to the right, or on the left when it would pass the page's right edge less 8 px. */
  function tooltipLeft(x, width, pageLeft, pageRight) {
    var left = x + 24;
    if (left > pageRight - width - 8) {
      left = Math.max(pageLeft + 8, left - width - 48);
    }
    return left;
  }

  /* Picking several people for "Wie kent wie?" (setUpPicking): whether a click or tap picks
   * a person instead of opening them. `keys` is the pointer event (Shift, Ctrl or Cmd
   * held); `pickMode` is the "Kies mensen" mode, for a touch screen, which has no keys. */
  function picks(keys, pickMode) {
    return Boolean(pickMode || (keys && (keys.shiftKey || keys.ctrlKey || keys.metaKey)));
  }

  /* The box between two corners, whichever way it was dragged. */
  function boxBetween(a, b) {
    return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y),
             right: Math.max(a.x, b.x), bottom: Math.max(a.y, b.y) };
  }

  /* The members whose shape's centre lies in `box` (canvas units), in the payload's order;
   * `positions` are where the shapes are now. The resident is never one of them. */
  function membersInBox(nodes, positions, box) {
    return nodes.filter(function (node) {
      if (node.ego) return false;
      var pos = positions[node.id] || node;
      return pos.x >= box.left && pos.x <= box.right && pos.y >= box.top && pos.y <= box.bottom;
    }).map(function (node) { return node.id; });
  }

  /* The line that says how many people are picked. `texts` are the page's sentences (none,
   * one, two, many and tooMany; {people} and {pairs} in them are filled in), `max` the most
   * people one action takes. */
  function pickedText(texts, count, max) {
    var text = count === 0 ? texts.none : count > max ? texts.tooMany
      : count === 1 ? texts.one : count === 2 ? texts.two : texts.many;
    return String(text || "").replace("{people}", String(count))
      .replace("{pairs}", String((count * (count - 1)) / 2));
  }

  // --- drawing on the canvas ------------------------------------------------------------

  /* The ties (who knows whom), drawn here where vis-network would draw them: last before the
   * shapes, over the frame, in the payload's order, as the same straight lines from centre to
   * centre with vis-network's look: at least 0.3 px wide on the screen, dashed lines with
   * round caps (which vis-network leaves set for the rest of the frame, so this does too).
   * A tie with a casing (the strained ones, last in the payload's order so they lie on top)
   * first gets a solid band of paper colour that much wider on either side, as vis-network
   * would draw a solid line: the gaps of its dash-dot stay white where it meets other lines.
   * What vis-network adds per line and per frame (its option lookups, parsing the colour
   * again, an object per line) cost more than the lines themselves at 5,000 ties; a line
   * outside the view (lineOutside) is skipped. The ends are where
   * vis-network has the shapes (`shapes`, its body.nodes): getPositions() rounds them, and a
   * line drawn from there would shift by a fraction of a pixel while somebody is dragged.
   * Names are drawn later, on plates (drawLabels), so no tie runs through a name. */
  function drawTies(ctx, view, style, ties, shapes) {
    var least = 0.3 / view.scale;
    function stroke(a, b) {
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
    }
    ties.forEach(function (tie) {
      var a = shapes[tie.from];
      var b = shapes[tie.to];
      if (!a || !b) return;
      var width = Math.max(tie.width, least);
      var casing = tie.casing ? width + 2 * tie.casing : 0;
      if (lineOutside(view, a, b, Math.max(width, casing))) return;
      if (casing) {
        ctx.strokeStyle = style.paper;
        ctx.lineWidth = casing;
        stroke(a, b);
      }
      ctx.strokeStyle = tie.colour;
      ctx.lineWidth = width;
      if (tie.dashes) {
        ctx.lineCap = "round";
        ctx.setLineDash(tie.dashes); // vis-network: save, dash, line, restore; the same state
      }
      stroke(a, b);
      if (tie.dashes) ctx.setLineDash([]);
    });
  }

  /* What the canvas shows this frame: its scale, the visible part in canvas units, where
   * everybody is, and how many names were left out for being too small to read (see
   * drawLabels). */
  function viewOf(network, container) {
    var a = network.DOMtoCanvas({ x: 0, y: 0 });
    var b = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    return { scale: network.getScale(), left: a.x, top: a.y, right: b.x, bottom: b.y,
             positions: network.getPositions(), tooSmall: 0 };
  }

  /* A label block as graph/map/payload.py places it: an opaque plate of paper colour filling
   * its box (round corners, style.plateRadius name heights), then line i centred in the box,
   * on its baseline, in the context's fill colour; (dx, dy) moves the whole block (a member
   * being dragged takes their label along). Blocks are drawn after every line, so the plate
   * hides the lines behind the name. Nothing is drawn outside the view, or when the text
   * would be smaller than MIN_READABLE_PX: then the answer is true. */
  function drawLines(ctx, view, style, lines, box, size, lineHeight, bold, dx, dy) {
    if (!box || !lines || !lines.length) return false;
    dx = dx || 0;
    dy = dy || 0;
    if (boxOutside(view, box, dx, dy)) return false;
    if (size * view.scale < MIN_READABLE_PX) return true;
    var ink = ctx.fillStyle;
    ctx.beginPath();
    if (ctx.roundRect) {
      ctx.roundRect(box.x + dx, box.y + dy, box.w, box.h, style.plateRadius * size);
    } else { // Safari before 16: square corners
      ctx.rect(box.x + dx, box.y + dy, box.w, box.h);
    }
    ctx.fillStyle = style.paper;
    ctx.fill();
    ctx.fillStyle = ink;
    ctx.font = (bold ? "bold " : "") + size + "px " + style.font;
    ctx.textAlign = "center";
    ctx.textBaseline = "alphabetic";
    var cx = box.x + box.w / 2 + dx;
    lines.forEach(function (line, i) {
      ctx.fillText(line, cx, baseline(style, box, size, lineHeight, i) + dy);
    });
    return false;
  }

  function drawFrame(ctx, frame, style) {
    var rings = frame.rings;
    var outer = frame.outer;
    var inner = frame.resident_radius;
    var i;
    ctx.save();

    // ring fills, outermost first, so each inner ring covers the one around it
    for (i = rings.length - 1; i >= 0; i -= 1) {
      ctx.beginPath();
      ctx.arc(0, 0, rings[i].outer, 0, 2 * Math.PI);
      ctx.fillStyle = rings[i].fill;
      ctx.fill();
    }
    // the resident's disc
    ctx.beginPath();
    ctx.arc(0, 0, inner, 0, 2 * Math.PI);
    ctx.fillStyle = style.residentDisc;
    ctx.fill();

    // ring borders
    var width = 2;
    ctx.strokeStyle = style.frameLine;
    ctx.lineWidth = width;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(0, 0, inner, 0, 2 * Math.PI);
    ctx.stroke();
    for (i = 0; i < rings.length; i += 1) {
      ctx.beginPath();
      ctx.setLineDash(rings[i].circle === null ? style.frameDashes.map(function (d) {
        return d * width;
      }) : []);
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

    ctx.restore();
  }

  /* Every text, each on its plate (drawLines), after all lines (the ties are in the picture
   * under the shapes, see Background): the sector words outside the outer ring and the ring
   * numbers on the 12 o'clock line, in the boxes the placement gave them; members' names
   * beside their shapes; and the resident's name on a white ellipse in the centre, drawn
   * last: nothing covers the people who matter most. */
  function drawLabels(ctx, view, frame, style, nodes) {
    var placement = frame.placement;
    var positions = view.positions;
    ctx.save();
    ctx.fillStyle = style.ink;
    frame.wedges.forEach(function (wedge) {
      drawLines(ctx, view, style, wedge.lines, wedge.labelBox, placement.fontSize,
                placement.lineHeight, true);
    });
    ctx.fillStyle = style.muted;
    frame.rings.forEach(function (ring) {
      drawLines(ctx, view, style, ring.lines, ring.labelBox,
                style.ringNumberSize * placement.fontSize, placement.lineHeight, false);
    });
    ctx.fillStyle = style.ink;
    nodes.forEach(function (node) {
      if (node.ego) return;
      var pos = positions[node.id] || node;
      if (drawLines(ctx, view, style, node.lines, node.labelBox,
                    node.fontSize || placement.fontSize, placement.lineHeight, false,
                    pos.x - node.x, pos.y - node.y)) {
        view.tooSmall += 1;
      }
    });
    nodes.forEach(function (node) {
      if (!node.ego) return;
      var size = node.fontSize || placement.fontSize;
      // the ellipse the placement kept free for the resident (graph/map/payload.py's shapeBox)
      var shape = node.shapeBox || { w: 2 * frame.resident_radius, h: 2 * frame.resident_radius };
      var rx = shape.w / 2 - 2;
      var ry = shape.h / 2 - 2;
      ctx.beginPath();
      ctx.ellipse(node.x, node.y, rx, ry, 0, 0, 2 * Math.PI);
      ctx.fillStyle = style.paper;
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = style.ink;
      ctx.stroke();
      ctx.fillStyle = style.ink;
      drawLines(ctx, view, style, node.lines, node.labelBox, size, placement.lineHeight, true);
    });
    ctx.restore();
  }

  /* The frame and the ties as a picture, drawn again only when what they show changed: the
   * view (the context's transform and the canvas's size), a drag (moves), or the ties drawn.
   * A hover, a chosen person or a selection redraws the map, but then only the shapes and
   * names are drawn anew over this picture, and at 2,000 people the ties are most of the work
   * of a frame. The picture is the same pixels as drawing on the map itself (it is drawn with
   * the same transform on an empty canvas of the same size and copied 1:1), and the context
   * is left in the state drawTies leaves it in. */
  function Background() {
    this.canvas = document.createElement("canvas");
    this.key = null;
    this.state = null;
  }
  Background.prototype.draw = function (ctx, key, paint) {
    var pic = this.canvas;
    var m = ctx.getTransform();
    key = [ctx.canvas.width, ctx.canvas.height, m.a, m.b, m.c, m.d, m.e, m.f, key].join(" ");
    if (key !== this.key) {
      var bg = pic.getContext("2d");
      if (pic.width !== ctx.canvas.width || pic.height !== ctx.canvas.height) {
        pic.width = ctx.canvas.width; // a new size also clears and resets the context
        pic.height = ctx.canvas.height;
      } else if (typeof bg.reset === "function") {
        bg.reset();
      } else {
        pic.width = ctx.canvas.width;
      }
      bg.setTransform(m);
      paint(bg);
      this.key = key;
      this.state = { lineCap: bg.lineCap, lineWidth: bg.lineWidth, strokeStyle: bg.strokeStyle };
    }
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(pic, 0, 0);
    ctx.restore();
    ctx.lineCap = this.state.lineCap;
    ctx.lineWidth = this.state.lineWidth;
    ctx.strokeStyle = this.state.strokeStyle;
  };

  // --- the page: DOM and vis-network ----------------------------------------------------

  function readPayload() {
    var el = document.getElementById("map-data");
    if (!el) return null;
    try {
      var data = JSON.parse(el.textContent || "null");
      if (data && Array.isArray(data.nodes) && Array.isArray(data.edges) && data.frame &&
          data.style) {
        return data;
      }
    } catch (e) {
      /* a broken payload leaves the table as the only view */
    }
    return null;
  }

  /* What the page says on #map: where a move is saved and with which version and token,
   * where a person's page is, the words when saving failed; and the message line. */
  function readPage(container) {
    return {
      moveUrl: container.getAttribute("data-move-url") || "",
      version: container.getAttribute("data-version") || "",
      csrf: container.getAttribute("data-csrf") || "",
      editUrlTemplate: container.getAttribute("data-edit-url-template") || "",
      errorText: container.getAttribute("data-error-text") || DEFAULT_ERROR,
      message: document.getElementById("map-message"),
    };
  }

  function isMember(map, id) {
    var node = map.byId.get(String(id));
    return Boolean(node) && !node.ego;
  }

  /* vis-network with the shapes (physics off, every position from the payload), reachable
   * for browser tests and the console: where is a member drawn right now, and where are the
   * sector labels on the screen (DOM pixels inside #map)? */
  function createNetwork(container, data) {
    var vis = window.vis;
    var nodes = new vis.DataSet(
      data.nodes.map(function (node) {
        return visNode(data.frame, data.style, node);
      })
    );
    var options = {
      physics: { enabled: false },
      layout: { randomSeed: 1, improvedLayout: false },
      interaction: {
        hover: true,
        // the resident's view has no place to save a move: nobody is dragged there
        dragNodes: Boolean(container.getAttribute("data-move-url")),
        zoomView: true,
        dragView: true,
        tooltipDelay: 100,
        multiselect: false,
      },
      nodes: { labelHighlightBold: false },
    };
    var network = new vis.Network(container, { nodes: nodes, edges: [] }, options);
    container.snsNetwork = network;
    container.snsTies = data.edges;
    container.snsSectorLabels = function () {
      return data.frame.wedges.map(function (wedge) {
        var box = wedge.labelBox;
        var a = network.canvasToDOM({ x: box.x, y: box.y });
        var b = network.canvasToDOM({ x: box.x + box.w, y: box.y + box.h });
        return { text: wedge.lines.join(" "), left: a.x, top: a.y, right: b.x, bottom: b.y };
      });
    };
    return network;
  }

  /* Every frame: the frame and the ties under the shapes (a picture, see Background), the
   * names over them, and the line that says when names are too small to read, over the
   * map's lower edge. */
  function drawEveryFrame(map) {
    var network = map.network;
    var container = map.container;
    var smallNote = document.createElement("p");
    smallNote.className = "map-small-names";
    smallNote.setAttribute("role", "status");
    smallNote.hidden = true;
    smallNote.textContent = container.getAttribute("data-small-names-text") || DEFAULT_SMALL_NAMES;
    container.appendChild(smallNote);

    var view = null;
    var background = new Background();
    network.on("beforeDrawing", function (ctx) {
      view = viewOf(network, container);
      var data = map.data;
      background.draw(ctx, map.moves + " " + data.edges.length, function (bg) {
        drawFrame(bg, data.frame, data.style);
        drawTies(bg, view, data.style, data.edges, network.body.nodes);
      });
    });
    network.on("dragging", function () {
      map.moves += 1;
    });
    network.on("afterDrawing", function (ctx) {
      drawLabels(ctx, view, map.data.frame, map.data.style, map.data.nodes);
      var tooSmall = view.tooSmall > 0;
      if (smallNote.hidden === tooSmall) smallNote.hidden = !tooSmall;
    });
    network.once("afterDrawing", function () {
      performance.mark("sns-map-drawn");
    });

    // vis-network makes its own frame a tab stop; #map is the one stop, with the name
    var inner = container.querySelector(".vis-network");
    if (inner) inner.tabIndex = -1;
  }

  /* The view: fit the whole frame (at the start, on a resize, with the fit button and 0),
   * zoom with the buttons, + and -, Ctrl+wheel and a pinch; the plain wheel scrolls the page.
   * toSector shows one wedge with names of at least SECTOR_NAMES_PX, and a button on the map
   * back to the whole map. #map gets snsNamePx(): how large the smallest name is drawn now
   * (CSS px). */
  function setUpZoom(map) {
    var network = map.network;
    var container = map.container;
    var fitScale = 1;
    var back = document.createElement("button");
    back.type = "button";
    back.className = "map-back";
    back.hidden = true;
    back.textContent = container.getAttribute("data-back-text") || DEFAULT_BACK;
    container.appendChild(back);
    function fit() {
      var bounds = extent(map.data.frame, map.data.nodes);
      var view = fitView(bounds, container.clientWidth, container.clientHeight, 8);
      if (!view) return;
      fitScale = view.scale;
      back.hidden = true;
      network.moveTo(view);
    }
    // the smallest name of the data drawn now: the data changes when the page is redrawn
    // in place (snsMap.update)
    function smallest() {
      return smallestFont(map.data.frame, map.data.nodes);
    }
    function zoomBy(factor) {
      var scale = zoomedScale(network.getScale(), factor, fitScale, smallest());
      network.moveTo({ position: network.getViewPosition(), scale: scale });
    }
    function toSector(wedge) {
      var view = fitView(wedgeBounds(map.data.frame, map.data.nodes, wedge),
                         container.clientWidth, container.clientHeight, 8);
      if (!view) return;
      view.scale = Math.max(view.scale, SECTOR_NAMES_PX / smallest());
      network.moveTo(view);
      back.hidden = false;
    }
    function namePx() {
      return smallest() * network.getScale();
    }
    fit();
    back.addEventListener("click", function () {
      fit();
      container.focus({ preventScroll: true });
    });
    // Fit again when the map's own size changes (the page around it is laid out after the
    // map is drawn, a window is turned), not on every resize of the window: a phone's address
    // bar comes and goes while the page scrolls, and the view the coach chose stays.
    var size = container.clientWidth + "x" + container.clientHeight;
    var resizeTimer = null;
    function resized() {
      var now = container.clientWidth + "x" + container.clientHeight;
      if (now === size) return;
      size = now;
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(fit, 150);
    }
    if (typeof ResizeObserver === "function") new ResizeObserver(resized).observe(container);
    else window.addEventListener("resize", resized);
    // Only Ctrl+wheel (and a trackpad's pinch) reaches vis-network, whose listener on the
    // canvas zooms. Captured here, before the canvas.
    container.addEventListener(
      "wheel",
      function (event) {
        if (!event.ctrlKey) event.stopPropagation();
      },
      true
    );
    Array.prototype.forEach.call(document.querySelectorAll("[data-zoom]"), function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-zoom");
        if (how === "fit") fit();
        else zoomBy(how === "in" ? ZOOM_STEP : 1 / ZOOM_STEP);
      });
      var group = button.closest("[hidden]");
      if (group) group.removeAttribute("hidden");
    });
    container.snsNamePx = namePx;
    return {
      fit: fit,
      zoomBy: zoomBy,
      toSector: toSector,
      namePx: namePx,
      // how far a pinch may zoom: as far as the buttons
      limit: function (scale) {
        return zoomedScale(scale, 1, fitScale, smallest());
      },
    };
  }

  /* The tooltip of a member: their name and details, as text. */
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

  /* A member's details beside them while the pointer is on them (or they are chosen with
   * the keyboard); gone on a zoom, when the pointer leaves or the map loses the focus. */
  function setUpTooltip(map) {
    var network = map.network;
    var container = map.container;
    var tooltip = null;
    function hide() {
      if (tooltip && tooltip.parentNode) tooltip.parentNode.removeChild(tooltip);
      tooltip = null;
    }
    function show(id) {
      hide();
      var node = map.byId.get(String(id));
      if (!node || node.ego) return;
      tooltip = buildTooltip(node);
      document.body.appendChild(tooltip);
      var dom = network.canvasToDOM(network.getPosition(id));
      var rect = container.getBoundingClientRect();
      var left = tooltipLeft(rect.left + window.scrollX + dom.x, tooltip.offsetWidth,
                             window.scrollX,
                             window.scrollX + document.documentElement.clientWidth);
      var top = rect.top + window.scrollY + dom.y + 24;
      tooltip.style.left = left + "px";
      tooltip.style.top = top + "px";
    }
    network.on("hoverNode", function (params) {
      show(params.node);
    });
    network.on("blurNode", hide);
    network.on("zoom", hide);
    container.addEventListener("mouseleave", hide);
    return { show: show, hide: hide };
  }

  /* Open a member's page, where the page has one (the resident's view has none); while a
   * question is open (setUpQuestion), answer it for them instead. */
  function openPerson(map, id) {
    if (id === null || !isMember(map, id)) return;
    if (map.question) {
      map.question.pick(String(id));
      return;
    }
    var template = map.page.editUrlTemplate;
    if (!template) return;
    window.location.href = template.replace("__ID__", encodeURIComponent(String(id)));
  }

  /* The member whose shape or name is at DOM point `dom` inside #map, or null. */
  function memberAt(map, dom) {
    var network = map.network;
    var id = network.getNodeAt(dom);
    if (id === undefined || id === null) {
      id = labelAt(map.data.nodes, network.getPositions(), network.DOMtoCanvas(dom));
    }
    return id !== null && isMember(map, id) ? id : null;
  }

  /* The member a vis-network click is on (their shape or their name), or null. */
  function clickedMember(map, params) {
    if (!params.nodes) return null;
    var id = params.nodes.length === 1 ? params.nodes[0]
      : params.pointer && params.pointer.canvas
        ? labelAt(map.data.nodes, map.network.getPositions(), params.pointer.canvas) : null;
    return id !== null && isMember(map, id) ? id : null;
  }

  /* A click on a member's shape or name opens their page (answers the open question for
   * them, see setUpQuestion), unless it picks them (`picking`, from setUpPicking). */
  function openOnClick(map, picking) {
    var network = map.network;
    network.on("click", function (params) {
      if (picking && picking.picks(params)) return;
      openPerson(map, clickedMember(map, params));
    });
  }

  /* Keyboard (WCAG 2.1.1): the arrows, Home and End choose a person (keyboardOrder), Enter
   * opens them, Escape lets go, + - 0 zoom. The chosen person gets a ring, their details, a
   * status line and the event "sns:person" on #map. */
  function setUpKeyboard(map, zoom, tooltip) {
    var network = map.network;
    var container = map.container;
    var template = map.page.editUrlTemplate;
    var announce = document.getElementById("map-focus");

    function keepInView(id) {
      var dom = network.canvasToDOM(network.getPosition(id));
      var margin = 40;
      if (dom.x < margin || dom.y < margin || dom.x > container.clientWidth - margin ||
          dom.y > container.clientHeight - margin) {
        network.moveTo({ position: network.getPosition(id), scale: network.getScale() });
      }
    }

    function choose(id, quiet) {
      map.chosen = id;
      if (id === null) {
        network.unselectAll();
        tooltip.hide();
        if (announce) announce.textContent = "";
        network.redraw();
        return;
      }
      network.selectNodes([id], false);
      var node = map.byId.get(String(id));
      if (!quiet) {
        keepInView(id);
        tooltip.show(id);
        if (announce) {
          announce.textContent = [node.label].concat(node.details.slice(0, 2).map(function (pair) {
            return String(pair[0]) + ": " + String(pair[1]);
          })).join(", ");
        }
      }
      network.redraw();
      container.dispatchEvent(new CustomEvent("sns:person", { detail: { id: String(id) } }));
    }

    container.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var key = event.key;
      var chosen = map.chosen;
      if (key === "ArrowRight" || key === "ArrowDown" || key === "ArrowLeft" || key === "ArrowUp" ||
          key === "Home" || key === "End") {
        event.preventDefault();
        var next = nextInOrder(keyboardOrder(map.data.nodes), chosen, key);
        if (next !== null) choose(next);
      } else if (key === "Enter" && chosen !== null && (map.question || template)) {
        event.preventDefault();
        openPerson(map, chosen);
      } else if (key === "Escape" && chosen !== null) {
        event.preventDefault();
        choose(null);
      } else if (key === "+" || key === "=" || key === "-" || key === "0") {
        event.preventDefault();
        if (key === "0") zoom.fit();
        else zoom.zoomBy(key === "-" ? 1 / ZOOM_STEP : ZOOM_STEP);
      }
    });
    container.addEventListener("blur", tooltip.hide);

    // the chosen person's ring: dark inside, yellow outside, visible on every fill
    var style = map.data.style;
    network.on("afterDrawing", function (ctx) {
      if (map.chosen === null) return;
      if (!isMember(map, map.chosen)) return; // gone after an update
      var pos = network.getPosition(map.chosen);
      var r = 1.4 * (map.byId.get(String(map.chosen)).shapeSize || 18) + 6;
      ctx.save();
      ctx.setLineDash([]);
      ctx.lineWidth = 4;
      ctx.strokeStyle = style.ink;
      ctx.beginPath();
      ctx.arc(pos.x, pos.y, r, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.lineWidth = 6;
      ctx.strokeStyle = style.focus;
      ctx.beginPath();
      ctx.arc(pos.x, pos.y, r + 5, 0, 2 * Math.PI);
      ctx.stroke();
      ctx.restore();
    });

    var justPlaced = container.getAttribute("data-selected");
    if (justPlaced && isMember(map, justPlaced)) choose(justPlaced, true);
    return choose;
  }

  /* Dragging a member to another circle or sector saves the move and redraws the page in
   * place (window.snsTable.refresh of table.js, so the page keeps its place; a reload where
   * it is missing); a refused or failed move is said in the message line and put back (a
   * stale version: the page is redrawn after a moment). The mouse drags with vis-network;
   * touch (setUpTouch) calls the returned save(id, from). */
  function setUpDrag(map, tooltip) {
    var network = map.network;
    var container = map.container;
    var page = map.page;
    function say(text) {
      if (!page.message) return;
      page.message.textContent = text || "";
      if (text) page.message.removeAttribute("hidden");
    }

    var before = null;
    var busy = false;
    network.on("dragStart", function (params) {
      tooltip.hide();
      before = params.nodes && params.nodes.length ? network.getPositions(params.nodes) : null;
    });

    function moveBack(id, from) {
      if (from) {
        map.moves += 1;
        network.moveNode(id, from.x, from.y);
      }
    }

    /* The page redrawn in place from the server (table.js), or reloaded where the page
     * has no such layer. */
    function redraw() {
      var table = window.snsTable;
      if (!table || typeof table.refresh !== "function") {
        window.location.reload();
        return;
      }
      table.refresh().then(function () {
        setBusy(false);
      }, function () {
        window.location.reload();
      });
    }

    function saved(body) {
      page.version = String(body.version);
      container.setAttribute("data-version", page.version);
      redraw();
    }

    function finish(id, from, status, body) {
      if (status === 200 && body && body.ok) {
        saved(body);
        return;
      }
      var text = body && typeof body.message === "string" && body.message ? body.message
        : page.errorText;
      say(text);
      if (status === 409) {
        window.setTimeout(redraw, 2500);
        return;
      }
      moveBack(id, from);
      setBusy(false);
    }

    function setBusy(value) {
      busy = value;
      network.setOptions({ interaction: { dragNodes: !value } });
      container.setAttribute("aria-busy", value ? "true" : "false");
    }

    /* Save where member `id` is now; `from` is where they were (put back when refused). */
    function save(id, from) {
      if (busy || !isMember(map, id) || !page.moveUrl) return;
      var pos = network.getPosition(id);
      if (from && Math.abs(from.x - pos.x) < 0.5 && Math.abs(from.y - pos.y) < 0.5) return;
      say("");
      setBusy(true);
      var body = new URLSearchParams();
      body.set("member", String(id));
      body.set("x", String(pos.x));
      body.set("y", String(pos.y));
      body.set("version", page.version);
      body.set("csrf_token", page.csrf);
      fetch(page.moveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
          Accept: "application/json",
          "X-CSRFToken": page.csrf,
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
              finish(id, from, response.status, json);
            });
        })
        .catch(function () {
          finish(id, from, 0, null);
        });
    }

    network.on("dragEnd", function (params) {
      if (!params.nodes || params.nodes.length !== 1) return;
      var id = params.nodes[0];
      save(id, before && before[id]);
    });
    return {
      save: save,
      busy: function () {
        return busy;
      },
    };
  }

  /* Touch as people expect it. vis-network would take every touch (one finger pans the map,
   * so a page with a full-width map could not be scrolled); here it gets none, and:
   * - one finger scrolls the page (map.css: touch-action pan-y);
   * - two fingers pan and zoom the map (pinchView);
   * - a long press (LONG_PRESS_MS) on a person picks them up, the finger moves them, and
   *   letting go saves the move (drag.save), where the map can save one;
   * - a tap on a person opens them (shows their details where the page opens nobody) once the
   *   names can be read; any other tap on a sector shows that sector large (zoom.toSector),
   *   with a button back to the whole map; in the "Kies mensen" mode a tap on a person picks
   *   them instead (`picking`, from setUpPicking). */
  function setUpTouch(map, zoom, tooltip, drag, picking) {
    var network = map.network;
    var container = map.container;
    var canMove = Boolean(map.page.moveUrl);
    var gesture = null; // what the fingers on the map are doing now

    // Hammer.js (vis-network's touch handling) listens for pointer events on the canvas:
    // a touch's never gets there.
    container.addEventListener("pointerdown", function (event) {
      if (event.pointerType === "touch") event.stopPropagation();
    }, true);

    function at(touch) {
      var rect = container.getBoundingClientRect();
      return { x: touch.clientX - rect.left - container.clientLeft,
               y: touch.clientY - rect.top - container.clientTop };
    }
    function view() {
      return { position: network.getViewPosition(), scale: network.getScale() };
    }
    function pair(touches) {
      return [at(touches[0]), at(touches[1])];
    }
    function stop() {
      if (gesture && gesture.timer) window.clearTimeout(gesture.timer);
      gesture = null;
    }
    function pickUp(id, dom) {
      var pos = network.getPosition(id);
      var p = network.DOMtoCanvas(dom);
      gesture.kind = "move";
      gesture.id = id;
      gesture.from = pos;
      gesture.offset = { x: pos.x - p.x, y: pos.y - p.y };
      tooltip.hide();
      network.selectNodes([id], false);
      container.setAttribute("data-moving", String(id));
    }

    container.addEventListener("touchstart", function (event) {
      var touches = event.touches;
      // a button on the map (back to the whole map) is pressed as any button
      if (event.target.closest && event.target.closest("button")) {
        stop();
        return;
      }
      if (touches.length >= 2) {
        if (gesture && gesture.kind === "move") return;
        stop();
        event.preventDefault();
        gesture = { kind: "pinch", start: view(), from: pair(touches) };
        tooltip.hide();
        return;
      }
      stop();
      var dom = at(touches[0]);
      gesture = { kind: "tap", start: dom, timer: null };
      var id = canMove && !drag.busy() ? memberAt(map, dom) : null;
      if (id !== null) {
        gesture.timer = window.setTimeout(function () {
          if (gesture && gesture.kind === "tap") pickUp(id, dom);
        }, LONG_PRESS_MS);
      }
    }, { passive: false });

    container.addEventListener("touchmove", function (event) {
      if (!gesture) return;
      if (gesture.kind === "pinch" && event.touches.length >= 2) {
        event.preventDefault();
        network.moveTo(pinchView(gesture.start, gesture.from, pair(event.touches),
                                 container.clientWidth, container.clientHeight, zoom.limit));
      } else if (gesture.kind === "move") {
        event.preventDefault();
        var p = network.DOMtoCanvas(at(event.touches[0]));
        map.moves += 1;
        network.moveNode(gesture.id, p.x + gesture.offset.x, p.y + gesture.offset.y);
      } else if (gesture.kind === "tap") {
        var dom = at(event.touches[0]);
        // the finger went on: the page scrolls, and it was no tap
        if (Math.abs(dom.x - gesture.start.x) > TAP_SLOP_PX ||
            Math.abs(dom.y - gesture.start.y) > TAP_SLOP_PX) stop();
      }
    }, { passive: false });

    container.addEventListener("touchend", function (event) {
      if (!gesture || event.touches.length > 0) return;
      var done = gesture;
      stop();
      if (done.kind === "move") {
        event.preventDefault();
        container.removeAttribute("data-moving");
        drag.save(done.id, done.from);
      } else if (done.kind === "tap") {
        var id = zoom.namePx() >= SECTOR_NAMES_PX - 0.01 ? memberAt(map, done.start) : null;
        if (id !== null) {
          event.preventDefault();
          if (picking && picking.tap(id)) return;
          if (map.page.editUrlTemplate) openPerson(map, id);
          else tooltip.show(id);
          return;
        }
        var wedge = wedgeAt(map.data.frame, network.DOMtoCanvas(done.start));
        if (wedge) {
          event.preventDefault();
          zoom.toSector(wedge);
        }
      }
    }, { passive: false });

    container.addEventListener("touchcancel", function () {
      if (gesture && gesture.kind === "move") {
        container.removeAttribute("data-moving");
        map.moves += 1;
        network.moveNode(gesture.id, gesture.from.x, gesture.from.y);
      }
      stop();
    });
    // a long press would open the browser's menu for the canvas
    container.addEventListener("contextmenu", function (event) {
      if (gesture) event.preventDefault();
    });
  }

  /* New data for the map that is drawn (after an action saved in place, table.js): the
   * people, lines and frame change, the view (position and zoom) stays, so the map never
   * jumps. ``selected`` is the person just added or moved, chosen without a word. Resolves
   * when the new map has been drawn. */
  function update(map, data, version, selected, choose) {
    var network = map.network;
    var nodes = network.body.data.nodes;
    var byId = new Map();
    data.nodes.forEach(function (node) {
      byId.set(String(node.id), node);
    });
    map.data = data;
    map.byId = byId;
    map.page.version = String(version);
    map.container.setAttribute("data-version", String(version));
    map.container.snsTies = data.edges;
    map.moves += 1;
    nodes.remove(nodes.getIds().filter(function (id) {
      return !byId.has(String(id));
    }));
    nodes.update(data.nodes.map(function (node) {
      return visNode(data.frame, data.style, node);
    }));
    var drawn = new Promise(function (resolve) {
      network.once("afterDrawing", resolve);
    });
    if (selected && isMember(map, selected)) choose(selected, true);
    else if (map.chosen !== null && !isMember(map, map.chosen)) choose(null);
    network.redraw();
    return drawn;
  }

  /* A question open beside the map ("Wie helpt u met boodschappen?", questions.js):
   * ask({kind, direction, pick}) makes a click (or Enter) on a person call pick(id) instead
   * of opening their page, and rings everyone whose support in ``direction`` ("support" or
   * "gives" of their node) holds ``kind``; ask(null) ends it. */
  function setUpQuestion(map) {
    var network = map.network;
    map.question = null;
    network.on("afterDrawing", function (ctx) {
      var question = map.question;
      if (!question) return;
      ctx.save();
      ctx.setLineDash([]);
      ctx.lineWidth = 5;
      ctx.strokeStyle = map.data.style.answered;
      map.data.nodes.forEach(function (node) {
        if (node.ego || (node[question.direction] || []).indexOf(question.kind) < 0) return;
        var pos = network.getPosition(node.id);
        ctx.beginPath();
        ctx.arc(pos.x, pos.y, 1.4 * (node.shapeSize || 18) + 2, 0, 2 * Math.PI);
        ctx.stroke();
      });
      ctx.restore();
    });
    return function ask(question) {
      map.question = question || null;
      network.redraw();
    };
  }

  /* Wie kent wie? beside the map: the form #map's data-pick-form names, whose checkboxes
   * (name "member", value the node id) are the one record of who is picked, so the map and
   * the list cannot disagree. On the map a click or tap on a person with Shift, Ctrl or Cmd
   * held, or in the "Kies mensen" mode (its button .pick-mode, for touch), ticks or unticks
   * them; a rectangle dragged with Shift from an empty spot ticks everyone in it; Space
   * ticks the person chosen with the keyboard. The picked get a disc and a ring behind
   * their shape (style.picked and style.pickedLine), and .picked-count says how many they
   * are (its data-* sentences, see pickedText). The form is looked up anew every time, so
   * a panel that table.js draws again keeps working. Returns {picks(params)} for openOnClick and
   * {tap(id)} for setUpTouch, or null when #map names no such form. */
  function setUpPicking(map) {
    var network = map.network;
    var container = map.container;
    var formId = container.getAttribute("data-pick-form");
    if (!formId) return null;
    var mode = false;
    var kept = []; // who was picked at the last refresh

    function boxes(selector) {
      var form = document.getElementById(formId);
      return form ? Array.prototype.slice.call(form.querySelectorAll(
        'input[type="checkbox"][name="member"]' + (selector || ""))) : [];
    }
    function picked() {
      return boxes(":checked").map(function (box) { return box.value; });
    }
    /* The panel's parts that need this script (hidden without it), the count, the map. */
    function refresh() {
      var form = document.getElementById(formId);
      if (!form) return;
      Array.prototype.forEach.call(form.querySelectorAll(".pick-mode, .pick-none"),
                                   function (button) { button.hidden = false; });
      var mark = form.querySelector(".pick-mode");
      if (mark) mark.setAttribute("aria-pressed", mode ? "true" : "false");
      kept = picked();
      var count = form.querySelector(".picked-count");
      if (count) {
        var n = kept.length;
        var max = Number(count.getAttribute("data-max")) || Infinity;
        count.textContent = pickedText({
          none: count.getAttribute("data-none"), one: count.getAttribute("data-one"),
          two: count.getAttribute("data-two"), many: count.getAttribute("data-many"),
          tooMany: count.getAttribute("data-too-many"),
        }, n, max);
        count.classList.toggle("too-many", n > max);
      }
      network.redraw();
    }
    /* Tick (on true), untick (false) or flip (null) the boxes of `ids`. */
    function tick(ids, on) {
      var wanted = new Set(ids.map(String));
      boxes().forEach(function (box) {
        if (wanted.has(box.value)) box.checked = on === null ? !box.checked : on;
      });
      refresh();
    }

    document.addEventListener("change", function (event) {
      var box = event.target;
      if (box && box.form && box.form.id === formId && box.name === "member") refresh();
    });
    document.addEventListener("click", function (event) {
      var button = event.target && event.target.closest &&
        event.target.closest("#" + formId + " .pick-mode, #" + formId + " .pick-none");
      if (!button) return;
      if (button.classList.contains("pick-mode")) {
        mode = !mode;
        container.classList.toggle("map-picking", mode);
      } else {
        boxes().forEach(function (box) { box.checked = false; });
      }
      refresh();
    });
    network.on("click", function (params) {
      if (!picks(params.event && params.event.srcEvent, mode)) return;
      var id = clickedMember(map, params);
      if (id !== null) tick([id], null);
    });
    container.addEventListener("keydown", function (event) {
      if (event.key !== " " || map.chosen === null || event.altKey || event.ctrlKey ||
          event.metaKey) return;
      event.preventDefault();
      tick([map.chosen], null);
    });

    // Shift and a drag from an empty spot: a rectangle. Taken before vis-network (capture),
    // which would pan the map; from a person, Shift and a click picks them as above.
    var drag = null;
    function at(event) {
      var rect = container.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    }
    function show(end) {
      var box = boxBetween(drag.start, end);
      drag.box.style.left = box.left + "px";
      drag.box.style.top = box.top + "px";
      drag.box.style.width = box.right - box.left + "px";
      drag.box.style.height = box.bottom - box.top + "px";
    }
    container.addEventListener("pointerdown", function (event) {
      if (!event.shiftKey || event.button !== 0 || drag) return;
      var start = at(event);
      var node = network.getNodeAt(start);
      if ((node !== undefined && isMember(map, node)) ||
          labelAt(map.data.nodes, network.getPositions(), network.DOMtoCanvas(start)) !== null) {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      var box = document.createElement("div");
      box.className = "map-pick-box";
      box.style.borderColor = map.data.style.pickedLine;
      container.appendChild(box);
      drag = { start: start, box: box, pointer: event.pointerId };
      if (container.setPointerCapture) container.setPointerCapture(event.pointerId);
      show(start);
    }, true);
    container.addEventListener("pointermove", function (event) {
      if (!drag || event.pointerId !== drag.pointer) return;
      event.stopPropagation();
      show(at(event));
    }, true);
    function end(event, cancelled) {
      if (!drag || event.pointerId !== drag.pointer) return;
      event.stopPropagation();
      var start = drag.start;
      var stop = at(event);
      drag.box.parentNode.removeChild(drag.box);
      drag = null;
      if (cancelled || Math.abs(stop.x - start.x) + Math.abs(stop.y - start.y) < 6) return;
      var box = boxBetween(network.DOMtoCanvas(start), network.DOMtoCanvas(stop));
      tick(membersInBox(map.data.nodes, network.getPositions(), box), true);
    }
    container.addEventListener("pointerup", function (event) { end(event, false); }, true);
    container.addEventListener("pointercancel", function (event) { end(event, true); }, true);

    // the picked: a disc and a ring behind their shape, over the ties
    network.on("beforeDrawing", function (ctx) {
      var ids = picked();
      if (!ids.length) return;
      var style = map.data.style;
      var shapes = network.body.nodes;
      ctx.save();
      ctx.setLineDash([]);
      ctx.fillStyle = style.picked;
      ctx.strokeStyle = style.pickedLine;
      ctx.lineWidth = 5;
      ids.forEach(function (id) {
        var shape = shapes[id];
        var node = map.byId.get(id);
        if (!shape || !node || node.ego) return;
        ctx.beginPath();
        ctx.arc(shape.x, shape.y, 1.6 * (node.shapeSize || 18) + 8, 0, 2 * Math.PI);
        ctx.fill();
        ctx.stroke();
      });
      ctx.restore();
    });

    // An action saved in place (table.js) puts a new panel in: after this form's own action
    // it starts empty, after any other action (a new person, a drag) the picked stay picked.
    var own = false;
    document.addEventListener("submit", function (event) {
      if (event.target && event.target.id === formId) own = true;
    }, true);
    document.addEventListener("sns:swapped", function () {
      if (own) refresh();
      else tick(kept, true);
      own = false;
    });

    // the map is drawn while the page is still read: the form comes after it
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
    else refresh();
    return {
      picks: function (params) {
        return picks(params.event && params.event.srcEvent, mode);
      },
      // a tap on a touch screen (setUpTouch), where vis-network sees no click
      tap: function (id) {
        if (!mode) return false;
        tick([id], null);
        return true;
      },
    };
  }

  function start() {
    var container = document.getElementById("map");
    if (!container) return;
    performance.mark("sns-map-start");
    var data = readPayload();
    if (!data || typeof window.vis === "undefined" || !window.vis.Network) return;

    var byId = new Map();
    data.nodes.forEach(function (node) {
      byId.set(String(node.id), node);
    });
    var map = {
      container: container,
      data: data,
      page: readPage(container),
      byId: byId,
      network: createNetwork(container, data),
      moves: 0, // counts position changes (a drag, a move put back): the picture is redrawn
      chosen: null, // the person chosen with the keyboard
    };
    drawEveryFrame(map);
    var zoom = setUpZoom(map);
    var tooltip = setUpTooltip(map);
    var picking = setUpPicking(map);
    openOnClick(map, picking);
    var choose = setUpKeyboard(map, zoom, tooltip);
    setUpTouch(map, zoom, tooltip, setUpDrag(map, tooltip), picking);
    window.snsMap = {
      update: function (payload, version, selected) {
        return update(map, payload, version, selected, choose);
      },
      ask: setUpQuestion(map),
    };
  }

  // node's test runner (tests/web/js) loads this file as a module: it gets the pure parts
  // and draws nothing.
  if (typeof module === "object" && module.exports) {
    module.exports = {
      point: point,
      visNode: visNode,
      drawState: drawState,
      lineOutside: lineOutside,
      boxOutside: boxOutside,
      baseline: baseline,
      extent: extent,
      smallestFont: smallestFont,
      fitView: fitView,
      zoomedScale: zoomedScale,
      keyboardOrder: keyboardOrder,
      nextInOrder: nextInOrder,
      labelAt: labelAt,
      tooltipLeft: tooltipLeft,
      wedgeAt: wedgeAt,
      wedgeBounds: wedgeBounds,
      pinchView: pinchView,
      picks: picks,
      boxBetween: boxBetween,
      membersInBox: membersInBox,
      pickedText: pickedText,
      ZOOM_NAMES_PX: ZOOM_NAMES_PX,
    };
    return;
  }

  // The page loads this script right after the map's data, so the map is drawn while the
  // rest of the page is still being read; anywhere else, it waits for the whole page.
  if (document.readyState === "loading" && !document.getElementById("map-data")) {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
