/*
 * Picking several people on the map for "Wie kent wie?": the pure parts of setUpPicking in
 * web/static/graph.js, with node's test runner (run by tests/web/test_graph_js.py, which
 * hands over the demo network's payload in the file named by SNS_MAP_PAYLOAD).
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const parts = require(path.join(__dirname, "../../../web/static/graph.js"));
const payload = JSON.parse(fs.readFileSync(process.env.SNS_MAP_PAYLOAD, "utf8"));
const members = payload.nodes.filter((node) => !node.ego);

test("picks: Shift, Ctrl or Cmd with a click, or any click in the picking mode", () => {
  assert.equal(parts.picks({ shiftKey: true }, false), true);
  assert.equal(parts.picks({ ctrlKey: true }, false), true);
  assert.equal(parts.picks({ metaKey: true }, false), true);
  assert.equal(parts.picks({ altKey: true }, false), false);
  assert.equal(parts.picks({}, false), false); // a plain click opens the person
  assert.equal(parts.picks(undefined, false), false);
  assert.equal(parts.picks(undefined, true), true); // a tap in "Kies mensen"
});

test("boxBetween: the same box whichever way the rectangle was dragged", () => {
  const box = { left: -10, top: 5, right: 30, bottom: 40 };
  assert.deepEqual(parts.boxBetween({ x: -10, y: 5 }, { x: 30, y: 40 }), box);
  assert.deepEqual(parts.boxBetween({ x: 30, y: 40 }, { x: -10, y: 5 }), box);
  assert.deepEqual(parts.boxBetween({ x: 30, y: 5 }, { x: -10, y: 40 }), box);
});

test("membersInBox: the members whose centre is inside, never the resident", () => {
  const nodes = [
    { id: "ego", ego: true, x: 0, y: 0 },
    { id: "m1", x: 10, y: 10 },
    { id: "m2", x: 50, y: 10 },
    { id: "m3", x: 10, y: -30 },
  ];
  const box = { left: -20, top: -20, right: 20, bottom: 20 };
  assert.deepEqual(parts.membersInBox(nodes, {}, box), ["m1"]);
  // where the shapes are now counts (someone dragged into the box), not the payload's place
  assert.deepEqual(parts.membersInBox(nodes, { m2: { x: 0, y: 0 } }, box), ["m1", "m2"]);
  // a box round the whole demo map holds every member, in the payload's order
  const all = { left: -1e6, top: -1e6, right: 1e6, bottom: 1e6 };
  assert.deepEqual(parts.membersInBox(payload.nodes, {}, all), members.map((node) => node.id));
  assert.deepEqual(parts.membersInBox(payload.nodes, {}, { left: 1e6, top: 1e6,
                                                           right: 2e6, bottom: 2e6 }), []);
});

test("pickedText: the page's sentence for the count, with people and pairs filled in", () => {
  const texts = { none: "Nog niemand gekozen.", one: "1 persoon gekozen.", two: "2: 1 lijn.",
                  many: "{people} mensen gekozen: {pairs} lijnen.",
                  tooMany: "{people} mensen gekozen. Hoogstens 40." };
  assert.equal(parts.pickedText(texts, 0, 40), "Nog niemand gekozen.");
  assert.equal(parts.pickedText(texts, 1, 40), "1 persoon gekozen.");
  assert.equal(parts.pickedText(texts, 2, 40), "2: 1 lijn.");
  assert.equal(parts.pickedText(texts, 6, 40), "6 mensen gekozen: 15 lijnen.");
  assert.equal(parts.pickedText(texts, 40, 40), "40 mensen gekozen: 780 lijnen.");
  assert.equal(parts.pickedText(texts, 60, 40), "60 mensen gekozen. Hoogstens 40.");
  assert.equal(parts.pickedText({}, 3, 40), ""); // a page without the sentences says nothing
});
