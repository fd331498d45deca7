/* Crisis drill offline: the path-dependent grading rules, the twin of xblocks/crisisdrill/grading.py
   (the parity test, tests/offline/test_crisisdrill_parity.py, holds them to the same score).
   `data` is noturiba.offline.blocks.crisisdrill.export(); a path is the list of entries that module
   describes. UMD: module.exports in node, NoturibaOffline.grade.crisisdrill in the browser. */
(function (root, factory) {  // node: module.exports; browser: NoturibaOffline.grade.crisisdrill
  if (typeof module === "object" && module.exports) { module.exports = factory(); return; }
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  (offline.grade = offline.grade || {}).crisisdrill = factory();
}(this, function () {
  "use strict";

  var has = Object.prototype.hasOwnProperty;

  /* Python's truth of a JSON value (an empty list or object is false there, true in JS). */
  function truthy(value) {
    if (Array.isArray(value)) { return value.length > 0; }
    if (value && typeof value === "object") { return Object.keys(value).length > 0; }
    return Boolean(value);
  }

  function isEntry(entry) {
    return Boolean(entry) && typeof entry === "object" && !Array.isArray(entry);
  }

  function list(value) {
    return truthy(value) && Array.isArray(value) ? value : [];
  }

  /* The ids of an answer's list; nothing but a string can equal an option id in Python either. */
  function ids(value) {
    return list(value).filter(function (id) { return typeof id === "string"; });
  }

  /* The nodes by id (ids such as "constructor" must not meet Object.prototype). */
  function index(data) {
    if (data.__index) { return data.__index; }
    var found = {};
    data.nodes.forEach(function (node) { found["#" + node.id] = node; });
    Object.defineProperty(data, "__index", { value: found, enumerable: false });
    return found;
  }

  function node(data, id) {
    return typeof id === "string" && has.call(index(data), "#" + id) ? index(data)["#" + id] : null;
  }

  function choiceOf(step, id) {
    for (var i = 0; i < step.choices.length; i += 1) {
      if (step.choices[i].id === id) { return step.choices[i]; }
    }
    return null;
  }

  /* Effects and conditions (model.py) ------------------------------------------------------------ */

  function initialValues(data) {
    var values = {};
    data.variables.forEach(function (variable) { values[variable.id] = variable.initial; });
    return values;
  }

  function holds(condition, values) {
    if (!condition) { return true; }
    var value = has.call(values, condition.var) ? values[condition.var] : 0;
    var amount = condition.amount;
    switch (condition.op) {
      case ">=": return value >= amount;
      case "<=": return value <= amount;
      case "==": return value === amount;
      case "!=": return value !== amount;
      case ">": return value > amount;
      case "<": return value < amount;
      default: return false;
    }
  }

  function applyEffects(effects, values, variables) {
    var result = {};
    Object.keys(values).forEach(function (key) { result[key] = values[key]; });
    effects.forEach(function (effect) {
      var variable = null;
      variables.forEach(function (v) { if (v.id === effect.var) { variable = v; } });
      if (!variable) { return; }
      var current = has.call(result, effect.var) ? result[effect.var] : 0;
      var value = effect.op === "+=" ? current + effect.amount
        : effect.op === "-=" ? current - effect.amount : effect.amount;
      result[effect.var] = Math.max(variable.min, Math.min(variable.max, value));
    });
    return result;
  }

  function offeredChoices(step, values) {
    return step.choices.filter(function (choice) { return holds(choice.requires, values); });
  }

  /* The variables after the choices of `path` (the block applies each choice's effects as it is made). */
  function valuesAfter(data, path) {
    var values = initialValues(data);
    cleanPath(data, path).forEach(function (entry) {
      var item = node(data, entry.node);
      if (item.kind === "step" && !truthy(entry.timeout)) {
        values = applyEffects(choiceOf(item, entry.choice).effects, values, data.variables);
      }
    });
    return values;
  }

  /* Node rules (grading.py) ---------------------------------------------------------------------- */

  function unique(values) {
    var seen = {};
    return values.filter(function (id) {
      var key = "#" + id;
      if (has.call(seen, key)) { return false; }
      seen[key] = true;
      return true;
    });
  }

  function contains(ids, id) { return ids.indexOf(id) !== -1; }

  /* required picked / required total - 0.5 * harmful picked, clamped to 0..1 (no required item: 1). */
  function checklistShare(item, picked) {
    var chosen = unique(ids(picked));
    var required = item.options.filter(function (o) { return o.required; });
    var harmful = item.options.filter(function (o) { return o.harmful && contains(chosen, o.id); }).length;
    var share = required.length ? required.filter(function (o) { return contains(chosen, o.id); }).length /
      required.length : 1.0;
    return Math.max(0.0, Math.min(1.0, share - 0.5 * harmful));
  }

  /* The share of option pairs put in the right relative order (a repeated id counts at its last place). */
  function orderShare(item, order) {
    var right = item.options.map(function (o) { return o.id; });
    var position = {};
    order.forEach(function (id, number) {
      if (typeof id === "string") { position["#" + id] = number; }
    });
    var ranked = right.filter(function (id) { return has.call(position, "#" + id); });
    if (right.length < 2) { return 1.0; }
    var pairs = right.length * (right.length - 1) / 2;
    var good = 0;
    for (var i = 0; i < ranked.length; i += 1) {
      for (var j = i + 1; j < ranked.length; j += 1) {
        if (position["#" + ranked[i]] < position["#" + ranked[j]]) { good += 1; }
      }
    }
    return good / pairs;
  }

  /* "node:option" ids of the critical options an answer got wrong at a checklist or order. */
  function criticalMistakes(item, entry) {
    if (item.kind === "checklist") {
      var chosen = list(entry.picked);
      return item.options.filter(function (o) {
        return o.critical && ((o.required && !contains(chosen, o.id)) || (o.harmful && contains(chosen, o.id)));
      }).map(function (o) { return item.id + ":" + o.id; });
    }
    if (item.kind === "order") {
      var order = list(entry.order);
      return item.options.filter(function (o, i) {
        return o.critical && (i >= order.length || order[i] !== o.id);
      }).map(function (o) { return item.id + ":" + o.id; });
    }
    return [];
  }

  function nodePoints(data, item, entry) {
    if (item.kind === "checklist") { return data.weight * checklistShare(item, list(entry.picked)); }
    if (item.kind === "order") { return data.weight * orderShare(item, list(entry.order)); }
    return 0.0;
  }

  /* The entries that name existing nodes and, at a step, an existing choice or a timeout. */
  function cleanPath(data, path) {
    return (Array.isArray(path) ? path : []).filter(function (entry) {
      if (!isEntry(entry)) { return false; }
      var item = node(data, entry.node);
      if (!item) { return false; }
      if (item.kind === "step" && !choiceOf(item, entry.choice) && !truthy(entry.timeout)) { return false; }
      return true;
    });
  }

  /* Python's round(x, 6): the nearest 6-decimal number, halves to even. A double is exactly halfway only
     when x * 128 is an odd whole number; toFixed rounds every other case exactly. */
  function round6(x) {
    var scaled = x * 128;
    if (scaled === Math.floor(scaled) && Math.abs(scaled % 2) === 1) {
      var low = Math.floor(x * 1e6);
      return (low % 2 === 0 ? low : low + 1) / 1e6;
    }
    return parseFloat(x.toFixed(6));
  }

  function sum(values) {
    var total = 0;
    values.forEach(function (value) { total += value; });
    return total;
  }

  /* A map that keeps the place of a key's first insertion and its latest value (a Python dict). */
  function orderedMap() {
    var keys = [];
    var values = {};
    return {
      set: function (key, value) {
        if (!has.call(values, "#" + key)) { keys.push(key); }
        values["#" + key] = value;
      },
      values: function () { return keys.map(function (key) { return values["#" + key]; }); }
    };
  }

  /* grading.grade: {score, earned, best, critical (ids), ending, timeouts}. */
  function result(data, path) {
    var taken = orderedMap();
    var nodeScores = orderedMap();
    var nodeCritical = orderedMap();
    var critical = [];
    var timeouts = 0;
    var ending = null;
    cleanPath(data, path).forEach(function (entry) {
      var item = node(data, entry.node);
      if (item.kind === "step") {
        if (truthy(entry.timeout)) { timeouts += 1; return; }
        var choice = choiceOf(item, entry.choice);
        taken.set(choice.id, choice.points);
        if (choice.critical && !contains(critical, choice.id)) { critical.push(choice.id); }
      } else if (item.kind === "checklist" || item.kind === "order") {
        nodeScores.set(item.id, nodePoints(data, item, entry));
        nodeCritical.set(item.id, criticalMistakes(item, entry));
      } else {
        ending = item.id;
      }
    });
    nodeCritical.values().forEach(function (mistakes) { critical = critical.concat(mistakes); });
    var earned = sum(taken.values()) + sum(nodeScores.values());
    var score;
    if (data.best > 0) {
      score = Math.max(0.0, Math.min(1.0, earned / data.best));
    } else {
      score = data.ratings[ending ? node(data, ending).rating : "bad"];
    }
    if (critical.length) { score = Math.min(score, Math.max(0.0, data.pass - 0.01)); }
    return { score: round6(score), earned: earned, best: data.best, critical: critical, ending: ending,
             timeouts: timeouts };
  }

  function grade(data, path) {
    return result(data, path).score;
  }

  function passed(data, outcome) {
    return outcome.score >= data.pass && outcome.critical.length === 0;
  }

  /* grading.debrief with better options revealed (practice): one row per entry, labels as markup. */
  function debrief(data, path) {
    return cleanPath(data, path).map(function (entry) {
      var item = node(data, entry.node);
      var row = { node: item.id, kind: item.kind, text: item.text };
      if (item.kind === "step") {
        var choice = truthy(entry.timeout) ? null : choiceOf(item, entry.choice);
        row.timeout = !choice;
        row.label = choice ? choice.label : "";
        row.feedback = choice ? choice.feedback : "";
        row.sources = choice ? choice.sources : [];
        row.critical = Boolean(choice && choice.critical);
        var better = item.better === null ? null : choiceOf(item, item.better);
        if (better && (!choice || better.value > choice.value || row.critical) &&
            better.id !== (choice ? choice.id : entry.choice)) {
          row.better = { id: better.id, label: better.label, feedback: better.feedback };
        }
      } else if (item.kind === "checklist") {
        var picked = list(entry.picked);
        row.picked = item.options.filter(function (o) { return contains(picked, o.id); })
          .map(function (o) { return o.label; });
        row.share = checklistShare(item, picked);
        row.feedback = item.feedback;
        row.sources = item.sources;
        row.critical = criticalMistakes(item, entry).length > 0;
        row.missed = item.options.filter(function (o) { return o.required && !contains(picked, o.id); })
          .map(function (o) { return o.label; });
        row.harmful = item.options.filter(function (o) { return o.harmful && contains(picked, o.id); })
          .map(function (o) { return o.label; });
      } else if (item.kind === "order") {
        var labels = {};
        item.options.forEach(function (o) { labels["#" + o.id] = o.label; });
        row.order = list(entry.order).filter(function (id) { return has.call(labels, "#" + id); })
          .map(function (id) { return labels["#" + id]; });
        row.share = orderShare(item, list(entry.order));
        row.feedback = item.feedback;
        row.sources = item.sources;
        row.critical = criticalMistakes(item, entry).length > 0;
        row.right = item.options.map(function (o) { return o.label; });
      } else {
        row.rating = item.rating;
      }
      return row;
    });
  }

  return {
    grade: grade, result: result, passed: passed, debrief: debrief, cleanPath: cleanPath, node: node,
    choiceOf: choiceOf, initialValues: initialValues, holds: holds, applyEffects: applyEffects,
    offeredChoices: offeredChoices, valuesAfter: valuesAfter, checklistShare: checklistShare,
    orderShare: orderShare, criticalMistakes: criticalMistakes, round6: round6, truthy: truthy
  };
}));
