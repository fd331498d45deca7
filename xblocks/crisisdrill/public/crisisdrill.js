/* Crisis drill, learner view: situations, choices, checklists, order tasks, timers, restarting.
   Needs crisisdrill_dom.js, crisisdrill_timer.js and crisisdrill_debrief.js loaded before it (block.py
   loads the four files in that order). */
function CrisisdrillStudent(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var root = kit.root;
  var uid = args.uid;
  var parts = {
    status: root.querySelector("[data-status]"),
    timer: root.querySelector("[data-timer]"),
    timeout: root.querySelector("[data-timeout]"),
    feedback: root.querySelector("[data-feedback]"),
    situation: root.querySelector("[data-situation]"),
    heading: root.querySelector("[data-heading]"),
    body: root.querySelector("[data-body]"),
    debrief: root.querySelector("[data-debrief]"),
    error: root.querySelector("[data-error]"),
    intro: root.querySelector("[data-intro]"),
    restart: root.querySelector("[data-restart]")
  };
  var view = null;
  var busy = false;

  var langHolder = root.matches("[data-content-lang]") ? root : root.querySelector("[data-content-lang]");
  var dom = window.NoturibaCrisisdrill.dom(langHolder && langHolder.getAttribute("data-content-lang"));
  var el = dom.el;
  var markup = dom.markup;
  var plain = dom.plain;
  var button = dom.button;
  var clear = dom.clear;
  var debriefs = window.NoturibaCrisisdrill.debrief({
    t: t, dom: dom, root: root, uid: uid, parts: parts, restart: function () { restart(); }
  });
  var timer = window.NoturibaCrisisdrill.timer({
    t: t, kit: kit, dom: dom, box: parts.timer, notice: parts.timeout, view: function () { return view; },
    busy: function () { return busy; },
    timeout: function (nodeId) { act("timeout", { node: nodeId }, function () { timer.timedOut(); }); },
    showError: function (text) { showError(text); }
  });

  function showError(text) {
    parts.error.textContent = text;
    parts.error.hidden = false;
    parts.error.focus();
  }

  /* Status bar ------------------------------------------------------------ */

  function renderStatus(previous) {
    var variables = view.variables || [];
    parts.status.hidden = variables.length === 0;
    clear(parts.status);
    if (!variables.length) { return; }
    parts.status.appendChild(el("h3", { className: "nt-visually-hidden" }, t.gettext("Your situation")));
    var list = el("ul");
    var changes = [];
    variables.forEach(function (variable) {
      var item = el("li");
      item.appendChild(dom.text("span", variable.label, "nt-cd-var-label"));
      item.appendChild(document.createTextNode(": "));
      item.appendChild(el("strong", {}, String(variable.value)));
      list.appendChild(item);
      var before = previous && previous[variable.id];
      if (before !== undefined && before !== variable.value) {
        changes.push(t.format(t.gettext("{label}: {before} → {after}"),
                              { label: variable.label, before: before, after: variable.value }));
      }
    });
    parts.status.appendChild(list);
    return changes;
  }

  /* Nodes ------------------------------------------------------------------ */

  function renderStep(node) {
    var list = el("ul", { className: "nt-cd-choices" });
    node.choices.forEach(function (choice) {
      var item = el("li");
      var choose = el("button", { type: "button", className: "nt-button nt-cd-choice" });
      choose.innerHTML = choice.label; /* sanitised by the server */
      dom.inContent(choose);
      choose.addEventListener("click", function () { act("choose", { node: node.id, choice: choice.id }); });
      item.appendChild(choose);
      list.appendChild(item);
    });
    parts.body.appendChild(el("p", { className: "nt-visually-hidden", id: uid + "-choices" },
                              t.gettext("What do you do?")));
    list.setAttribute("aria-labelledby", uid + "-choices");
    parts.body.appendChild(list);
  }

  function renderChecklist(node) {
    var form = el("form", { className: "nt-cd-checklist", novalidate: "novalidate" });
    var fieldset = el("fieldset");
    fieldset.appendChild(el("legend", {}, t.gettext("Choose the items")));
    var count = el("p", { className: "nt-cd-capacity", id: uid + "-capacity", "aria-live": "polite" });
    var boxes = [];
    function used() {
      return boxes.reduce(function (sum, box) { return sum + (box.input.checked ? box.size : 0); }, 0);
    }
    function update() {
      if (node.capacity === null || node.capacity === undefined) {
        count.textContent = t.format(t.ngettext("{count} item chosen.", "{count} items chosen.",
          boxes.filter(function (b) { return b.input.checked; }).length),
          { count: boxes.filter(function (b) { return b.input.checked; }).length });
        return;
      }
      var total = used();
      count.textContent = t.format(t.gettext("Space used: {used} of {capacity}."),
                                   { used: total, capacity: node.capacity });
      count.classList.toggle("nt-cd-over", total > node.capacity);
    }
    node.options.forEach(function (option) {
      var id = uid + "-opt-" + option.id;
      var row = el("div", { className: "nt-cd-option" });
      var input = el("input", { type: "checkbox", id: id, value: option.id, "aria-describedby": uid + "-capacity" });
      var label = el("label", { "for": id });
      label.appendChild(markup("span", option.label));
      if (node.capacity !== null && node.capacity !== undefined) {
        label.appendChild(el("span", { className: "nt-muted" }, " " + t.format(
          t.ngettext("({count} unit)", "({count} units)", option.size), { count: option.size })));
      }
      input.addEventListener("change", update);
      row.appendChild(input);
      row.appendChild(label);
      fieldset.appendChild(row);
      boxes.push({ input: input, size: option.size, id: option.id });
    });
    fieldset.appendChild(count);
    form.appendChild(fieldset);
    form.appendChild(el("button", { type: "submit", className: "nt-button" }, t.gettext("Confirm my choice")));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (node.capacity !== null && node.capacity !== undefined && used() > node.capacity) {
        showError(t.format(t.gettext("These items need {used} units of space, but only {capacity} fit."),
                           { used: used(), capacity: node.capacity }));
        return;
      }
      act("pick", { node: node.id, items: boxes.filter(function (b) { return b.input.checked; })
        .map(function (b) { return b.id; }) });
    });
    update();
    parts.body.appendChild(form);
  }

  /* The button's accessible name is "Move up: <label>", built from its content rather than aria-label,
     so the author's label keeps its own lang and a screen reader switches voice for it (issue 14). */
  function nameAfter(node, label) {
    var hidden = el("span", { className: "nt-visually-hidden" }, ": ");
    hidden.appendChild(dom.text("span", label));
    node.appendChild(hidden);
  }

  function renderOrder(node) {
    var items = node.options.slice();
    var list = el("ol", { className: "nt-cd-order" });
    function draw(focusId, direction) {
      clear(list);
      items.forEach(function (option, index) {
        var row = el("li", { className: "nt-cd-order-item" });
        row.appendChild(markup("span", option.label, "nt-cd-order-label"));
        var name = plain(option.label);
        var controls = el("span", { className: "nt-cd-order-controls" });
        var up = button(t.gettext("Move up"), "nt-secondary", function () { move(index, -1); });
        nameAfter(up, name);
        up.setAttribute("data-id", option.id);
        up.setAttribute("data-dir", "up");
        up.disabled = index === 0;
        var down = button(t.gettext("Move down"), "nt-secondary", function () { move(index, 1); });
        nameAfter(down, name);
        down.setAttribute("data-id", option.id);
        down.setAttribute("data-dir", "down");
        down.disabled = index === items.length - 1;
        controls.appendChild(up);
        controls.appendChild(down);
        row.appendChild(controls);
        list.appendChild(row);
      });
      if (focusId) {
        var target = list.querySelector("[data-id='" + focusId + "'][data-dir='" + direction + "']");
        if (!target || target.disabled) {
          target = list.querySelector("[data-id='" + focusId + "']:not([disabled])");
        }
        if (target) { target.focus(); }
      }
    }
    function move(index, delta) {
      var other = index + delta;
      if (other < 0 || other >= items.length) { return; }
      var moved = items[index];
      items[index] = items[other];
      items[other] = moved;
      draw(moved.id, delta < 0 ? "up" : "down");
      kit.announce(t.format(t.gettext("{label} is now number {position} of {total}."),
                            { label: plain(moved.label), position: other + 1, total: items.length }));
    }
    draw();
    parts.body.appendChild(el("p", { className: "nt-muted" },
      t.gettext("Use the Move up and Move down buttons to put the actions in order, then confirm.")));
    parts.body.appendChild(list);
    parts.body.appendChild(button(t.gettext("Confirm the order"), "", function () {
      act("arrange", { node: node.id, order: items.map(function (o) { return o.id; }) });
    }));
  }

  function renderNode(focus) {
    clear(parts.body);
    var node = view.node;
    if (view.outdated || !node) {
      parts.heading.textContent = t.gettext("The drill was updated");
      parts.body.appendChild(el("p", {}, t.gettext("The drill was changed since you started it. Please start again.")));
      if (view.closed) {
        parts.body.appendChild(el("p", { className: "nt-cd-closed" }, view.closed));
      } else {
        parts.body.appendChild(button(t.gettext("Start again"), "", restart));
      }
      if (focus) { parts.heading.focus(); }
      return;
    }
    if (node.kind === "ending") {
      parts.heading.textContent = t.gettext("The end of the drill");
    } else if (node.kind === "checklist") {
      parts.heading.textContent = t.gettext("Prepare");
    } else if (node.kind === "order") {
      parts.heading.textContent = t.gettext("Put the actions in order");
    } else {
      parts.heading.textContent = t.gettext("Situation");
    }
    parts.body.appendChild(markup("div", node.text, "nt-cd-text"));
    if (node.kind === "step") { renderStep(node); }
    if (node.kind === "checklist") { renderChecklist(node); }
    if (node.kind === "order") { renderOrder(node); }
    if (view.closed && node.kind !== "ending") { closeControls(); }
    if (focus) { parts.heading.focus(); }
  }

  /* Past the due date the server takes no decision (block.py): the controls stay visible, disabled, with why. */
  function closeControls() {
    Array.prototype.forEach.call(parts.body.querySelectorAll("button, input"), function (control) {
      control.disabled = true;
    });
    parts.body.appendChild(el("p", { className: "nt-cd-closed" }, view.closed));
  }

  /* Feedback and debrief ------------------------------------------------------ */

  /* Restarting part-way (assessment: it ends the attempt, so the page says so first) ----- */

  function renderRestart(confirming) {
    var box = parts.restart;
    clear(box);
    var show = Boolean(view.started && view.node && !view.finished && !view.outdated && !view.closed);
    box.hidden = !show;
    if (!show) { return; }
    if (!view.can_restart) {
      box.appendChild(el("p", { className: "nt-muted" },
                         t.gettext("This is your last attempt: finish it to get its grade.")));
      return;
    }
    var noteId = uid + "-restart-note";
    if (view.restart_uses_attempt) {
      box.appendChild(el("p", { id: noteId, className: "nt-cd-restart-note" },
                         t.gettext("Restarting now uses one of your attempts.")));
      if (view.attempts_message) { box.appendChild(el("p", { className: "nt-muted" }, view.attempts_message)); }
    }
    if (!confirming) {
      var again = button(t.gettext("Start again"), "nt-secondary", function () {
        if (view.restart_uses_attempt) { renderRestart(true); } else { restart(); }
      });
      if (view.restart_uses_attempt) { again.setAttribute("aria-describedby", noteId); }
      box.appendChild(again);
      return;
    }
    var sure = button(t.gettext("Use an attempt and start again"), "", restart);
    sure.setAttribute("aria-describedby", noteId);
    var back = button(t.gettext("Keep going"), "nt-secondary", function () {
      renderRestart(false);
      box.querySelector("button").focus();
    });
    var row = el("div", { className: "nt-cd-restart-confirm" });
    row.appendChild(sure);
    row.appendChild(back);
    box.appendChild(row);
    sure.focus();
  }

  /* Flow ---------------------------------------------------------------------- */

  function render(next, feedback, focus) {
    var previous = {};
    (view && view.variables || []).forEach(function (v) { previous[v.id] = v.value; });
    view = next;
    parts.error.hidden = true;
    timer.hideNotice();
    parts.intro.hidden = Boolean(view.finished);
    var changes = renderStatus(focus ? previous : null) || [];
    var spoken = debriefs.renderFeedback(feedback);
    renderNode(focus);
    renderRestart();
    debriefs.renderDebrief(view);
    timer.start();
    if (focus) {
      var summary = [spoken].concat(changes);
      if (view.finished) { summary.push(t.gettext("The drill is finished. The debrief follows.")); }
      kit.announce(summary.filter(Boolean).join(" "));
    }
  }

  /* `after` runs once the answer is shown (the time-out message takes the focus from the heading). */
  function act(handler, payload, after) {
    if (busy) { return; }
    busy = true;
    kit.post(handler, payload).then(function (result) {
      busy = false;
      if (!result.ok) {
        if (result.status === 409) {
          /* The drill was edited in Studio and the learner's situation is gone: offer a fresh start. */
          view.outdated = true;
          renderNode(false);
        }
        showError(result.data.error);
        return;
      }
      render(result.data.view, result.data.feedback || null, true);
      if (after) { after(); }
    });
  }

  function restart() {
    act("restart", {});
  }

  render(window.NoturibaKit.island(args.view_id), null, false);  // author text: in an island, not in init args
}
