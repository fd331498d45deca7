/* Crisis drill offline player, part: the situation (the node's text and its step, checklist or order task)
   and the status of the drill's variables. `drill` is the player's context (crisisdrill_play.js). */
(function (root) {
  "use strict";
  var ns = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  ns.parts = ns.parts || {};
  var P = ns.parts.crisisdrill = ns.parts.crisisdrill || {};

  function shown(item, entries) {
    return item.shown.map(function (id) {
      return entries.filter(function (entry) { return entry.id === id; })[0];
    }).filter(Boolean);
  }

  function renderStep(drill, step) {
    var t = drill.t, el = drill.el, d = drill.dom, uid = drill.uid, body = drill.body;
    var values = drill.rules.valuesAfter(drill.data, drill.state.path);
    var offered = drill.rules.offeredChoices(step, values);
    body.appendChild(el("p", { className: "nt-visually-hidden", id: uid + "-choices" }, t.gettext("What do you do?")));
    var list = body.appendChild(el("ul", { className: "nt-cd-choices", "aria-labelledby": uid + "-choices" }));
    shown(step, offered).forEach(function (choice) {
      var choose_ = d.inContent(el("button", { type: "button", className: "nt-button nt-cd-choice" }));
      choose_.innerHTML = choice.label;
      choose_.addEventListener("click", function () { drill.decide({ node: step.id, choice: choice.id }, choice.goto); });
      list.appendChild(el("li")).appendChild(choose_);
    });
  }

  function renderChecklist(drill, item) {
    var t = drill.t, el = drill.el, d = drill.dom, uid = drill.uid;
    var form = drill.body.appendChild(el("form", { className: "nt-cd-checklist", novalidate: "novalidate" }));
    var fieldset = form.appendChild(el("fieldset"));
    fieldset.appendChild(el("legend", {}, t.gettext("Choose the items")));
    var count = el("p", { className: "nt-cd-capacity", id: uid + "-capacity", "aria-live": "polite" });
    var limited = item.capacity !== null && item.capacity !== undefined;
    var boxes = [], draft = drill.draft();
    function picked() { return boxes.filter(function (b) { return b.input.checked; }); }
    function used() { return picked().reduce(function (sum, b) { return sum + b.size; }, 0); }
    function update() {
      if (!limited) {
        var n = picked().length;
        count.textContent = t.format(t.ngettext("{count} item chosen.", "{count} items chosen.", n), { count: n });
        return;
      }
      count.textContent = t.format(t.gettext("Space used: {used} of {capacity}."), { used: used(), capacity: item.capacity });
      count.classList.toggle("nt-cd-over", used() > item.capacity);
    }
    shown(item, item.options).forEach(function (option) {
      var id = uid + "-opt-" + option.id;
      var row = fieldset.appendChild(el("div", { className: "nt-cd-option" }));
      var input = row.appendChild(el("input", { type: "checkbox", id: id, value: option.id, "aria-describedby": uid + "-capacity" }));
      var label = row.appendChild(el("label", { "for": id }));
      label.appendChild(d.markup("span", option.label));
      if (limited) {
        label.appendChild(el("span", { className: "nt-muted" }, " " + t.format(t.ngettext("({count} unit)", "({count} units)", option.size), { count: option.size })));
      }
      input.checked = Boolean(draft && draft.picked.indexOf(option.id) !== -1);
      input.addEventListener("change", function () {
        update();
        drill.keepDraft("picked", picked().map(function (b) { return b.id; }));
      });
      boxes.push({ input: input, size: option.size, id: option.id });
    });
    fieldset.appendChild(count);
    form.appendChild(el("button", { type: "submit", className: "nt-button" }, t.gettext("Confirm my choice")));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (limited && used() > item.capacity) {
        drill.showError(t.format(t.gettext("These items need {used} units of space, but only {capacity} fit."),
                                 { used: used(), capacity: item.capacity }));
        return;
      }
      drill.decide({ node: item.id, picked: picked().map(function (b) { return b.id; }) }, item.goto);
    });
    update();
  }

  function renderOrder(drill, item) {
    var t = drill.t, el = drill.el, d = drill.dom, body = drill.body;
    var draft = drill.draft();
    var items = shown(draft ? { shown: draft.order } : item, item.options);  /* the order as the learner left it */
    var list = el("ol", { className: "nt-cd-order" });
    function named(node, label) {
      var hidden = node.appendChild(el("span", { className: "nt-visually-hidden" }, ": "));
      hidden.appendChild(d.inContent(el("span", {}, label)));
      return node;
    }
    function draw(focusId, direction) {
      drill.clear(list);
      items.forEach(function (option, index) {
        var row = list.appendChild(el("li", { className: "nt-cd-order-item" }));
        row.appendChild(d.markup("span", option.label, "nt-cd-order-label"));
        var controls = row.appendChild(el("span", { className: "nt-cd-order-controls" }));
        [["up", t.gettext("Move up"), -1], ["down", t.gettext("Move down"), 1]].forEach(function (spec) {
          var move = named(d.button(spec[1], "nt-secondary", function () { shift(index, spec[2]); }), d.plain(option.label));
          move.setAttribute("data-id", option.id);
          move.setAttribute("data-dir", spec[0]);
          move.disabled = index + spec[2] < 0 || index + spec[2] >= items.length;
          controls.appendChild(move);
        });
      });
      if (!focusId) { return; }
      var target = list.querySelector("[data-id='" + focusId + "'][data-dir='" + direction + "']");
      if (!target || target.disabled) { target = list.querySelector("[data-id='" + focusId + "']:not([disabled])"); }
      if (target) { target.focus(); }
    }
    function shift(index, delta) {
      var moved = items[index];
      if (!root.NoturibaKit.dom.move(items, index, delta)) { return; }
      drill.keepDraft("order", items.map(function (o) { return o.id; }));
      draw(moved.id, delta < 0 ? "up" : "down");
      drill.ui.announce(t.format(t.gettext("{label} is now number {position} of {total}."),
                                 { label: d.plain(moved.label), position: index + delta + 1, total: items.length }));
    }
    draw();
    body.appendChild(el("p", { className: "nt-muted" },
      t.gettext("Use the Move up and Move down buttons to put the actions in order, then confirm.")));
    body.appendChild(list);
    body.appendChild(d.button(t.gettext("Confirm the order"), "", function () {
      drill.decide({ node: item.id, order: items.map(function (o) { return o.id; }) }, item.goto);
    }));
  }

  P.renderNode = function (drill, item) {
    var t = drill.t;
    drill.clear(drill.body);
    drill.heading.textContent = {
      ending: t.gettext("The end of the drill"), checklist: t.gettext("Prepare"),
      order: t.gettext("Put the actions in order")
    }[item.kind] || t.gettext("Situation");
    drill.body.appendChild(drill.dom.markup("div", item.text, "nt-cd-text"));
    if (item.kind === "step") { renderStep(drill, item); }
    if (item.kind === "checklist") { renderChecklist(drill, item); }
    if (item.kind === "order") { renderOrder(drill, item); }
  };

  /* The variables' values; returns what changed since `before` (the values before the last decision). */
  P.renderStatus = function (drill, before) {
    var t = drill.t, el = drill.el, data = drill.data, status = drill.parts.status;
    var values = drill.rules.valuesAfter(data, drill.state.path);
    var changes = [];
    drill.clear(status);
    status.hidden = data.variables.length === 0;
    if (!data.variables.length) { return changes; }
    status.appendChild(el("h3", { className: "nt-visually-hidden" }, t.gettext("Your situation")));
    var list = status.appendChild(el("ul"));
    data.variables.forEach(function (variable) {
      var item = list.appendChild(el("li"));
      item.appendChild(drill.dom.inContent(el("span", { className: "nt-cd-var-label" }, variable.label)));
      item.appendChild(document.createTextNode(": "));
      item.appendChild(el("strong", {}, String(values[variable.id])));
      if (before && before[variable.id] !== values[variable.id]) {
        changes.push(t.format(t.gettext("{label}: {before} → {after}"),
                              { label: variable.label, before: before[variable.id], after: values[variable.id] }));
      }
    });
    return changes;
  };
}(window));
