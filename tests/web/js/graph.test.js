/*
 * The pure parts of web/static/graph.js (no page, no vis-network), with node's test runner.
 * Run by tests/web/test_graph_js.py, which hands over the payload of the demo network
 * (graph.map.payload.map_payload) in the file named by SNS_MAP_PAYLOAD, so these tests use
 * the style and the placement the page gets.
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const parts = require(path.join(__dirname, "../../../web/static/graph.js"));
const payload = JSON.parse(fs.readFileSync(process.env.SNS_MAP_PAYLOAD, "utf8"));
const style = payload.style;
const frame = payload.frame;
const members = payload.nodes.filter((node) => !node.ego);

function close(actual, expected) {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
}

test("point: degrees clockwise from 12 o'clock, y downward", () => {
  const up = parts.point(100, 0);
  const right = parts.point(100, 90);
  const down = parts.point(100, 180);
  close(up.x, 0); close(up.y, -100);
  close(right.x, 100); close(right.y, 0);
  close(down.x, 0); close(down.y, 100);
});

test("visNode: a member in the payload's colour, outlined in the style's ink", () => {
  const member = members.find((node) => node.sector !== null);
  const vis = parts.visNode(frame, style, member);
  assert.equal(vis.shape, member.shape);
  assert.equal(vis.size, member.shapeSize);
  assert.equal(vis.color.background, member.colour);
  assert.equal(vis.color.border, style.ink);
  assert.equal(vis.color.hover.border, style.selected);
  assert.equal(vis.shapeProperties.borderDashes, false);
});

test("visNode: an unknown sector's outline is dashed, the resident only an invisible dot", () => {
  const unknown = { id: "x", x: 1, y: 2, shape: "hexagon", colour: "#BDBDBD", sector: null };
  assert.deepEqual(parts.visNode(frame, style, unknown).shapeProperties.borderDashes,
                   style.unknownOutline);
  const resident = parts.visNode(frame, style, payload.nodes.find((node) => node.ego));
  assert.equal(resident.size, 1);
  assert.equal(resident.color.background, style.hidden);
  assert.equal(resident.color.border, style.hidden);
});

/* A canvas context that records what is drawn: enough for drawState. */
function recorder() {
  const calls = [];
  const ctx = {};
  for (const name of ["beginPath", "arc", "moveTo", "lineTo", "closePath", "fill", "stroke",
                      "setLineDash", "ellipse"]) {
    ctx[name] = (...args) => calls.push([name, ...args]);
  }
  return { ctx, calls };
}

test("visNode: a member with a state is the sector's shape painted apart, with its mark", () => {
  const member = members.find((node) => node.sector !== null);
  const died = { ...member, state: "overleden" };
  const vis = parts.visNode(frame, style, died);
  assert.equal(vis.shape, "custom");
  const { ctx, calls } = recorder();
  const drawn = vis.ctxRenderer({ ctx, x: 10, y: 20, state: { selected: false, hover: false } });
  assert.deepEqual(drawn.nodeDimensions, { width: 2.8 * member.shapeSize,
                                           height: 2.8 * member.shapeSize });
  drawn.drawNode();
  assert.equal(ctx.fillStyle, style.ink); // the last thing drawn: the cross, in ink
  assert.equal(calls.filter((c) => c[0] === "stroke").length, 1 + 2); // outline and two lines
  // a pet: four toes and a pad; no contact: a dotted outline, white
  const pet = recorder();
  parts.visNode(frame, style, { ...member, state: "huisdier" })
    .ctxRenderer({ ctx: pet.ctx, x: 0, y: 0, state: {} }).drawNode();
  assert.equal(pet.calls.filter((c) => c[0] === "ellipse").length, 5);
  const gone = recorder();
  parts.visNode(frame, style, { ...member, state: "geen_contact" })
    .ctxRenderer({ ctx: gone.ctx, x: 0, y: 0, state: {} }).drawNode();
  assert.deepEqual(gone.calls.find((c) => c[0] === "setLineDash")[1],
                   style.states.geen_contact.dashes.map((d) => d * 2));
  // without a state: vis-network's own shape
  assert.equal(parts.visNode(frame, style, { ...member, state: null }).shape, member.shape);
});

test("baseline: the placement's label rule, line by line", () => {
  const box = { x: 0, y: 10, w: 50, h: 50 };
  close(parts.baseline(style, box, 20, 1.2, 0), 10 + 20 * style.labelTop + 0.96 * 20);
  close(parts.baseline(style, box, 20, 1.2, 1) - parts.baseline(style, box, 20, 1.2, 0), 24);
  // every member's lines fit their box
  for (const node of members) {
    const last = parts.baseline(style, node.labelBox, node.fontSize, frame.placement.lineHeight,
                                node.lines.length - 1);
    assert.ok(last < node.labelBox.y + node.labelBox.h, node.label);
  }
});

test("boxOutside and lineOutside: only what is wholly outside the view", () => {
  const view = { left: 0, top: 0, right: 100, bottom: 100 };
  const box = { x: 90, y: 10, w: 20, h: 10 };
  assert.equal(parts.boxOutside(view, box, 0, 0), false);
  assert.equal(parts.boxOutside(view, box, 11, 0), true);
  assert.equal(parts.boxOutside(view, box, -111, 0), true);
  assert.equal(parts.boxOutside(view, box, 0, 95), true);
  // a line crossing the view from outside on both sides is drawn
  assert.equal(parts.lineOutside(view, { x: -50, y: 50 }, { x: 150, y: 50 }, 2), false);
  assert.equal(parts.lineOutside(view, { x: -50, y: 10 }, { x: -3, y: 90 }, 2), true);
  assert.equal(parts.lineOutside(view, { x: -50, y: 10 }, { x: -1, y: 90 }, 2), false);
  assert.equal(parts.lineOutside(view, { x: 10, y: 103 }, { x: 90, y: 200 }, 2), true);
});

test("extent: the rings, every sector word and every member's shape and name", () => {
  const box = parts.extent(frame, payload.nodes);
  assert.ok(box.left <= -frame.outer && box.right >= frame.outer);
  assert.ok(box.top <= -frame.outer && box.bottom >= frame.outer);
  const inside = (b) => b.x >= box.left && b.y >= box.top && b.x + b.w <= box.right &&
    b.y + b.h <= box.bottom;
  for (const wedge of frame.wedges) assert.ok(inside(wedge.labelBox), wedge.label);
  for (const node of members) {
    assert.ok(inside(node.labelBox) && inside(node.shapeBox), node.label);
  }
  // the bare frame when nobody is on the map
  const r = frame.outer + 4;
  assert.deepEqual(parts.extent({ outer: frame.outer, wedges: [] }, []),
                   { left: -r, top: -r, right: r, bottom: r });
});

test("fitView: the whole box in the container, centred; nothing while it has no size", () => {
  const bounds = { left: -100, top: -50, right: 100, bottom: 150 };
  assert.deepEqual(parts.fitView(bounds, 216, 816, 8), { position: { x: 0, y: 50 }, scale: 1 });
  assert.equal(parts.fitView(bounds, 816, 416, 8).scale, 2);
  assert.equal(parts.fitView(bounds, 0, 400, 8), null);
});

test("zoomedScale: between half the fitted view and where the smallest name can be read", () => {
  const smallest = parts.smallestFont(frame, payload.nodes);
  assert.equal(smallest, Math.min(...members.map((node) => node.fontSize)));
  assert.equal(parts.zoomedScale(1, 1.25, 1, 16), 1.25);
  assert.equal(parts.zoomedScale(0.5, 0.8, 1, 16), 0.5);
  assert.equal(parts.zoomedScale(8, 1.25, 1, 16), 8);
  // names of 1 px: the buttons go in until they are ZOOM_NAMES_PX
  assert.equal(parts.zoomedScale(15, 2, 1, 1), parts.ZOOM_NAMES_PX);
});

test("keyboardOrder: every member once, inner circle first, clockwise, unknown circle last", () => {
  const order = parts.keyboardOrder(payload.nodes);
  assert.deepEqual([...order].sort(), members.map((node) => node.id).sort());
  const byId = new Map(members.map((node) => [node.id, node]));
  const circles = order.map((id) => byId.get(id).circle ?? 9);
  assert.deepEqual(circles, [...circles].sort((a, b) => a - b));
  const nodes = [
    { id: "w", x: -10, y: 0, circle: 1 }, { id: "n", x: 0, y: -10, circle: 1 },
    { id: "e", x: 10, y: 0, circle: 1 }, { id: "far", x: 0, y: -99, circle: null },
    { id: "two", x: -10, y: -10, circle: 2 }, { id: "ego", x: 0, y: 0, ego: true },
  ];
  assert.deepEqual(parts.keyboardOrder(nodes), ["n", "e", "w", "two", "far"]);
});

test("nextInOrder: round and round both ways, Home and End, nobody on an empty map", () => {
  const order = ["a", "b", "c"];
  assert.equal(parts.nextInOrder(order, null, "ArrowRight"), "a");
  assert.equal(parts.nextInOrder(order, null, "ArrowLeft"), "c");
  assert.equal(parts.nextInOrder(order, "c", "ArrowDown"), "a");
  assert.equal(parts.nextInOrder(order, "a", "ArrowUp"), "c");
  assert.equal(parts.nextInOrder(order, "b", "Home"), "a");
  assert.equal(parts.nextInOrder(order, "b", "End"), "c");
  assert.equal(parts.nextInOrder([], null, "ArrowRight"), null);
});

test("labelAt: a member's name, also while it follows a drag", () => {
  const node = members[0];
  const box = node.labelBox;
  const middle = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
  assert.equal(parts.labelAt(payload.nodes, {}, middle), node.id);
  const dragged = { [node.id]: { x: node.x + 500, y: node.y } };
  assert.equal(parts.labelAt([node], dragged, middle), null);
  assert.equal(parts.labelAt([node], dragged, { x: middle.x + 500, y: middle.y }), node.id);
  assert.equal(parts.labelAt(payload.nodes, {}, { x: 1e6, y: 1e6 }), null);
});

test("tooltipLeft: right of the person, on the left near the page's edge, never off it", () => {
  assert.equal(parts.tooltipLeft(100, 200, 0, 1280), 124);
  assert.equal(parts.tooltipLeft(1100, 200, 0, 1280), 876);
  assert.equal(parts.tooltipLeft(150, 400, 0, 500), 8);
});

test("wedgeAt: the sector under a point, not in the resident's disc nor far outside", () => {
  const frame = {
    resident_radius: 50, outer: 300,
    wedges: [{ sector: "a", start: 0, end: 90, labelBox: { x: 200, y: -380, w: 80, h: 30 } },
             { sector: "b", start: 90, end: 360, labelBox: null }],
  };
  assert.equal(parts.wedgeAt(frame, parts.point(200, 45)).sector, "a");
  assert.equal(parts.wedgeAt(frame, parts.point(200, 180)).sector, "b");
  assert.equal(parts.wedgeAt(frame, { x: 10, y: -10 }), null); // the resident
  assert.equal(parts.wedgeAt(frame, parts.point(350, 30)).sector, "a"); // by its word
  assert.equal(parts.wedgeAt(frame, parts.point(350, 180)), null); // nothing out there
});

test("wedgeBounds: the ring segment, its word and the people in it", () => {
  const frame = {
    resident_radius: 50, outer: 300,
    wedges: [{ sector: "a", start: 0, end: 120, labelBox: { x: 250, y: -340, w: 90, h: 20 } },
             { sector: "b", start: 120, end: 360, labelBox: null }],
  };
  const nodes = [
    { id: "ego", ego: true, x: 0, y: 0 },
    { id: "m1", x: 100, y: -100, labelBox: { x: 80, y: -90, w: 260, h: 20 } },
    { id: "m2", x: -100, y: 100, labelBox: { x: -400, y: 90, w: 50, h: 20 } },
  ];
  const box = parts.wedgeBounds(frame, nodes, frame.wedges[0]);
  assert.equal(box.top, -340); // its word
  assert.equal(box.left, 0); // 12 o'clock
  assert.equal(box.right, 340); // m1's name; 3 o'clock (300) lies inside the wedge too
  assert.ok(Math.abs(box.bottom - 150) < 1e-9); // 120 degrees on the outer ring
});

test("pinchView: the point between the fingers stays there, the scale follows them", () => {
  const start = { position: { x: 0, y: 0 }, scale: 1 };
  const limit = (s) => Math.min(s, 3);
  // fingers apart around the container's middle: twice as large, nothing moves
  let view = parts.pinchView(start, [{ x: 90, y: 100 }, { x: 110, y: 100 }],
                             [{ x: 80, y: 100 }, { x: 120, y: 100 }], 200, 200, limit);
  assert.deepEqual(view, { position: { x: 0, y: 0 }, scale: 2 });
  // both fingers 50 px to the right: the map follows them
  view = parts.pinchView(start, [{ x: 90, y: 100 }, { x: 110, y: 100 }],
                         [{ x: 140, y: 100 }, { x: 160, y: 100 }], 200, 200, limit);
  assert.deepEqual(view, { position: { x: -50, y: 0 }, scale: 1 });
  // no further than the limit
  view = parts.pinchView(start, [{ x: 99, y: 100 }, { x: 101, y: 100 }],
                         [{ x: 0, y: 100 }, { x: 200, y: 100 }], 200, 200, limit);
  assert.equal(view.scale, 3);
});
