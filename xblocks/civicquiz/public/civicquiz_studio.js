/* civicquiz, Studio: the question bank as a form (settings, questions, live checks, preview) and the OLX, */
/* two views of the kit's one editor with one save. */
function CivicquizStudio(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var root = kit.root.querySelector(".nt-cq-studio");
  var uid = args.uid;
  var data = JSON.parse(root.getAttribute("data-bank-json"));
  var settings = args.settings || {};
  var selected = data.questions.length ? 0 : -1;
  var bank = root.querySelector("[data-bank]");
  var settingsBox = root.querySelector("[data-settings]");
  var editor = root.querySelector("[data-editor]");
  var previewBox = root.querySelector("[data-preview]");
  var problemsBox = root.querySelector("[data-problems]");
  var errorBox = root.querySelector("[data-form-error]");
  var form = window.CivicquizForm(uid, function () { changed(); });
  var el = form.el, clear = form.clear, button = form.button, field = form.field, plain = form.plain;
  var move = form.move, freshId = form.freshId, focus = form.focus;
  var timer = null;
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
    if (type === "truefalse" || type === "numeric") { q.answer = null; }  // i18n-ignore
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
    field(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; }, { id: modeId,
      choices: [["practice", t.gettext("Practice")], ["assessment", t.gettext("Assessment")],
                ["survey", t.gettext("Survey")]] });
    field(settingsBox, t.gettext("Questions drawn for each learner (empty = all)"), data.draw,
          function (v) { data.draw = v; }, { number: true, id: uid + "-draw" });
    field(settingsBox, t.gettext("Shuffle the options for each learner"), data.shuffle,
          function (v) { data.shuffle = v; }, { checkbox: true, id: uid + "-shuffle" });
    field(settingsBox, t.gettext("Certainty-based marking"), data.certainty,
          function (v) { data.certainty = v; }, { checkbox: true, id: uid + "-certainty" });
    field(settingsBox, t.format(t.gettext("Smallest group whose answers are shown (empty = the platform's {count})"),
                                { count: args.default_min_group }), data.min_group,
          function (v) { data.min_group = v; }, { number: true, id: uid + "-mingroup" });
    field(settingsBox, t.gettext("Weight in the course grade"), settings.weight,
          function (v) { settings.weight = v; }, { number: true, id: uid + "-weight" });
    field(settingsBox, t.gettext("Maximum attempts (empty = unlimited)"), settings.max_attempts,
          function (v) { settings.max_attempts = v; }, { number: true, id: uid + "-attempts" });
    field(settingsBox, t.gettext("Pass mark (0 to 1)"), settings.pass_threshold,
          function (v) { settings.pass_threshold = v; }, { number: true, id: uid + "-pass" });
    field(settingsBox, t.gettext("Show the answers"), settings.showanswer, function (v) { settings.showanswer = v; },
          { id: uid + "-showanswer", choices: (args.showanswer_choices || []) });
  }

  /* The bank: select, move, duplicate, delete ----------------------------------- */

  function summary(q) {
    var text = plain(q.prompt);
    if (text.length > 60) { text = text.slice(0, 57) + "…"; }
    return q.id + " · " + TYPES[q.type] + (text ? ": " + text : "");  // i18n-ignore
  }

  function drawBank() {
    var active = bank.contains(document.activeElement) ? document.activeElement.id : null;
    clear(bank);
    data.questions.forEach(function (q, index) {
      var base = uid + "-q" + index;
      var item = el("li");
      var choose = el("button", { type: "button", className: "nt-cq-select", id: base + "-select",
                                  "aria-current": index === selected ? "true" : "false" }, summary(q));
      choose.addEventListener("click", function () { select(index); });
      item.appendChild(choose);
      if (flagged[q.id]) { item.appendChild(el("span", { className: "nt-cq-flag" }, t.gettext("Has problems"))); }
      var actions = el("div", { className: "nt-cq-actions" });
      button(actions, t.gettext("Move up"), function () { shift(index, -1, "-up"); },
             t.format(t.gettext("Move up: {label}"), { label: q.id }), base + "-up");
      button(actions, t.gettext("Move down"), function () { shift(index, 1, "-down"); },
             t.format(t.gettext("Move down: {label}"), { label: q.id }), base + "-down");
      button(actions, t.gettext("Duplicate"), function () { duplicate(index); },
             t.format(t.gettext("Duplicate question {id}"), { id: q.id }), base + "-dup");
      button(actions, t.gettext("Delete"), function () { remove(index); },
             t.format(t.gettext("Delete question {id}"), { id: q.id }), base + "-del");
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

  function shift(index, delta, suffix) {
    if (!move(data.questions, index, delta)) { return; }
    if (selected === index) { selected = index + delta; } else if (selected === index + delta) { selected = index; }
    drawAll();
    focus(uid + "-q" + (index + delta) + suffix);
    kit.announce(t.format(t.gettext("{label} is now number {position} of {total}."),
                          { label: data.questions[index + delta].id, position: index + delta + 1,
                            total: data.questions.length }));
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
    var row = el("fieldset", { className: "nt-cq-row", "data-part": "" });
    row.appendChild(el("legend", {}, legend));
    fill(row, list[index]);
    var actions = el("div", { className: "nt-cq-actions" });
    if (list !== q.pairs) {
      button(actions, t.gettext("Move up"), function () { if (move(list, index, -1)) { redraw(); } },
             t.format(t.gettext("Move up: {label}"), { label: legend }));
      button(actions, t.gettext("Move down"), function () { if (move(list, index, 1)) { redraw(); } },
             t.format(t.gettext("Move down: {label}"), { label: legend }));
    }
    button(actions, t.gettext("Delete"), function () { list.splice(index, 1); redraw(); },
           t.format(t.gettext("Delete: {label}"), { label: legend }));
    row.appendChild(actions);
    box.appendChild(row);
  }

  function drawParts(box, q) {
    (q.options || []).forEach(function (option, index) {
      var legend = t.format(t.gettext("Option {number}"), { number: index + 1 });
      partRow(box, q, q.options, index, legend, function (row) {
        field(row, t.format(t.gettext("Text of option {number}"), { number: index + 1 }), option.label,
              function (v) { option.label = v; }, { wide: true });
        field(row, t.format(t.gettext("Option {number} is correct"), { number: index + 1 }), option.correct,
              function (v) { markCorrect(q, option, v); }, { checkbox: true });
      });
    });
    (q.items || []).forEach(function (item, index) {
      var legend = t.format(t.gettext("Item {number}"), { number: index + 1 });
      partRow(box, q, q.items, index, legend, function (row) {
        field(row, t.format(t.gettext("Text of item {number}"), { number: index + 1 }), item.label,
              function (v) { item.label = v; }, { wide: true });
      });
    });
    (q.pairs || []).forEach(function (pair, index) {
      var legend = t.format(t.gettext("Pair {number}"), { number: index + 1 });
      partRow(box, q, q.pairs, index, legend, function (row) {
        field(row, t.gettext("Left"), pair.left, function (v) { pair.left = v; });
        field(row, t.gettext("Right (the match)"), pair.right, function (v) { pair.right = v; });
      });
    });
    if (q.options || q.items || q.pairs) {
      var label = q.options ? t.gettext("Add an option") : q.items ? t.gettext("Add an item") : t.gettext("Add a pair");
      button(box, label, function () {
        addPart(q);
        redraw();
        var rows = box.querySelectorAll("[data-part]");
        if (rows.length) { rows[rows.length - 1].querySelector("input").focus(); }
      });
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
      var row = el("fieldset", { className: "nt-cq-row" });
      row.appendChild(el("legend", {}, t.format(t.gettext("Source {number}"), { number: index + 1 })));
      field(row, t.gettext("Link (https://...)"), source.href, function (v) { source.href = v; }, { wide: true });
      field(row, t.gettext("Title"), source.title, function (v) { source.title = v; }, { wide: true });
      button(row, t.gettext("Delete"), function () { q.sources.splice(index, 1); redraw(); },
             t.format(t.gettext("Delete source {number}"), { number: index + 1 }));
      box.appendChild(row);
    });
    button(box, t.gettext("Add a source"), function () {
      q.sources.push({ href: "https://", title: "" });
      redraw();
    });
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
    field(grid, t.gettext("Prompt"), q.prompt, function (v) { q.prompt = v; }, { area: true, wide: true,
                                                                                  id: uid + "-prompt" });
    field(grid, t.gettext("Question id (learners' answers are kept by it)"), q.id, function (v) { q.id = v; });
    field(grid, t.gettext("Topic (draws are balanced across topics)"), q.topic, function (v) { q.topic = v; });
    field(grid, t.gettext("Difficulty"), q.difficulty, function (v) { q.difficulty = v === "" ? null : Number(v); },
          { choices: [["", t.gettext("(not set)")], [1, "1"], [2, "2"], [3, "3"], [4, "4"], [5, "5"]] });
    if (q.type === "truefalse") {
      field(grid, t.gettext("The statement is"), q.answer === null || q.answer === undefined ? "" : String(q.answer),
            function (v) { q.answer = v === "" ? null : v === "true"; },
            { choices: [["", t.gettext("(not set)")], ["true", t.gettext("True")], ["false", t.gettext("False")]] });
    } else if (q.type === "numeric") {
      field(grid, t.gettext("Right answer (a number)"), q.answer, function (v) { q.answer = v; }, { number: true });
      field(grid, t.gettext("Tolerance (plus or minus; empty = exact)"), q.tolerance,
            function (v) { q.tolerance = v; }, { number: true });
    } else if (q.type === "scale") {
      field(grid, t.gettext("Lowest point"), q.min, function (v) { q.min = v; }, { number: true });
      field(grid, t.gettext("Highest point"), q.max, function (v) { q.max = v; }, { number: true });
      field(grid, t.gettext("Label of the lowest point"), q.low, function (v) { q.low = v; });
      field(grid, t.gettext("Label of the highest point"), q.high, function (v) { q.high = v; });
    }
    editor.appendChild(grid);
    if (q.type === "order") {
      var hint = t.gettext("Write the items in the right order; learners get them shuffled.");
      editor.appendChild(el("p", { className: "nt-muted" }, hint));
    }
    drawParts(editor, q);
    field(editor, t.gettext("Explanation (shown with the feedback)"), q.explanation,
          function (v) { q.explanation = v; }, { area: true, wide: true });
    drawSources(editor, q);
  }

  function redraw() {
    var active = document.activeElement && document.activeElement.id;
    drawEditor();
    changed();
    if (active) { focus(active); }
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
      q.pairs.forEach(function (pair) { list.appendChild(el("li", {}, plain(pair.left) + " → …")); });  // i18n-ignore
      previewBox.appendChild(list);
      list = el("p", { className: "nt-muted" }, t.format(t.gettext("Matches to choose from: {list}"),
        { list: q.pairs.map(function (pair) { return plain(pair.right); }).join("; ") }));
    } else {
      var text = { truefalse: t.gettext("True / False"), numeric: t.gettext("A box for a number"),
                   text: t.gettext("A box for a written answer") }[q.type];
      if (q.type === "scale") { text = q.min + " " + (q.low || "") + " … " + q.max + " " + (q.high || ""); }  // i18n-ignore
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
    clear(problemsBox);
    drawBank();
    if (!problems.length) { problemsBox.appendChild(el("p", {}, t.gettext("No problems found."))); return; }
    var listing = el("ul");
    problems.forEach(function (p) {
      listing.appendChild(el("li", { className: p.severity === "error" ? "nt-cq-problem" : "nt-warning" },  // i18n-ignore
                             p.message));
    });
    problemsBox.appendChild(listing);
  }

  function check() {
    kit.post("check_content", { content: data }).then(function (result) {
      showProblems(result.ok ? result.data.problems : [{ severity: "error", message: result.data.error, id: null }]);
    });
  }

  function changed() {
    drawBank();
    drawPreview();
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(check, 400);
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
  return window.NoturibaKit.studioEditor(runtime, element, { namespace: args.namespace, form: {
    panel: root.querySelector("[data-form-view]"),
    nameInput: root.querySelector("[data-name]"), errorBox: errorBox,
    state: function () { return { content: data, settings: settings }; },
    load: function (content) {
      data = content;
      selected = data.questions.length ? 0 : -1;
      shownProblems = null;
      drawSettings();
      drawAll();
    }
  } });
}
