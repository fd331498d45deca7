/* Crisis drill, learner view: situations, choices, checklists, order tasks, timers, debrief. */
function CrisisdrillStudent(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var root = kit.root;
  var uid = args.uid;
  var parts = {
    status: root.querySelector("[data-status]"),
    timer: root.querySelector("[data-timer]"),
    feedback: root.querySelector("[data-feedback]"),
    situation: root.querySelector("[data-situation]"),
    heading: root.querySelector("[data-heading]"),
    body: root.querySelector("[data-body]"),
    debrief: root.querySelector("[data-debrief]"),
    error: root.querySelector("[data-error]"),
    intro: root.querySelector("[data-intro]")
  };
  var view = null;
  var busy = false;
  var clock = null;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "className") { node.className = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function markup(tag, html, className) {
    /* Server-sanitised author markup only (noturiba.html.sanitize). */
    var node = el(tag, className ? { className: className } : {});
    node.innerHTML = html || "";
    return node;
  }

  function plain(html) {
    var box = document.createElement("div");
    box.innerHTML = html || "";
    return (box.textContent || "").trim();
  }

  function button(label, className, onClick) {
    var node = el("button", { type: "button", className: "nt-button" + (className ? " " + className : "") }, label);
    node.addEventListener("click", onClick);
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function showError(text) {
    parts.error.textContent = text;
    parts.error.hidden = false;
    parts.error.focus();
  }

  function sourcesList(sources) {
    var list = el("ul", { className: "nt-cd-sources" });
    (sources || []).forEach(function (source) {
      var item = el("li");
      item.appendChild(el("a", { href: source.href, rel: "noopener noreferrer", target: "_blank" }, source.title));  // i18n-ignore
      list.appendChild(item);
    });
    return list;
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
      item.appendChild(el("span", { className: "nt-cd-var-label" }, variable.label + ": "));  // i18n-ignore
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

  /* Timer (WCAG 2.2.1: the learner can pause, extend or turn it off) ------- */

  function stopClock() {
    if (clock) { window.clearInterval(clock.interval); }
    clock = null;
    clear(parts.timer);
    parts.timer.hidden = true;
  }

  function renderTimerOff() {
    clear(parts.timer);
    parts.timer.hidden = false;
    parts.timer.appendChild(el("span", {}, t.gettext("The timer is off.")));
    parts.timer.appendChild(button(t.gettext("Turn the timer on"), "nt-secondary", function () {
      setTimer(true);
    }));
  }

  function setTimer(enabled) {
    kit.post("timer", { enabled: enabled }).then(function (result) {
      if (!result.ok) { showError(result.data.error); return; }
      view.timer_enabled = result.data.timer_enabled;
      kit.announce(enabled ? t.gettext("The timer is on.") : t.gettext("The timer is off."));
      startClock();
    });
  }

  function startClock() {
    stopClock();
    var node = view.node;
    if (!view.timer || !node || node.kind !== "step" || !node.time_limit || view.finished) { return; }
    if (!view.timer_enabled) { renderTimerOff(); return; }
    clock = { left: node.time_limit, paused: false, node: node.id };
    parts.timer.hidden = false;
    var display = el("p", { className: "nt-cd-countdown", role: "timer" });
    var pause = button(t.gettext("Pause"), "nt-secondary", function () {
      clock.paused = !clock.paused;
      pause.textContent = clock.paused ? t.gettext("Resume") : t.gettext("Pause");
      pause.setAttribute("aria-pressed", clock.paused ? "true" : "false");  // i18n-ignore
      kit.announce(clock.paused ? t.gettext("Timer paused.") : t.gettext("Timer running."));
      paint();
    });
    pause.setAttribute("aria-pressed", "false");
    var extend = button(t.gettext("+30 seconds"), "nt-secondary", function () {
      clock.left += 30;
      kit.announce(t.format(t.ngettext("{count} second left.", "{count} seconds left.", clock.left),
                            { count: clock.left }));
      paint();
    });
    var off = button(t.gettext("Turn the timer off"), "nt-secondary", function () { setTimer(false); });
    function paint() {
      display.textContent = t.format(t.ngettext("Time left: {count} second", "Time left: {count} seconds",
                                                clock.left), { count: clock.left }) +
        (clock.paused ? " " + t.gettext("(paused)") : "");
    }
    parts.timer.appendChild(display);
    var controls = el("div", { className: "nt-cd-timer-controls" });
    controls.appendChild(pause);
    controls.appendChild(extend);
    controls.appendChild(off);
    parts.timer.appendChild(controls);
    paint();
    clock.interval = window.setInterval(function () {
      if (!clock || clock.paused || busy) { return; }
      clock.left -= 1;
      paint();
      if (clock.left === 30 || clock.left === 10) {
        kit.announce(t.format(t.ngettext("{count} second left.", "{count} seconds left.", clock.left),
                              { count: clock.left }));
      }
      if (clock.left <= 0) {
        var nodeId = clock.node;
        stopClock();
        kit.announce(t.gettext("Time is up."));
        act("timeout", { node: nodeId });
      }
    }, 1000);
  }

  /* Nodes ------------------------------------------------------------------ */

  function renderStep(node) {
    var list = el("ul", { className: "nt-cd-choices" });
    node.choices.forEach(function (choice) {
      var item = el("li");
      var choose = el("button", { type: "button", className: "nt-button nt-cd-choice" });  // i18n-ignore
      choose.innerHTML = choice.label; /* sanitised by the server */
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
      var input = el("input", { type: "checkbox", id: id, value: option.id, "aria-describedby": uid + "-capacity" });  // i18n-ignore
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

  function renderOrder(node) {
    var items = node.options.slice();
    var list = el("ol", { className: "nt-cd-order" });
    function draw(focusId, direction) {
      clear(list);
      items.forEach(function (option, index) {
        var row = el("li", { className: "nt-cd-order-item" });
        row.appendChild(markup("span", option.label, "nt-cd-order-label"));  // i18n-ignore
        var name = plain(option.label);
        var controls = el("span", { className: "nt-cd-order-controls" });
        var up = button(t.gettext("Move up"), "nt-secondary", function () { move(index, -1); });
        up.setAttribute("aria-label", t.format(t.gettext("Move up: {label}"), { label: name }));
        up.setAttribute("data-id", option.id);
        up.setAttribute("data-dir", "up");
        up.disabled = index === 0;
        var down = button(t.gettext("Move down"), "nt-secondary", function () { move(index, 1); });
        down.setAttribute("aria-label", t.format(t.gettext("Move down: {label}"), { label: name }));
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
      parts.body.appendChild(button(t.gettext("Start again"), "", restart));
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
    parts.body.appendChild(markup("div", node.text, "nt-cd-text"));  // i18n-ignore
    if (node.kind === "step") { renderStep(node); }
    if (node.kind === "checklist") { renderChecklist(node); }
    if (node.kind === "order") { renderOrder(node); }
    if (focus) { parts.heading.focus(); }
  }

  /* Feedback and debrief ------------------------------------------------------ */

  function renderFeedback(feedback) {
    clear(parts.feedback);
    parts.feedback.hidden = !feedback;
    if (!feedback) { return ""; }
    var box = el("div", { className: "nt-card" + (feedback.critical ? " nt-cd-critical" : "") });  // i18n-ignore
    box.appendChild(el("h3", {}, t.gettext("Feedback on your decision")));
    var spoken = [];
    if (feedback.label) {
      var chosen = el("p");
      chosen.appendChild(el("strong", {}, t.gettext("You chose:") + " "));
      chosen.appendChild(markup("span", feedback.label));
      box.appendChild(chosen);
    }
    if (feedback.critical) {
      box.appendChild(el("p", { className: "nt-cd-critical-note" },
                          t.gettext("This was a dangerous decision.")));
      spoken.push(t.gettext("This was a dangerous decision."));
    }
    if (feedback.share !== undefined) {
      var share = t.format(t.gettext("Result of this task: {percent}%."), { percent: Math.round(feedback.share * 100) });
      box.appendChild(el("p", {}, share));
      spoken.push(share);
    }
    if (feedback.missed && feedback.missed.length) {
      box.appendChild(labelledList(t.gettext("Needed but not chosen:"), feedback.missed));
    }
    if (feedback.harmful && feedback.harmful.length) {
      box.appendChild(labelledList(t.gettext("Harmful items you chose:"), feedback.harmful));
    }
    if (feedback.right && feedback.right.length) {
      box.appendChild(labelledList(t.gettext("The recommended order:"), feedback.right, "ol"));
    }
    if (feedback.text) {
      box.appendChild(markup("div", feedback.text, "nt-cd-feedback-text"));  // i18n-ignore
      spoken.push(plain(feedback.text));
    }
    if (feedback.sources && feedback.sources.length) { box.appendChild(sourcesList(feedback.sources)); }
    parts.feedback.appendChild(box);
    return spoken.join(" ");
  }

  function labelledList(title, labels, tag) {
    var wrap = el("div");
    wrap.appendChild(el("p", {}, title));
    var list = el(tag || "ul");
    labels.forEach(function (label) { list.appendChild(markup("li", label)); });
    wrap.appendChild(list);
    return wrap;
  }

  function renderDebrief() {
    clear(parts.debrief);
    var debrief = view.debrief;
    parts.debrief.hidden = !debrief;
    if (!debrief) { return; }
    parts.debrief.appendChild(el("h3", { id: uid + "-debrief" }, t.gettext("Debrief")));
    var score = el("p", { className: "nt-cd-score" }, t.format(t.gettext("Your score: {percent}%."),
                                                                  { percent: Math.round(debrief.score * 100) }));
    parts.debrief.appendChild(score);
    var verdict = t.gettext("You did not pass this drill yet.");
    if (view.passed) { verdict = t.gettext("You passed this drill."); }
    parts.debrief.appendChild(el("p", {}, verdict));
    if (debrief.critical) {
      var danger = t.gettext("You made a dangerous decision, so this attempt cannot pass whatever its points. See why below.");
      parts.debrief.appendChild(el("p", { className: "nt-cd-critical-note" }, danger));
    }
    if (debrief.timeouts) {
      var ran = t.ngettext("Time ran out {count} time; the drill went on without your decision.", "Time ran out {count} times; the drill went on without your decision.", debrief.timeouts);
      parts.debrief.appendChild(el("p", {}, t.format(ran, { count: debrief.timeouts })));
    }
    parts.debrief.appendChild(el("h4", {}, t.gettext("Your path")));
    var path = el("ol", { className: "nt-cd-path" });
    debrief.rows.forEach(function (row) {
      var item = el("li", { className: row.critical ? "nt-cd-critical" : "" });  // i18n-ignore
      item.appendChild(markup("div", row.text, "nt-cd-path-text"));  // i18n-ignore
      if (row.kind === "step") {
        if (row.timeout) {
          item.appendChild(el("p", {}, t.gettext("Time ran out before you decided.")));
        } else {
          var chosen = el("p");
          chosen.appendChild(el("strong", {}, t.gettext("You chose:") + " "));
          chosen.appendChild(markup("span", row.label));
          item.appendChild(chosen);
        }
        if (row.critical) {
          item.appendChild(el("p", { className: "nt-cd-critical-note" }, t.gettext("Dangerous decision.")));
        }
        if (row.feedback) { item.appendChild(markup("div", row.feedback)); }
        if (row.better) {
          var better = el("div", { className: "nt-cd-better" });
          var head = el("p");
          head.appendChild(el("strong", {}, t.gettext("A better option:") + " "));
          head.appendChild(markup("span", row.better.label));
          better.appendChild(head);
          if (row.better.feedback) { better.appendChild(markup("div", row.better.feedback)); }
          item.appendChild(better);
        }
      } else {
        item.appendChild(el("p", {}, t.format(t.gettext("Result of this task: {percent}%."),
                                              { percent: Math.round((row.share || 0) * 100) })));
        if (row.picked) { item.appendChild(labelledList(t.gettext("You chose:"), row.picked)); }
        if (row.order) { item.appendChild(labelledList(t.gettext("Your order:"), row.order, "ol")); }
        if (row.missed && row.missed.length) {
          item.appendChild(labelledList(t.gettext("Needed but not chosen:"), row.missed));
        }
        if (row.harmful && row.harmful.length) {
          item.appendChild(labelledList(t.gettext("Harmful items you chose:"), row.harmful));
        }
        if (row.right) { item.appendChild(labelledList(t.gettext("The recommended order:"), row.right, "ol")); }
        if (row.feedback) { item.appendChild(markup("div", row.feedback)); }
      }
      path.appendChild(item);
    });
    parts.debrief.appendChild(path);
    if (debrief.text) { parts.debrief.appendChild(markup("div", debrief.text, "nt-cd-debrief-text")); }  // i18n-ignore
    if (debrief.sources.length) {
      parts.debrief.appendChild(el("h4", {}, t.gettext("Sources")));
      parts.debrief.appendChild(sourcesList(debrief.sources));
    }
    renderCard(debrief);
    var actions = el("div", { className: "nt-cd-actions nt-no-print" });  // i18n-ignore
    if (view.attempts_message) { actions.appendChild(el("p", {}, view.attempts_message)); }
    if (view.can_restart) { actions.appendChild(button(t.gettext("Start a new attempt"), "", restart)); }
    parts.debrief.appendChild(actions);
  }

  function renderCard(debrief) {
    var card = el("section", { className: "nt-cd-card", "aria-labelledby": uid + "-card" });
    card.appendChild(el("h4", { id: uid + "-card" }, t.gettext("My action card")));
    [["prepare", t.gettext("What I prepare")], ["call", t.gettext("Whom I call")],
     ["listen", t.gettext("Where I listen")]].forEach(function (pair) {
      card.appendChild(el("h5", {}, pair[1]));
      card.appendChild(markup("div", debrief.card[pair[0]]));
    });
    card.appendChild(el("h5", {}, t.gettext("My notes")));
    var notes = el("dl", { className: "nt-cd-card-notes" });
    [t.gettext("Our meeting place:"), t.gettext("Neighbours I check on:"),
     t.gettext("Where our kit is:")].forEach(function (label) {
      notes.appendChild(el("dt", {}, label));
      notes.appendChild(el("dd", {}, "\u00a0"));
    });
    card.appendChild(notes);
    card.appendChild(sourcesList(debrief.card_sources));
    card.appendChild(button(t.gettext("Print my action card"), "nt-secondary", function () {
      root.classList.add("nt-cd-printing-card");
      window.print();
      window.setTimeout(function () { root.classList.remove("nt-cd-printing-card"); }, 500);
    }));
    parts.debrief.appendChild(card);
  }

  /* Flow ---------------------------------------------------------------------- */

  function render(next, feedback, focus) {
    var previous = {};
    (view && view.variables || []).forEach(function (v) { previous[v.id] = v.value; });
    view = next;
    parts.error.hidden = true;
    parts.intro.hidden = Boolean(view.finished);
    var changes = renderStatus(focus ? previous : null) || [];
    var spoken = renderFeedback(feedback);
    renderNode(focus);
    renderDebrief();
    startClock();
    if (focus) {
      var summary = [spoken].concat(changes);
      if (view.finished) { summary.push(t.gettext("The drill is finished. The debrief follows.")); }
      kit.announce(summary.filter(Boolean).join(" "));
    }
  }

  function act(handler, payload) {
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
    });
  }

  function restart() {
    act("restart", {});
  }

  render(args.view, null, false);
}
