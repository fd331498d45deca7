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
  var types = window.NoturibaCivicquiz;  // the table of question types (civicquiz_types.js)
  function typeLabel(name) { var type = types.type(name); return type.label ? type.label(t) : name; }

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
    var kind = types.type(type);
    if (kind.blank) { kind.blank(q); }
    for (var n = 0; n < (kind.parts || 0); n += 1) { addPart(q); }
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
    return q.id + " · " + typeLabel(q.type) + (text ? ": " + text : "");
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
    if (types.type(q.type).oneCorrect && value) {
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
    title.textContent = t.format(t.gettext("Question {number}: {type}"), { number: selected + 1, type: typeLabel(q.type) });
    var grid = el("div", { className: "nt-cq-grid" });
    form.textarea(grid, t.gettext("Prompt"), q.prompt, function (v) { q.prompt = v; }, { wide: true,
                                                                                  id: uid + "-prompt" });
    form.text(grid, t.gettext("Question id (learners' answers are kept by it)"), q.id, function (v) { q.id = v; });
    form.text(grid, t.gettext("Topic (draws are balanced across topics)"), q.topic, function (v) { q.topic = v; });
    form.select(grid, t.gettext("Difficulty"), q.difficulty, function (v) { q.difficulty = v === "" ? null : Number(v); },
                { choices: [["", t.gettext("(not set)")], [1, "1"], [2, "2"], [3, "3"], [4, "4"], [5, "5"]] });
    var kind = types.type(q.type);
    if (kind.fields) { kind.fields(grid, q, form, t); }
    editor.appendChild(grid);
    if (kind.hint) { editor.appendChild(el("p", { className: "nt-muted" }, kind.hint(t))); }
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
    var preview = types.type(q.type).preview;
    if (preview) { preview(previewBox, q, { t: t, plain: plain }); }
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

  Object.keys(types.TYPES).forEach(function (name) {
    root.querySelector("[data-new-type]").appendChild(el("option", { value: name }, typeLabel(name)));
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
