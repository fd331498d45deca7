/* mediacheck grading in the browser: the answer-dependent rules of xblocks/mediacheck/grading.py and
 * noturiba/scoring.py (cbm_bonus), on data that noturiba/offline/blocks/mediacheck.py exported. The
 * parity test holds it to the Python grade; keep the order of the arithmetic as Python has it. */
(function (root, factory) {  // node: module.exports; browser: NoturibaOffline.grade.mediacheck
  if (typeof module === "object" && module.exports) { module.exports = factory(); return; }
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  (offline.grade = offline.grade || {}).mediacheck = factory();
}(this, function () {
  "use strict";

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function list(value) { return Array.isArray(value) ? value : []; }
  function unique(values) {
    var seen = {};
    return values.filter(function (value) {
      if (has(seen, value)) { return false; }
      seen[value] = true;
      return true;
    });
  }

  /* Python's sum() of floats (3.12+: Neumaier's compensated sum), so the mean is the same to the last bit. */
  function fsum(values) {
    var total = 0.0;
    var compensation = 0.0;
    values.forEach(function (x) {
      var t = total + x;
      compensation += Math.abs(total) >= Math.abs(x) ? (total - t) + x : (x - t) + total;
      total = t;
    });
    return compensation && isFinite(compensation) ? total + compensation : total;
  }

  function confidenceOf(value) {  // attempt_rules._confidence: an int (not a bool) in 50..100
    return typeof value === "number" && Math.floor(value) === value && value >= 50 && value <= 100 ? value : null;
  }

  /* attempt_rules.clean_answer: what no longer fits the item is dropped; null for no answer at all. */
  function cleanAnswer(data, item, answer) {
    if (!isObject(answer)) { return null; }
    var leadIds = item.leads.map(function (lead) { return lead.id; });
    var scale = data.verdicts.map(function (verdict) { return verdict.id; });
    var verdict = answer.verdict;
    return {
      verdict: typeof verdict === "string" && scale.indexOf(verdict) >= 0 ? verdict : null,
      flags: list(answer.flags).filter(function (id) { return typeof id === "string" && has(item.owners, id); }),
      leads: list(answer.leads).filter(function (id) { return leadIds.indexOf(id) >= 0; }),
      confidence: confidenceOf(answer.confidence)
    };
  }

  function clean(data, answers) {
    var result = {};
    if (!isObject(answers)) { return result; }
    data.items.forEach(function (item) {
      if (!has(answers, item.id)) { return; }
      var answer = cleanAnswer(data, item, answers[item.id]);
      if (answer !== null) { result[item.id] = answer; }
    });
    return result;
  }

  function verdictPart(item, verdict) {
    return typeof verdict === "string" && has(item.credit, verdict) ? item.credit[verdict] : 0.0;
  }

  /* F1 of the marked segments against the flags: null when the item has none. */
  function flagsPart(item, marked) {
    var result = { score: null, found: [], falseMarks: [] };
    if (!item.flags.length) { return result; }
    result.score = 0.0;
    if (!marked.length) { return result; }
    marked = unique(marked).filter(function (id) { return has(item.owners, id); });
    var found = {};
    marked.forEach(function (id) {
      var owner = item.owners[id];
      if (owner) { found[owner] = true; } else { result.falseMarks.push(id); }
    });
    result.found = item.flags.map(function (flag) { return flag.id; }).filter(function (id) { return has(found, id); });
    if (!marked.length) { return result; }
    var precision = (marked.length - result.falseMarks.length) / marked.length;
    var recall = Object.keys(found).length / item.flags.length;
    result.score = precision + recall === 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    return result;
  }

  function leadsPart(data, item, opened) {
    if (!item.useful.length) { return null; }
    opened = unique(opened);
    var useful = opened.filter(function (id) { return item.useful.indexOf(id) >= 0; }).length;
    var useless = opened.filter(function (id) { return item.useless.indexOf(id) >= 0; }).length;
    var share = useful / item.useful.length;
    var penalty = item.useless.length ? data.rules.useless_penalty * useless / item.useless.length : 0.0;
    return Math.max(0.0, Math.min(1.0, share - penalty));
  }

  /* grading.grade_item: {score, correct, verdict, found: [flag ids], falseMarks: [segment ids], flags, leads}. */
  function gradeItem(data, item, answer) {
    answer = answer || {};
    var weights = data.rules.weights;
    var verdict = verdictPart(item, answer.verdict);
    var flags = flagsPart(item, list(answer.flags));
    var leads = leadsPart(data, item, list(answer.leads));
    var total = weights.verdict * verdict;
    total += weights.flags * (flags.score === null ? verdict : flags.score);
    total += weights.leads * (leads === null ? verdict : leads);
    return {
      score: Math.max(0.0, Math.min(1.0, total)), correct: answer.verdict === item.verdict, verdict: verdict,
      found: flags.found, falseMarks: flags.falseMarks, flags: flags.score, leads: leads
    };
  }

  function certaintyOf(data, confidence) {
    if (confidence === null || confidence === undefined) { return null; }
    for (var i = 0; i < data.rules.bands.length; i += 1) {
      if (confidence >= data.rules.bands[i][0]) { return data.rules.bands[i][1]; }
    }
    return null;
  }

  /* scoring.cbm_bonus over `outcomes` [[right, certainty]] of `count` items. */
  function cbmBonus(data, outcomes, count) {
    if (!outcomes.length || !count) { return 0.0; }
    var marks = data.rules.marks;
    var right = outcomes.filter(function (outcome) { return outcome[0]; }).length;
    var accuracy = right / outcomes.length;
    var sum = 0;
    outcomes.forEach(function (outcome) { sum += marks[String(outcome[1])][outcome[0] ? 0 : 1]; });
    var average = sum / (3 * outcomes.length);
    var expected = -Infinity;
    Object.keys(marks).sort().forEach(function (level) {
      var r = marks[level][0];
      var w = marks[level][1];
      expected = Math.max(expected, accuracy * r / 3 + (1 - accuracy) * w / 3);
    });
    return data.rules.bonus_factor * (average - expected) * outcomes.length / count;
  }

  /* grading.grade on clean answers: (the block score 0..1, {item id: result}). */
  function gradeAll(data, answers) {
    answers = clean(data, answers);
    var results = {};
    if (!data.items.length) { return { score: 0.0, results: results }; }
    var scores = data.items.map(function (item) {
      results[item.id] = gradeItem(data, item, answers[item.id]);
      return results[item.id].score;
    });
    var accuracy = fsum(scores) / data.items.length;
    if (!data.confidence) { return { score: accuracy, results: results }; }
    var outcomes = [];
    data.items.forEach(function (item) {
      var answer = answers[item.id] || {};
      var level = certaintyOf(data, answer.confidence);
      if (answer.verdict && level !== null) { outcomes.push([results[item.id].correct, level]); }
    });
    var score = Math.max(0.0, Math.min(1.0, accuracy + cbmBonus(data, outcomes, data.items.length)));
    return { score: score, results: results };
  }

  return {
    grade: function (data, answers) { return gradeAll(data, answers).score; },
    gradeAll: gradeAll,
    gradeItem: function (data, item, answer) { return gradeItem(data, item, cleanAnswer(data, item, answer)); },
    clean: clean,
    cleanAnswer: cleanAnswer
  };
}));
