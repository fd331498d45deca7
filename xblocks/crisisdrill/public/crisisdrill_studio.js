/* Crisis drill, Studio: a form editor (nodes, choices, goto dropdowns, map, validation) and the OLX: two views, one save. */
function CrisisdrillStudio(runtime, element, args) {
  "use strict";
  var S = window.NoturibaKit.studio(runtime, element, args, { root: ".nt-cd-studio", island: args.editor_id,
                                                             prefix: "nt-cd", onChange: function () { changed(); } });
  var kit = S.kit, t = S.t, root = S.root, uid = S.uid, f = S.form;
  var editor = S.island;  /* author text: in an island, not in init args */
  var data = editor.content;
  var settings = editor.settings || {};
  var list = root.querySelector("[data-nodes]");
  var settingsBox = root.querySelector("[data-settings]");
  var variablesBox = root.querySelector("[data-variables]");
  var mapBox = root.querySelector("[data-map]");
  var KINDS = { step: t.gettext("Step"), checklist: t.gettext("Checklist"), order: t.gettext("Order task"),
                ending: t.gettext("Ending") };
  var el = window.NoturibaKit.dom.el;
  var clear = window.NoturibaKit.dom.clear;
  var changed = S.checker("inspect", clean, function (problems, result) {
    S.problems(problems);
    if (result.ok && result.data.map) { showMap(result.data.map); } else { clear(mapBox); }
  });
  var redraws = { committed: function (input) { draw(input.id); } };

  function targets(withNone) {
    var result = withNone ? [["", t.gettext("(none)")]] : [];
    data.nodes.forEach(function (node) { result.push([node.id, node.id + " (" + KINDS[node.kind] + ")"]); });
    return result;
  }

  function sourcesText(sources) {
    return (sources || []).map(function (s) { return s.href + (s.title && s.title !== s.href ? " " + s.title : ""); })
      .join("\n");
  }

  function parseSources(text) {
    return text.split("\n").map(function (line) { return line.trim(); }).filter(Boolean).map(function (line) {
      var space = line.indexOf(" ");
      return space < 0 ? { href: line, title: line } : { href: line.slice(0, space), title: line.slice(space + 1) };
    });
  }

  function freshId(prefix) {
    var used = {};
    (data.variables || []).forEach(function (v) { used[v.id] = true; });
    data.nodes.forEach(function (n) {
      used[n.id] = true;
      (n.choices || []).concat(n.options || []).forEach(function (c) { used[c.id] = true; });
    });
    var number = 1;
    while (used[prefix + number]) { number += 1; }
    return prefix + number;
  }

  /* Sections ---------------------------------------------------------------- */

  function drawSettings() {
    clear(settingsBox);
    f.select(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; },
             { choices: [["practice", t.gettext("Practice")], ["assessment", t.gettext("Assessment")]] });
    f.select(settingsBox, t.gettext("Start node"), data.start, function (v) { data.start = v; }, { choices: targets() });
    f.checkbox(settingsBox, t.gettext("Timers on"), data.timer, function (v) { data.timer = v; });
    f.textarea(settingsBox, t.gettext("Introduction"), data.intro, function (v) { data.intro = v; },
               { wide: true });
    f.textarea(settingsBox, t.gettext("Debrief text"), data.debrief, function (v) { data.debrief = v; },
               { wide: true });
    f.textarea(settingsBox, t.gettext("Debrief sources (one per line: link, then title)"),
               sourcesText(data.debrief_sources), function (v) { data.debrief_sources = parseSources(v); },
               { wide: true });
    S.scoring(settingsBox, settings, { label: t.gettext("Show better options"), choices: editor.showanswer_choices });
    var card = data.card || { prepare: "", call: "", listen: "" };
    [["prepare", t.gettext("Action card: what to prepare (empty = default)")],
     ["call", t.gettext("Action card: whom to call (empty = default)")],
     ["listen", t.gettext("Action card: where to listen (empty = default)")]].forEach(function (pair) {
      f.textarea(settingsBox, pair[1], card[pair[0]], function (v) {
        data.card = data.card || { prepare: "", call: "", listen: "" };
        data.card[pair[0]] = v;
      }, { wide: true, rows: 2 });
    });
  }

  function drawVariables() {
    clear(variablesBox);
    (data.variables || []).forEach(function (variable, index) {
      var row = f.fieldset(variablesBox, t.format(t.gettext("Variable {id}"), { id: variable.id }),
                           { className: "nt-cd-row" });
      f.text(row, t.gettext("Id"), variable.id, function (v) { variable.id = v; }, redraws);
      f.text(row, t.gettext("Label"), variable.label, function (v) { variable.label = v; });
      f.number(row, t.gettext("Initial"), variable.initial, function (v) { variable.initial = v; });
      f.number(row, t.gettext("Minimum"), variable.min, function (v) { variable.min = v; });
      f.number(row, t.gettext("Maximum"), variable.max, function (v) { variable.max = v; });
      row.appendChild(f.button(t.gettext("Delete"), function () {
        data.variables.splice(index, 1);
        draw();
      }, { ariaLabel: t.format(t.gettext("Delete variable {id}"), { id: variable.id }) }));
    });
    variablesBox.appendChild(f.button(t.gettext("Add a variable"), function () {
      data.variables = data.variables || [];
      data.variables.push({ id: freshId("var"), label: "", initial: 0, min: 0, max: 10 });
      draw();
    }));
  }

  function drawChoice(box, node, choice, index) {
    var row = f.fieldset(box, t.format(t.gettext("Choice {id}"), { id: choice.id }), { className: "nt-cd-row" });
    f.text(row, t.gettext("Id"), choice.id, function (v) { choice.id = v; }, redraws);
    f.select(row, t.gettext("Goes to"), choice.goto, function (v) { choice.goto = v; }, { choices: targets() });
    f.number(row, t.gettext("Points"), choice.points, function (v) { choice.points = v || 0; });
    f.checkbox(row, t.gettext("Critical (dangerous) decision"), choice.critical, function (v) { choice.critical = v; });
    f.text(row, t.gettext("Effects (e.g. water-=1, battery=5)"), choice.effects, function (v) { choice.effects = v; });
    f.text(row, t.gettext("Offered only if (e.g. water>=3)"), choice.requires, function (v) { choice.requires = v; });
    f.textarea(row, t.gettext("Label"), choice.label, function (v) { choice.label = v; }, { wide: true, rows: 2 });
    f.textarea(row, t.gettext("Feedback"), choice.feedback, function (v) { choice.feedback = v; }, { wide: true });
    f.textarea(row, t.gettext("Sources (one per line: link, then title)"), sourcesText(choice.sources),
               function (v) { choice.sources = parseSources(v); }, { wide: true, rows: 2 });
    f.moveButtons(row, node.choices, index, choice.id, function () { draw(); });
    row.appendChild(f.button(t.gettext("Delete"), function () {
      node.choices.splice(index, 1);
      draw();
    }, { ariaLabel: t.format(t.gettext("Delete choice {id}"), { id: choice.id }) }));
  }

  function drawOption(box, node, option, index) {
    var row = f.fieldset(box, t.format(t.gettext("Option {id}"), { id: option.id }), { className: "nt-cd-row" });
    f.text(row, t.gettext("Id"), option.id, function (v) { option.id = v; }, redraws);
    f.text(row, t.gettext("Label"), option.label, function (v) { option.label = v; }, { wide: true });
    if (node.kind === "checklist") {
      f.number(row, t.gettext("Size"), option.size, function (v) { option.size = v || 0; });
      f.checkbox(row, t.gettext("Required"), option.required, function (v) { option.required = v; });
      f.checkbox(row, t.gettext("Harmful"), option.harmful, function (v) { option.harmful = v; });
    } else {
      f.moveButtons(row, node.options, index, option.id, function () { draw(); });
    }
    row.appendChild(f.button(t.gettext("Delete"), function () {
      node.options.splice(index, 1);
      draw();
    }, { ariaLabel: t.format(t.gettext("Delete option {id}"), { id: option.id }) }));
  }

  function drawNode(node, index) {
    var item = el("li", { className: "nt-cd-edit-node", id: uid + "-node-" + index, "data-node": node.id });
    var details = el("details");
    if (node.open) { details.open = true; }
    details.addEventListener("toggle", function () { node.open = details.open; });
    details.appendChild(el("summary", {}, node.id + " · " + KINDS[node.kind]));
    var body = el("div", { className: "nt-cd-edit-body" });
    f.text(body, t.gettext("Id"), node.id, function (v) { node.id = v; }, redraws);
    f.textarea(body, t.gettext("Situation text"), node.text, function (v) { node.text = v; }, { wide: true });
    if (node.kind === "step") {
      f.number(body, t.gettext("Time limit (seconds, empty = none)"), node.time_limit,
               function (v) { node.time_limit = v; });
      f.select(body, t.gettext("When time runs out, go to"), node.timeout || "",
               function (v) { node.timeout = v || null; }, { choices: targets(true) });
      (node.choices || []).forEach(function (choice, number) { drawChoice(body, node, choice, number); });
      body.appendChild(f.button(t.gettext("Add a choice"), function () {
        node.choices = node.choices || [];
        node.choices.push({ id: freshId(node.id + "-c"), goto: data.start, label: "", points: 0, effects: "",
                            requires: "", critical: false, feedback: "", sources: [] });
        node.open = true;
        draw();
      }));
    } else if (node.kind === "checklist" || node.kind === "order") {
      f.select(body, t.gettext("Goes to"), node.goto, function (v) { node.goto = v; }, { choices: targets() });
      if (node.kind === "checklist") {
        f.number(body, t.gettext("Capacity (empty = no limit)"), node.capacity, function (v) { node.capacity = v; });
      }
      f.textarea(body, t.gettext("Feedback"), node.feedback, function (v) { node.feedback = v; }, { wide: true });
      (node.options || []).forEach(function (option, number) { drawOption(body, node, option, number); });
      body.appendChild(f.button(t.gettext("Add an option"), function () {
        node.options = node.options || [];
        node.options.push(node.kind === "checklist" ? { id: freshId(node.id + "-o"), label: "", size: 1,
          required: false, harmful: false } : { id: freshId(node.id + "-o"), label: "" });
        node.open = true;
        draw();
      }));
    } else {
      f.select(body, t.gettext("Rating"), node.rating, function (v) { node.rating = v; },
               { choices: [["good", t.gettext("good")], ["ok", t.gettext("ok")], ["bad", t.gettext("bad")]] });
    }
    details.appendChild(body);
    item.appendChild(details);
    var actions = el("div", { className: "nt-cd-node-actions" });
    f.moveButtons(actions, data.nodes, index, node.id, function (to, which) {
      draw(null);
      S.focusIn(list.children[to], ".nt-cd-node-actions button", which);
      S.moved(node.id, to, data.nodes.length);
    });
    actions.appendChild(f.button(t.gettext("Delete"), function () {
      data.nodes.splice(index, 1);
      draw();
      kit.announce(t.format(t.gettext("{id} deleted."), { id: node.id }));
    }, { ariaLabel: t.format(t.gettext("Delete node {id}"), { id: node.id }) }));
    item.appendChild(actions);
    list.appendChild(item);
  }

  function draw(focusId) {
    S.redraw(focusId, function () {
      drawSettings();
      drawVariables();
      clear(list);
      data.nodes.forEach(drawNode);
      changed();
    });
  }

  /* Validation and map (the server's graph rules) ----------------------------- */

  function clean() {
    return JSON.parse(JSON.stringify(data, function (key, value) { return key === "open" ? undefined : value; }));
  }

  function showMap(rows) {
    clear(mapBox);
    var listing = el("ol", { className: "nt-cd-map" });
    rows.forEach(function (row) {
      var item = el("li", { className: "nt-cd-map-node" + (row.unreachable || row.dead_end ? " nt-cd-unreachable" : "") });
      item.appendChild(el("strong", {}, row.id));
      item.appendChild(el("span", { className: "nt-muted" }, " (" + KINDS[row.kind] + (row.start ? ", " +
        t.gettext("start") : "") + ")"));
      if (row.unreachable) { item.appendChild(el("span", { className: "nt-cd-flag" }, t.gettext("Cannot be reached from the start"))); }
      if (row.dead_end) { item.appendChild(el("span", { className: "nt-cd-flag" }, t.gettext("No ending can be reached from here"))); }
      if (row.links.length) {
        var links = el("ul");
        row.links.forEach(function (link) {
          links.appendChild(el("li", { className: link.missing || link.critical ? "nt-cd-flag-line" : "" },
            link.label + " → " + link.target + (link.critical ? " · " + t.gettext("critical") : "") +
            (link.missing ? " · " + t.gettext("missing target") : "")));
        });
        item.appendChild(links);
      }
      listing.appendChild(item);
    });
    mapBox.appendChild(listing);
  }

  /* Adding nodes and saving ----------------------------------------------------- */

  var kindSelect = root.querySelector("[data-new-kind]");
  root.querySelector("[data-add-node]").addEventListener("click", function () {
    var kind = kindSelect.value;
    var node = { kind: kind, id: freshId(kind), text: "", open: true };
    if (kind === "step") { node.choices = []; node.time_limit = null; node.timeout = null; }
    if (kind === "checklist") { node.options = []; node.goto = data.start; node.capacity = null; node.feedback = ""; node.sources = []; }
    if (kind === "order") { node.options = []; node.goto = data.start; node.feedback = ""; node.sources = []; }
    if (kind === "ending") { node.rating = "good"; }
    data.nodes.push(node);
    draw();
    var last = list.lastElementChild && list.lastElementChild.querySelector("input");
    if (last) { last.focus(); }
    kit.announce(t.format(t.gettext("{id} added at the end of the list."), { id: node.id }));
  });

  draw();

  /* The kit's one editor: this form and the OLX view, one save (Studio's modal Save calls it). */
  return S.editor({
    state: function () { return { content: clean(), settings: settings }; },
    load: function (content) { data = content; draw(); }
  });
}
