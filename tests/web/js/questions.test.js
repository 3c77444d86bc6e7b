/*
 * The pure part of web/static/questions.js: which name the typed letters find.
 * Run by tests/web/test_graph_js.py with node's test runner.
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const { firstMatch } = require(path.join(__dirname, "../../../web/static/questions.js"));
const names = [" Ans ", "Bert", "Huisarts Bakker", "José", "Josje", "Zus Fien"];

test("the first name from A to Z that starts with the letters", () => {
  assert.equal(firstMatch(names, "b"), 1);
  assert.equal(firstMatch(names, "huis"), 2);
  assert.equal(firstMatch(names, "jos"), 3);
  assert.equal(firstMatch(names, "josj"), 4);
});

test("case, accents and spaces around do not matter", () => {
  assert.equal(firstMatch(names, "ANS"), 0);
  assert.equal(firstMatch(names, " jose"), 3);
  assert.equal(firstMatch(names, "JOSÉ"), 3);
});

test("a later word counts after every name that starts with the letters", () => {
  assert.equal(firstMatch(names, "bak"), 2);
  assert.equal(firstMatch(names, "fien"), 5);
  assert.equal(firstMatch(["Zus Bea", "Bert"], "be"), 1);
});

test("letters inside a word, or none at all, find nobody", () => {
  assert.equal(firstMatch(names, "akker"), -1);
  assert.equal(firstMatch(names, ""), -1);
  assert.equal(firstMatch(names, "   "), -1);
  assert.equal(firstMatch([], "a"), -1);
});
