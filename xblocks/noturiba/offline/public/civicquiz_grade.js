/* civicquiz offline grading: the block's Python rules (civicquiz/grading.py, question_types/,
   noturiba/scoring.py cbm_bonus) for the data noturiba.offline.blocks.civicquiz.export writes.
   Only what depends on the learner's answers is here; the right answers, a numeric question's accepted
   distance, the CBM table and the right-threshold come precomputed in `data`. UMD: node and browser. */
(function (root, factory) {  // node: module.exports; browser: NoturibaOffline.grade.civicquiz
  if (typeof module === "object" && module.exports) { module.exports = factory(); return; }
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  (offline.grade = offline.grade || {}).civicquiz = factory();
}(this, function () {
  "use strict";

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function strings(value) {
    return Array.isArray(value) && value.every(function (entry) { return typeof entry === "string"; });
  }
  function optionIds(q) { return (q.options || []).map(function (o) { return o.id; }); }
  function pairIds(q) { return (q.pairs || []).map(function (p) { return p.id; }); }
  function sameMembers(a, b) {
    var x = a.slice().sort();
    var y = b.slice().sort();
    return x.length === y.length && x.every(function (entry, i) { return entry === y[i]; });
  }

  /* Each type's normalize (question_types/*.py): the answer, or undefined when the block would refuse
     its shape (it then counts as unanswered, as attempt_rules.valid_answers drops it). */
  var normalize = {
    single: function (q, a) { return typeof a === "string" && optionIds(q).indexOf(a) >= 0 ? a : undefined; },
    multiple: function (q, a) {
      var known = optionIds(q);
      if (!strings(a)) { return undefined; }
      var unique = a.every(function (id, i) { return known.indexOf(id) >= 0 && a.indexOf(id) === i; });
      return unique ? a : undefined;
    },
    truefalse: function (q, a) { return typeof a === "boolean" ? a : undefined; },
    numeric: function (q, a) { return typeof a === "number" && isFinite(a) ? a : undefined; },
    order: function (q, a) { return strings(a) && sameMembers(a, q.solution) ? a : undefined; },
    match: function (q, a) {
      var known = pairIds(q);
      if (!isObject(a)) { return undefined; }
      var fits = Object.keys(a).every(function (left) {
        return known.indexOf(left) >= 0 && typeof a[left] === "string" && known.indexOf(a[left]) >= 0;
      });
      return fits ? a : undefined;
    }
  };

  /* Each type's score 0..1 of a normalized answer: the one table of answer-dependent rules. */
  var rules = {
    single: function (q, a) { return q.right.indexOf(a) >= 0 ? 1 : 0; },
    // Partial credit max(0, (right picks - wrong picks) / number of right options).
    multiple: function (q, a) {
      if (!q.right.length) { return 0; }
      var hits = a.filter(function (id) { return q.right.indexOf(id) >= 0; }).length;
      return Math.max(0, (hits - (a.length - hits)) / q.right.length);
    },
    truefalse: function (q, a) { return a === q.answer ? 1 : 0; },
    numeric: function (q, a) { return q.answer !== null && Math.abs(a - q.answer) <= q.limit ? 1 : 0; },
    // The share of neighbouring steps of the right order kept in the right relative order.
    order: function (q, a) {
      var expected = q.solution;
      if (expected.length < 2) { return 1; }
      var kept = 0;
      for (var i = 0; i + 1 < expected.length; i += 1) {
        if (a.indexOf(expected[i]) < a.indexOf(expected[i + 1])) { kept += 1; }
      }
      return kept / (expected.length - 1);
    },
    // The share of pairs matched right (unmatched left entries count as wrong).
    match: function (q, a) {
      var ids = pairIds(q);
      if (!ids.length) { return 0; }
      return ids.filter(function (id) { return has(a, id) && a[id] === id; }).length / ids.length;
    }
  };

  function valid(q, answer) {
    if (answer === undefined || answer === null || !has(normalize, q.type)) { return undefined; }
    return normalize[q.type](q, answer);
  }

  /* The score 0..1 of one answer (unanswered or of the wrong shape: 0). */
  function score(q, answer) {
    var a = valid(q, answer);
    return a === undefined || !has(api.rules, q.type) ? 0 : api.rules[q.type](q, a);
  }

  function isRight(data, fraction) { return fraction >= data.right; }

  function marksOf(data, certainty) {
    var row = (data.cbm ? data.cbm.marks : []).filter(function (entry) { return entry[0] === certainty; })[0];
    return row ? { right: row[1], wrong: row[2] } : null;
  }

  /* The CBM mark of one answered question at certainty 1, 2 or 3 (grading.cbm_mark). */
  function mark(data, fraction, certainty) {
    var marks = marksOf(data, certainty);
    if (!marks) { return null; }
    return isRight(data, fraction) ? marks.right : marks.wrong;
  }

  /* Moodle's CBM bonus (noturiba.scoring.cbm_bonus) of outcomes [[right, certainty]] over `count`. */
  function cbmBonus(data, outcomes, count) {
    if (!outcomes.length || !count) { return 0; }
    var rights = outcomes.filter(function (o) { return o[0]; }).length;
    var accuracy = rights / outcomes.length;
    var total = 0;
    outcomes.forEach(function (o) { var m = marksOf(data, o[1]); total += o[0] ? m.right : m.wrong; });
    var average = total / (3 * outcomes.length);
    var expected = -Infinity;
    data.cbm.marks.forEach(function (row) {
      expected = Math.max(expected, accuracy * row[1] / 3 + (1 - accuracy) * row[2] / 3);
    });
    return data.cbm.factor * (average - expected) * outcomes.length / count;
  }

  /* The drawn questions of `answers` ({questions, answers, certainties}) in bank order. */
  function drawnQuestions(data, answers) {
    var ids = answers && Array.isArray(answers.questions) ? answers.questions : null;
    return data.questions.filter(function (q) { return ids === null || ids.indexOf(q.id) >= 0; });
  }

  /* grading.grade over the drawn questions: {fraction, scores, marks, allRight}. */
  function result(data, answers) {
    var given = answers && isObject(answers.answers) ? answers.answers : {};
    var chosen = answers && isObject(answers.certainties) ? answers.certainties : {};
    var questions = drawnQuestions(data, answers);
    var scores = {};
    var marks = {};
    var sum = 0;
    var allRight = true;
    var outcomes = [];
    questions.forEach(function (q) {
      var answer = has(given, q.id) ? given[q.id] : undefined;
      var s = score(q, answer);
      scores[q.id] = s;
      sum += s;
      allRight = allRight && isRight(data, s);
      var level = has(chosen, q.id) ? chosen[q.id] : null;
      if (data.certainty && valid(q, answer) !== undefined && (level === 1 || level === 2 || level === 3)) {
        marks[q.id] = mark(data, s, level);
        outcomes.push([isRight(data, s), level]);
      }
    });
    if (!questions.length) { return { fraction: 0, scores: scores, marks: marks, allRight: false }; }
    var accuracy = sum / questions.length;
    var fraction = accuracy;
    if (data.certainty) {
      fraction = Math.max(0, Math.min(1, accuracy + cbmBonus(data, outcomes, questions.length)));
    }
    return { fraction: fraction, scores: scores, marks: marks, allRight: allRight };
  }

  function grade(data, answers) { return result(data, answers).fraction; }

  /* A new try's questions (civicquiz/draw.py draw_questions): `data.draw` of them, balanced across
     topics round robin, each topic's questions and the topics' order shuffled by `random` (0..1). */
  function shuffle(list, random) {
    var copy = list.slice();
    for (var i = copy.length - 1; i > 0; i -= 1) {
      var j = Math.floor(random() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }
  function draw(data, random) {
    var bank = data.questions.map(function (q) { return q.id; });
    if (!data.draw || data.draw >= bank.length) { return bank; }
    var queues = shuffle(data.topics.map(function (members) { return shuffle(members, random); }), random);
    var picked = [];
    while (picked.length < data.draw) {
      queues.forEach(function (queue) {
        if (queue.length && picked.length < data.draw) { picked.push(queue.shift()); }
      });
    }
    return bank.filter(function (id) { return picked.indexOf(id) >= 0; });
  }

  /* The right answer in answer shape (grading.solution). */
  function solution(q) {
    if (q.type === "single") { return q.right[0]; }
    if (q.type === "multiple") { return q.right.slice(); }
    if (q.type === "order") { return q.solution.slice(); }
    if (q.type === "match") {
      var map = {};
      pairIds(q).forEach(function (id) { map[id] = id; });
      return map;
    }
    return q.answer;
  }

  var api = {
    rules: rules, normalize: normalize, valid: valid, score: score, isRight: isRight, mark: mark,
    result: result, grade: grade, draw: draw, shuffle: shuffle, solution: solution
  };
  return api;
}));
