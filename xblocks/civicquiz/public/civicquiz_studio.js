/* civicquiz, Studio: the question bank as a form (settings, questions, live checks, preview) and the OLX, */
/* two views of the kit's one editor with one save. */
function CivicquizStudio(runtime, element, args) {
  "use strict";
  var S = window.NoturibaKit.studio(runtime, element, args, { root: ".nt-cq-studio", island: args.bank_id,
                                                             prefix: "nt-cq", warningClass: "nt-warning",
                                                             onChange: function () { changed(); } });
  var kit = S.kit, t = S.t, root = S.root, uid = S.uid, form = S.form, focus = S.focus, freshId = S.freshId;
  var data = S.island;  // author text: in an island, not in init args
  var settings = args.settings || {};
  var selected = data.questions.length ? 0 : -1;
  var bank = root.querySelector("[data-bank]");
  var settingsBox = root.querySelector("[data-settings]");
  var editor = root.querySelector("[data-editor]");
  var previewBox = root.querySelector("[data-preview]");
  var el = window.NoturibaKit.dom.el, clear = window.NoturibaKit.dom.clear;
  var plain = window.NoturibaKit.dom.text;
  var check = S.checker("check_content", function () { return data; }, showProblems);
  var shownProblems = null;
  var flagged = {};
  var TYPES = { single: t.gettext("Single choice"), multiple: t.gettext("Multiple choice"),
                truefalse: t.gettext("True or false"), numeric: t.gettext("Number"), order: t.gettext("Put in order"),
                match: t.gettext("Match pairs"), scale: t.gettext("Scale (survey)"),
                text: t.gettext("Written answer (survey)") };

  function questionIds() { return data.questions.map(function (q) { return q.id; }); }

  function partIds(q) {
    return (q.options || []).concat(q.items || [], q.pairs || []).map(function (part) { return part.id; });
  }

  function freshPart(q) {
    var used = partIds(q);
    var letters = "abcdefghijklmnopqrstuvwxyz";
    for (var i = 0; i < letters.length; i += 1) {
      if (used.indexOf(letters[i]) < 0) { return letters[i]; }
    }
    return freshId(used, "o");
  }

  function newQuestion(type) {
    var q = { id: freshId(questionIds(), "q"), type: type, prompt: "", topic: "", difficulty: null,
              explanation: "", sources: [] };
    if (type === "single" || type === "multiple") { q.options = []; }
    if (type === "order") { q.items = []; }
    if (type === "match") { q.pairs = []; }
    var parts = { single: 2, multiple: 3, order: 3, match: 2 }[type] || 0;
    for (var n = 0; n < parts; n += 1) { addPart(q); }
    if (type === "truefalse" || type === "numeric") { q.answer = null; }
    if (type === "numeric") { q.tolerance = null; }
    if (type === "scale") { q.min = 1; q.max = 5; q.low = ""; q.high = ""; }
    return q;
  }

  function addPart(q) {
    var id = freshPart(q);
    if (q.options) { q.options.push({ id: id, label: "", correct: false }); }
    if (q.items) { q.items.push({ id: id, label: "" }); }
    if (q.pairs) { q.pairs.push({ id: id, left: "", right: "" }); }
  }

  /* Settings ------------------------------------------------------------------ */

  function drawSettings() {
    clear(settingsBox);
    var modeId = uid + "-mode";
    form.select(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; }, { id: modeId,
      choices: [["practice", t.gettext("Practice")], ["assessment", t.gettext("Assessment")],
                ["survey", t.gettext("Survey")]] });
    form.number(settingsBox, t.gettext("Questions drawn for each learner (empty = all)"), data.draw,
                function (v) { data.draw = v; }, { id: uid + "-draw" });
    form.checkbox(settingsBox, t.gettext("Shuffle the options for each learner"), data.shuffle,
                  function (v) { data.shuffle = v; }, { id: uid + "-shuffle" });
    form.checkbox(settingsBox, t.gettext("Certainty-based marking"), data.certainty,
                  function (v) { data.certainty = v; }, { id: uid + "-certainty" });
    form.number(settingsBox, t.format(t.gettext("Smallest group whose answers are shown (empty = the platform's {count})"),
                                { count: args.default_min_group }), data.min_group,
                function (v) { data.min_group = v; }, { id: uid + "-mingroup" });
    S.scoring(settingsBox, settings, { label: t.gettext("Show the answers"), choices: args.showanswer_choices });
  }

  /* The bank: select, move, duplicate, delete ----------------------------------- */

  function summary(q) {
    var text = plain(q.prompt);
    if (text.length > 60) { text = text.slice(0, 57) + "…"; }
    return q.id + " · " + TYPES[q.type] + (text ? ": " + text : "");
  }

  function drawBank() {
    var active = bank.contains(document.activeElement) ? document.activeElement.id : null;
    clear(bank);
    data.questions.forEach(function (q, index) {
      var base = uid + "-q" + index;
      var item = el("li");
      var choose = form.button(summary(q), function () { select(index); }, { className: "nt-cq-select", id: base + "-select" });
      choose.setAttribute("aria-current", index === selected ? "true" : "false");
      item.appendChild(choose);
      if (flagged[q.id]) { item.appendChild(el("span", { className: "nt-cq-flag" }, t.gettext("Has problems"))); }
      var actions = el("div", { className: "nt-cq-actions" });
      form.moveButtons(actions, data.questions, index, q.id, function (to, which) {
        shifted(index, to, which ? "-down" : "-up");
      }, [base + "-up", base + "-down"]);
      actions.appendChild(form.button(t.gettext("Duplicate"), function () { duplicate(index); },
                                      { ariaLabel: t.format(t.gettext("Duplicate question {id}"), { id: q.id }),
                                        id: base + "-dup" }));
      actions.appendChild(form.button(t.gettext("Delete"), function () { remove(index); },
                                      { ariaLabel: t.format(t.gettext("Delete question {id}"), { id: q.id }),
                                        id: base + "-del" }));
      item.appendChild(actions);
      bank.appendChild(item);
    });
    if (active) { focus(active); }
  }

  function select(index) {
    selected = index;
    drawAll();
    focus(uid + "-prompt");
  }

  function shifted(from, to, suffix) {
    if (selected === from) { selected = to; } else if (selected === to) { selected = from; }
    drawAll();
    focus(uid + "-q" + to + suffix);
    S.moved(data.questions[to].id, to, data.questions.length);
  }

  function duplicate(index) {
    var copy = JSON.parse(JSON.stringify(data.questions[index]));
    copy.id = freshId(questionIds(), data.questions[index].id.slice(0, 90) + "-");
    data.questions.splice(index + 1, 0, copy);
    selected = index + 1;
    drawAll();
    focus(uid + "-q" + (index + 1) + "-select");
    kit.announce(t.format(t.gettext("{id} added after the original."), { id: copy.id }));
  }

  function remove(index) {
    var gone = data.questions.splice(index, 1)[0];
    if (selected >= data.questions.length) { selected = data.questions.length - 1; }
    drawAll();
    var next = Math.min(index, data.questions.length - 1);
    focus(data.questions.length ? uid + "-q" + next + "-select" : uid + "-newtype");
    kit.announce(t.format(t.gettext("{id} deleted."), { id: gone.id }));
  }

  /* The selected question ---------------------------------------------------------- */

  function partRow(box, q, list, index, legend, fill) {
    var row = form.fieldset(box, legend, { className: "nt-cq-row", "data-part": "" });
    fill(row, list[index]);
    var actions = el("div", { className: "nt-cq-actions" });
    if (list !== q.pairs) {
      form.moveButtons(actions, list, index, legend, redraw);
    }
    actions.appendChild(form.button(t.gettext("Delete"), function () { list.splice(index, 1); redraw(); },
                                    { ariaLabel: t.format(t.gettext("Delete: {label}"), { label: legend }) }));
    row.appendChild(actions);
  }

  function drawParts(box, q) {
    (q.options || []).forEach(function (option, index) {
      var legend = t.format(t.gettext("Option {number}"), { number: index + 1 });
      partRow(box, q, q.options, index, legend, function (row) {
        form.text(row, t.format(t.gettext("Text of option {number}"), { number: index + 1 }), option.label,
                  function (v) { option.label = v; }, { wide: true });
        form.checkbox(row, t.format(t.gettext("Option {number} is correct"), { number: index + 1 }), option.correct,
                      function (v) { markCorrect(q, option, v); });
      });
    });
    (q.items || []).forEach(function (item, index) {
      var legend = t.format(t.gettext("Item {number}"), { number: index + 1 });
      partRow(box, q, q.items, index, legend, function (row) {
        form.text(row, t.format(t.gettext("Text of item {number}"), { number: index + 1 }), item.label,
                  function (v) { item.label = v; }, { wide: true });
      });
    });
    (q.pairs || []).forEach(function (pair, index) {
      var legend = t.format(t.gettext("Pair {number}"), { number: index + 1 });
      partRow(box, q, q.pairs, index, legend, function (row) {
        form.text(row, t.gettext("Left"), pair.left, function (v) { pair.left = v; });
        form.text(row, t.gettext("Right (the match)"), pair.right, function (v) { pair.right = v; });
      });
    });
    if (q.options || q.items || q.pairs) {
      var label = q.options ? t.gettext("Add an option") : q.items ? t.gettext("Add an item") : t.gettext("Add a pair");
      box.appendChild(form.button(label, function () {
        addPart(q);
        redraw();
        var rows = box.querySelectorAll("[data-part]");
        if (rows.length) { rows[rows.length - 1].querySelector("input").focus(); }
      }));
    }
  }

  function markCorrect(q, option, value) {
    option.correct = value;
    if (q.type === "single" && value) {
      q.options.forEach(function (other) { if (other !== option) { other.correct = false; } });
      redraw();
      kit.announce(t.gettext("This option is now the one correct answer."));
    }
  }

  function drawSources(box, q) {
    q.sources = q.sources || [];
    q.sources.forEach(function (source, index) {
      var row = form.fieldset(box, t.format(t.gettext("Source {number}"), { number: index + 1 }), { className: "nt-cq-row" });
      form.text(row, t.gettext("Link (https://...)"), source.href, function (v) { source.href = v; }, { wide: true });
      form.text(row, t.gettext("Title"), source.title, function (v) { source.title = v; }, { wide: true });
      row.appendChild(form.button(t.gettext("Delete"), function () { q.sources.splice(index, 1); redraw(); },
                                  { ariaLabel: t.format(t.gettext("Delete source {number}"), { number: index + 1 }) }));
    });
    box.appendChild(form.button(t.gettext("Add a source"), function () {
      q.sources.push({ href: "https://", title: "" });
      redraw();
    }));
  }

  function drawEditor() {
    clear(editor);
    form.reset();
    var q = data.questions[selected];
    var title = root.querySelector("[data-edit-title]");
    if (!q) {
      title.textContent = t.gettext("The selected question");
      editor.appendChild(el("p", { className: "nt-muted" }, t.gettext("Add a question to edit it here.")));
      return;
    }
    title.textContent = t.format(t.gettext("Question {number}: {type}"), { number: selected + 1, type: TYPES[q.type] });
    var grid = el("div", { className: "nt-cq-grid" });
    form.textarea(grid, t.gettext("Prompt"), q.prompt, function (v) { q.prompt = v; }, { wide: true,
                                                                                  id: uid + "-prompt" });
    form.text(grid, t.gettext("Question id (learners' answers are kept by it)"), q.id, function (v) { q.id = v; });
    form.text(grid, t.gettext("Topic (draws are balanced across topics)"), q.topic, function (v) { q.topic = v; });
    form.select(grid, t.gettext("Difficulty"), q.difficulty, function (v) { q.difficulty = v === "" ? null : Number(v); },
                { choices: [["", t.gettext("(not set)")], [1, "1"], [2, "2"], [3, "3"], [4, "4"], [5, "5"]] });
    if (q.type === "truefalse") {
      form.select(grid, t.gettext("The statement is"), q.answer === null || q.answer === undefined ? "" : String(q.answer),
                  function (v) { q.answer = v === "" ? null : v === "true"; },
            { choices: [["", t.gettext("(not set)")], ["true", t.gettext("True")], ["false", t.gettext("False")]] });
    } else if (q.type === "numeric") {
      form.number(grid, t.gettext("Right answer (a number)"), q.answer, function (v) { q.answer = v; });
      form.number(grid, t.gettext("Tolerance (plus or minus; empty = exact)"), q.tolerance,
                  function (v) { q.tolerance = v; });
    } else if (q.type === "scale") {
      form.number(grid, t.gettext("Lowest point"), q.min, function (v) { q.min = v; });
      form.number(grid, t.gettext("Highest point"), q.max, function (v) { q.max = v; });
      form.text(grid, t.gettext("Label of the lowest point"), q.low, function (v) { q.low = v; });
      form.text(grid, t.gettext("Label of the highest point"), q.high, function (v) { q.high = v; });
    }
    editor.appendChild(grid);
    if (q.type === "order") {
      var hint = t.gettext("Write the items in the right order; learners get them shuffled.");
      editor.appendChild(el("p", { className: "nt-muted" }, hint));
    }
    drawParts(editor, q);
    form.textarea(editor, t.gettext("Explanation (shown with the feedback)"), q.explanation,
                  function (v) { q.explanation = v; }, { wide: true });
    drawSources(editor, q);
  }

  function redraw() {
    S.redraw(undefined, function () { drawEditor(); changed(); });
  }

  /* Preview (text only, no answers) ---------------------------------------------------- */

  function drawPreview() {
    clear(previewBox);
    var q = data.questions[selected];
    if (!q) { return; }
    previewBox.appendChild(el("p", {}, plain(q.prompt) || t.gettext("(no prompt yet)")));
    var list;
    if (q.options || q.items) {
      list = el(q.items ? "ol" : "ul");
      (q.options || q.items).forEach(function (part) { list.appendChild(el("li", {}, plain(part.label))); });
    } else if (q.pairs) {
      list = el("ul");
      q.pairs.forEach(function (pair) { list.appendChild(el("li", {}, plain(pair.left) + " → …")); });
      previewBox.appendChild(list);
      list = el("p", { className: "nt-muted" }, t.format(t.gettext("Matches to choose from: {list}"),
        { list: q.pairs.map(function (pair) { return plain(pair.right); }).join("; ") }));
    } else {
      var text = { truefalse: t.gettext("True / False"), numeric: t.gettext("A box for a number"),
                   text: t.gettext("A box for a written answer") }[q.type];
      if (q.type === "scale") { text = q.min + " " + (q.low || "") + " … " + q.max + " " + (q.high || ""); }
      list = el("p", { className: "nt-muted" }, text);
    }
    previewBox.appendChild(list);
  }

  /* Checks, drawing, adding and saving ------------------------------------------------- */

  function showProblems(problems) {
    var key = JSON.stringify(problems);
    flagged = {};
    problems.forEach(function (p) { if (p.id && p.severity === "error") { flagged[p.id] = true; } });
    if (key === shownProblems) { return; }
    shownProblems = key;
    drawBank();
    S.problems(problems);
  }

  function changed() {
    drawBank();
    drawPreview();
    check();
  }

  function drawAll() {
    drawBank();
    drawEditor();
    changed();
  }

  root.querySelector("[data-add]").addEventListener("click", function () {
    var q = newQuestion(root.querySelector("[data-new-type]").value);
    data.questions.push(q);
    selected = data.questions.length - 1;
    drawAll();
    focus(uid + "-prompt");
    kit.announce(t.format(t.gettext("{id} added at the end of the list."), { id: q.id }));
  });

  drawSettings();
  drawAll();

  /* The kit's one editor: this form and the OLX view, one save (Studio's modal Save calls it). */
  return S.editor({
    state: function () { return { content: data, settings: settings }; },
    load: function (content) {
      data = content;
      selected = data.questions.length ? 0 : -1;
      shownProblems = null;
      drawSettings();
      drawAll();
    }
  });
}
