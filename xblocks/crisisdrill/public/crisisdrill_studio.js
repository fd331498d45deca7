/* Crisis drill, Studio: a form editor (nodes, choices, goto dropdowns, map, validation) and the OLX: two views, one save. */
function CrisisdrillStudio(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var root = kit.root.querySelector(".nt-cd-studio");
  var uid = args.uid;
  var editor = JSON.parse(root.querySelector("script[data-editor]").textContent);  /* see views.script_json */
  var data = editor.content;
  var settings = editor.settings || {};
  var list = root.querySelector("[data-nodes]");
  var settingsBox = root.querySelector("[data-settings]");
  var variablesBox = root.querySelector("[data-variables]");
  var problemsBox = root.querySelector("[data-problems]");
  var mapBox = root.querySelector("[data-map]");
  var errorBox = root.querySelector("[data-form-error]");
  var counter = 0;
  var timer = null;
  var KINDS = { step: t.gettext("Step"), checklist: t.gettext("Checklist"), order: t.gettext("Order task"),
                ending: t.gettext("Ending") };

  var el = window.NoturibaKit.dom.el;

  var clear = window.NoturibaKit.dom.clear;

  function button(label, onClick, extra) {
    var node = el("button", { type: "button", className: "nt-button nt-secondary", id: uid + "-b" + (counter += 1) },  // i18n-ignore
                  label);
    if (extra) { node.setAttribute("aria-label", extra); }
    node.addEventListener("click", onClick);
    return node;
  }

  function field(parent, label, value, onInput, options) {
    options = options || {};
    var id = uid + "-f" + (counter += 1);
    var wrap = el("div", { className: "nt-cd-field" + (options.wide ? " nt-cd-wide" : "") });  // i18n-ignore
    wrap.appendChild(el("label", { "for": id }, label));
    var input;
    if (options.choices) {
      input = el("select", { id: id });
      options.choices.forEach(function (choice) {
        var opt = el("option", { value: choice[0] }, choice[1]);
        if (String(choice[0]) === String(value === null || value === undefined ? "" : value)) {
          opt.selected = true;
        }
        input.appendChild(opt);
      });
    } else if (options.area) {
      input = el("textarea", { id: id, rows: options.rows || 3 });
      input.value = value || "";
    } else if (options.checkbox) {
      input = el("input", { id: id, type: "checkbox" });
      input.checked = Boolean(value);
      wrap.className += " nt-cd-check";
      wrap.insertBefore(input, wrap.firstChild);
    } else {
      input = el("input", { id: id, type: options.number ? "number" : "text" });  // i18n-ignore
      if (options.number) { input.setAttribute("step", "any"); }
      input.value = value === null || value === undefined ? "" : value;
    }
    if (!options.checkbox) { wrap.appendChild(input); }
    input.addEventListener(options.checkbox || options.choices ? "change" : "input", function () {
      var result = options.checkbox ? input.checked : input.value;
      if (options.number) { result = input.value === "" ? null : Number(input.value); }
      onInput(result);
      changed(options.redraw);
    });
    if (options.redraw && !options.checkbox && !options.choices) {
      input.addEventListener("change", function () { draw(input.id); });
    }
    parent.appendChild(wrap);
    return input;
  }

  function targets(withNone) {
    var result = withNone ? [["", t.gettext("(none)")]] : [];
    data.nodes.forEach(function (node) { result.push([node.id, node.id + " (" + KINDS[node.kind] + ")"]); });  // i18n-ignore
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

  var move = window.NoturibaKit.dom.move;

  /* Sections ---------------------------------------------------------------- */

  function drawSettings() {
    clear(settingsBox);
    field(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; },
          { choices: [["practice", t.gettext("Practice")], ["assessment", t.gettext("Assessment")]] });
    field(settingsBox, t.gettext("Start node"), data.start, function (v) { data.start = v; }, { choices: targets() });
    field(settingsBox, t.gettext("Timers on"), data.timer, function (v) { data.timer = v; }, { checkbox: true });
    field(settingsBox, t.gettext("Introduction"), data.intro, function (v) { data.intro = v; },
          { area: true, wide: true });
    field(settingsBox, t.gettext("Debrief text"), data.debrief, function (v) { data.debrief = v; },
          { area: true, wide: true });
    field(settingsBox, t.gettext("Debrief sources (one per line: link, then title)"),
          sourcesText(data.debrief_sources), function (v) { data.debrief_sources = parseSources(v); },
          { area: true, wide: true });
    var scoring = settings;
    field(settingsBox, t.gettext("Weight in the course grade"), scoring.weight,
          function (v) { scoring.weight = v === null ? 1 : v; }, { number: true });
    field(settingsBox, t.gettext("Maximum attempts (empty = unlimited)"), scoring.max_attempts,
          function (v) { scoring.max_attempts = v; }, { number: true });
    field(settingsBox, t.gettext("Pass mark (0 to 1)"), scoring.pass_threshold,
          function (v) { scoring.pass_threshold = v === null ? 0.7 : v; }, { number: true });
    field(settingsBox, t.gettext("Show better options"), scoring.showanswer, function (v) { scoring.showanswer = v; },
          { choices: (editor.showanswer_choices || []) });
    var card = data.card || { prepare: "", call: "", listen: "" };
    [["prepare", t.gettext("Action card: what to prepare (empty = default)")],
     ["call", t.gettext("Action card: whom to call (empty = default)")],
     ["listen", t.gettext("Action card: where to listen (empty = default)")]].forEach(function (pair) {
      field(settingsBox, pair[1], card[pair[0]], function (v) {
        data.card = data.card || { prepare: "", call: "", listen: "" };
        data.card[pair[0]] = v;
      }, { area: true, wide: true, rows: 2 });
    });
  }

  function drawVariables() {
    clear(variablesBox);
    (data.variables || []).forEach(function (variable, index) {
      var row = el("fieldset", { className: "nt-cd-row" });
      row.appendChild(el("legend", {}, t.format(t.gettext("Variable {id}"), { id: variable.id })));
      field(row, t.gettext("Id"), variable.id, function (v) { variable.id = v; }, { redraw: true });
      field(row, t.gettext("Label"), variable.label, function (v) { variable.label = v; });
      field(row, t.gettext("Initial"), variable.initial, function (v) { variable.initial = v; }, { number: true });
      field(row, t.gettext("Minimum"), variable.min, function (v) { variable.min = v; }, { number: true });
      field(row, t.gettext("Maximum"), variable.max, function (v) { variable.max = v; }, { number: true });
      row.appendChild(button(t.gettext("Delete"), function () {
        data.variables.splice(index, 1);
        draw();
      }, t.format(t.gettext("Delete variable {id}"), { id: variable.id })));
      variablesBox.appendChild(row);
    });
    variablesBox.appendChild(button(t.gettext("Add a variable"), function () {
      data.variables = data.variables || [];
      data.variables.push({ id: freshId("var"), label: "", initial: 0, min: 0, max: 10 });
      draw();
    }));
  }

  function drawChoice(box, node, choice, index) {
    var row = el("fieldset", { className: "nt-cd-row" });
    row.appendChild(el("legend", {}, t.format(t.gettext("Choice {id}"), { id: choice.id })));
    field(row, t.gettext("Id"), choice.id, function (v) { choice.id = v; }, { redraw: true });
    field(row, t.gettext("Goes to"), choice.goto, function (v) { choice.goto = v; }, { choices: targets() });
    field(row, t.gettext("Points"), choice.points, function (v) { choice.points = v || 0; }, { number: true });
    field(row, t.gettext("Critical (dangerous) decision"), choice.critical, function (v) { choice.critical = v; },
          { checkbox: true });
    field(row, t.gettext("Effects (e.g. water-=1, battery=5)"), choice.effects, function (v) { choice.effects = v; });
    field(row, t.gettext("Offered only if (e.g. water>=3)"), choice.requires, function (v) { choice.requires = v; });
    field(row, t.gettext("Label"), choice.label, function (v) { choice.label = v; }, { area: true, wide: true, rows: 2 });
    field(row, t.gettext("Feedback"), choice.feedback, function (v) { choice.feedback = v; }, { area: true, wide: true });
    field(row, t.gettext("Sources (one per line: link, then title)"), sourcesText(choice.sources),
          function (v) { choice.sources = parseSources(v); }, { area: true, wide: true, rows: 2 });
    row.appendChild(button(t.gettext("Move up"), function () {
      if (move(node.choices, index, -1)) { draw(); }
    }, t.format(t.gettext("Move up: {label}"), { label: choice.id })));
    row.appendChild(button(t.gettext("Move down"), function () {
      if (move(node.choices, index, 1)) { draw(); }
    }, t.format(t.gettext("Move down: {label}"), { label: choice.id })));
    row.appendChild(button(t.gettext("Delete"), function () {
      node.choices.splice(index, 1);
      draw();
    }, t.format(t.gettext("Delete choice {id}"), { id: choice.id })));
    box.appendChild(row);
  }

  function drawOption(box, node, option, index) {
    var row = el("fieldset", { className: "nt-cd-row" });
    row.appendChild(el("legend", {}, t.format(t.gettext("Option {id}"), { id: option.id })));
    field(row, t.gettext("Id"), option.id, function (v) { option.id = v; }, { redraw: true });
    field(row, t.gettext("Label"), option.label, function (v) { option.label = v; }, { wide: true });
    if (node.kind === "checklist") {
      field(row, t.gettext("Size"), option.size, function (v) { option.size = v || 0; }, { number: true });
      field(row, t.gettext("Required"), option.required, function (v) { option.required = v; }, { checkbox: true });
      field(row, t.gettext("Harmful"), option.harmful, function (v) { option.harmful = v; }, { checkbox: true });
    } else {
      row.appendChild(button(t.gettext("Move up"), function () {
        if (move(node.options, index, -1)) { draw(); }
      }, t.format(t.gettext("Move up: {label}"), { label: option.id })));
      row.appendChild(button(t.gettext("Move down"), function () {
        if (move(node.options, index, 1)) { draw(); }
      }, t.format(t.gettext("Move down: {label}"), { label: option.id })));
    }
    row.appendChild(button(t.gettext("Delete"), function () {
      node.options.splice(index, 1);
      draw();
    }, t.format(t.gettext("Delete option {id}"), { id: option.id })));
    box.appendChild(row);
  }

  function drawNode(node, index) {
    var item = el("li", { className: "nt-cd-edit-node", id: uid + "-node-" + index, "data-node": node.id });
    var details = el("details");
    if (node.open) { details.open = true; }
    details.addEventListener("toggle", function () { node.open = details.open; });
    details.appendChild(el("summary", {}, node.id + " · " + KINDS[node.kind]));  // i18n-ignore
    var body = el("div", { className: "nt-cd-edit-body" });
    field(body, t.gettext("Id"), node.id, function (v) { node.id = v; }, { redraw: true });
    field(body, t.gettext("Situation text"), node.text, function (v) { node.text = v; }, { area: true, wide: true });
    if (node.kind === "step") {
      field(body, t.gettext("Time limit (seconds, empty = none)"), node.time_limit,
            function (v) { node.time_limit = v; }, { number: true });
      field(body, t.gettext("When time runs out, go to"), node.timeout || "",
            function (v) { node.timeout = v || null; }, { choices: targets(true) });
      (node.choices || []).forEach(function (choice, number) { drawChoice(body, node, choice, number); });
      body.appendChild(button(t.gettext("Add a choice"), function () {
        node.choices = node.choices || [];
        node.choices.push({ id: freshId(node.id + "-c"), goto: data.start, label: "", points: 0, effects: "",  // i18n-ignore
                            requires: "", critical: false, feedback: "", sources: [] });
        node.open = true;
        draw();
      }));
    } else if (node.kind === "checklist" || node.kind === "order") {  // i18n-ignore
      field(body, t.gettext("Goes to"), node.goto, function (v) { node.goto = v; }, { choices: targets() });
      if (node.kind === "checklist") {
        field(body, t.gettext("Capacity (empty = no limit)"), node.capacity, function (v) { node.capacity = v; },
              { number: true });
      }
      field(body, t.gettext("Feedback"), node.feedback, function (v) { node.feedback = v; }, { area: true, wide: true });
      (node.options || []).forEach(function (option, number) { drawOption(body, node, option, number); });
      body.appendChild(button(t.gettext("Add an option"), function () {
        node.options = node.options || [];
        node.options.push(node.kind === "checklist" ? { id: freshId(node.id + "-o"), label: "", size: 1,  // i18n-ignore
          required: false, harmful: false } : { id: freshId(node.id + "-o"), label: "" });
        node.open = true;
        draw();
      }));
    } else {
      field(body, t.gettext("Rating"), node.rating, function (v) { node.rating = v; }, {
        choices: [["good", t.gettext("good")], ["ok", t.gettext("ok")], ["bad", t.gettext("bad")]] });
    }
    details.appendChild(body);
    item.appendChild(details);
    var actions = el("div", { className: "nt-cd-node-actions" });
    actions.appendChild(button(t.gettext("Move up"), function () {
      if (move(data.nodes, index, -1)) { draw(null); focusNodeButton(index - 1, 0); }
    }, t.format(t.gettext("Move up: {label}"), { label: node.id })));
    actions.appendChild(button(t.gettext("Move down"), function () {
      if (move(data.nodes, index, 1)) { draw(null); focusNodeButton(index + 1, 1); }
    }, t.format(t.gettext("Move down: {label}"), { label: node.id })));
    actions.appendChild(button(t.gettext("Delete"), function () {
      data.nodes.splice(index, 1);
      draw();
      kit.announce(t.format(t.gettext("{id} deleted."), { id: node.id }));
    }, t.format(t.gettext("Delete node {id}"), { id: node.id })));
    item.appendChild(actions);
    list.appendChild(item);
  }

  function focusNodeButton(index, which) {
    var buttons = list.children[index] && list.children[index].querySelectorAll(".nt-cd-node-actions button");  // i18n-ignore
    if (buttons && buttons[which]) { buttons[which].focus(); }
    kit.announce(t.format(t.gettext("{label} is now number {position} of {total}."),
                          { label: data.nodes[index].id, position: index + 1, total: data.nodes.length }));
  }

  function draw(focusId) {
    var active = focusId === null ? null : focusId || (document.activeElement && document.activeElement.id);
    counter = 0;
    drawSettings();
    drawVariables();
    clear(list);
    data.nodes.forEach(drawNode);
    changed();
    if (active && document.getElementById(active)) { document.getElementById(active).focus(); }
  }

  /* Validation and map (the server's graph rules) ----------------------------- */

  function clean() {
    return JSON.parse(JSON.stringify(data, function (key, value) { return key === "open" ? undefined : value; }));
  }

  function showProblems(problems) {
    clear(problemsBox);
    if (!problems.length) {
      problemsBox.appendChild(el("p", { className: "nt-cd-ok" }, t.gettext("No problems found.")));
      return;
    }
    var listing = el("ul");
    problems.forEach(function (problem) {
      listing.appendChild(el("li", { className: problem.severity === "error" ? "nt-cd-problem" : "nt-cd-warning" },  // i18n-ignore
                             problem.message));
    });
    problemsBox.appendChild(listing);
  }

  function showMap(rows) {
    clear(mapBox);
    var listing = el("ol", { className: "nt-cd-map" });
    rows.forEach(function (row) {
      var item = el("li", { className: "nt-cd-map-node" + (row.unreachable || row.dead_end ? " nt-cd-unreachable" : "") });  // i18n-ignore
      item.appendChild(el("strong", {}, row.id));
      item.appendChild(el("span", { className: "nt-muted" }, " (" + KINDS[row.kind] + (row.start ? ", " +  // i18n-ignore
        t.gettext("start") : "") + ")"));
      if (row.unreachable) { item.appendChild(el("span", { className: "nt-cd-flag" }, t.gettext("Cannot be reached from the start"))); }
      if (row.dead_end) { item.appendChild(el("span", { className: "nt-cd-flag" }, t.gettext("No ending can be reached from here"))); }
      if (row.links.length) {
        var links = el("ul");
        row.links.forEach(function (link) {
          links.appendChild(el("li", { className: link.missing || link.critical ? "nt-cd-flag-line" : "" },  // i18n-ignore
            link.label + " → " + link.target + (link.critical ? " · " + t.gettext("critical") : "") +  // i18n-ignore
            (link.missing ? " · " + t.gettext("missing target") : "")));
        });
        item.appendChild(links);
      }
      listing.appendChild(item);
    });
    mapBox.appendChild(listing);
  }

  function inspect() {
    kit.post("inspect", { content: clean() }).then(function (result) {
      if (!result.ok) { showProblems([{ severity: "error", message: result.data.error }]); clear(mapBox); return; }
      showProblems(result.data.problems);
      if (result.data.map) { showMap(result.data.map); } else { clear(mapBox); }
    });
  }

  function changed() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(inspect, 400);
  }

  /* Adding nodes and saving ----------------------------------------------------- */

  var kindSelect = root.querySelector("[data-new-kind]");
  root.querySelector("[data-add-node]").addEventListener("click", function () {
    var kind = kindSelect.value;
    var node = { kind: kind, id: freshId(kind), text: "", open: true };
    if (kind === "step") { node.choices = []; node.time_limit = null; node.timeout = null; }
    if (kind === "checklist") { node.options = []; node.goto = data.start; node.capacity = null; node.feedback = ""; node.sources = []; }  // i18n-ignore
    if (kind === "order") { node.options = []; node.goto = data.start; node.feedback = ""; node.sources = []; }  // i18n-ignore
    if (kind === "ending") { node.rating = "good"; }  // i18n-ignore
    data.nodes.push(node);
    draw();
    var last = list.lastElementChild && list.lastElementChild.querySelector("input");
    if (last) { last.focus(); }
    kit.announce(t.format(t.gettext("{id} added at the end of the list."), { id: node.id }));
  });

  draw();

  /* The kit's one editor: this form and the OLX view, one save (Studio's modal Save calls it). */
  return window.NoturibaKit.studioEditor(runtime, element, { namespace: args.namespace, form: {
    panel: root.querySelector("[data-form-view]"),
    nameInput: root.querySelector("[data-name]"), errorBox: errorBox,
    state: function () { return { content: clean(), settings: settings }; },
    load: function (content) { data = content; draw(); }
  } });
}
