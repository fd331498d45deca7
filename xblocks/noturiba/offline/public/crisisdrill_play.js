/* Crisis drill offline player: the block's practice mode in the browser (situations, variables, checklists,
   order tasks, a timer the learner can pause, extend or turn off (WCAG 2.2.1), feedback after each decision,
   the debrief and the printable action card). The rules are crisisdrill_grade.js; `data` is
   noturiba.offline.blocks.crisisdrill.export(); the saved state is {path, node, timer, clock, draft}.
   This file holds the state and the flow; the parts (NoturibaOffline.parts.crisisdrill, loaded before it)
   draw: crisisdrill_play_situation.js (the node and the variables), _timer.js, _debrief.js (feedback,
   debrief, action card). They all share one context, `drill`, built here. The DOM helpers are the block's
   own (xblocks/crisisdrill/public/crisisdrill_dom.js, window.NoturibaCrisisdrill.dom), loaded before them.
   Author markup in `data` is sanitised by the exporter; nothing else goes to innerHTML. */
(function (root) {
  "use strict";
  var ns = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  ns.players = ns.players || {};

  /* State ------------------------------------------------------------------------------------------- */
  function fresh(data, timer) { return { path: [], node: data.start, timer: timer !== false, clock: null, draft: null }; }

  /* The saved draft of the current checklist ({node, picked}) or order task ({node, order}), if it still
     fits the node: picked ids it shows, or an order of exactly the ids it shows. */
  function draftOf(item, draft) {
    if (!draft || !item || draft.node !== item.id || !item.shown) { return null; }
    var shown = item.shown;
    function known(id) { return shown.indexOf(id) !== -1; }
    if (item.kind === "checklist" && Array.isArray(draft.picked)) {
      return { node: item.id, picked: shown.filter(function (id) { return draft.picked.indexOf(id) !== -1; }) };
    }
    var order = item.kind === "order" && Array.isArray(draft.order) ? draft.order : null;
    if (order && order.length === shown.length && order.every(known) &&
        order.every(function (id, index) { return order.indexOf(id) === index; })) {
      return { node: item.id, order: order.slice() };
    }
    return null;
  }

  function loaded(rules, data, saved) {
    var item = saved && rules.node(data, saved.node);
    if (!saved || !Array.isArray(saved.path) || !item) { return fresh(data); }
    var clock = saved.clock && saved.clock.node === saved.node && typeof saved.clock.started === "number" ?
      saved.clock : null;
    return { path: rules.cleanPath(data, saved.path), node: saved.node, timer: saved.timer !== false, clock: clock,
             draft: draftOf(item, saved.draft) };
  }

  /* The context the parts share: the data, the translator, the helpers, the state and the flow. */
  function context(host, data, ui) {
    var kit = root.NoturibaKit;
    var drill = {
      host: host, data: data, ui: ui, t: ui.t, rules: ns.grade.crisisdrill,
      el: kit.dom.el, clear: kit.dom.clear, percent: kit.percent,
      dom: root.NoturibaCrisisdrill.dom(host.getAttribute("data-content-lang") || data.content_lang),
      uid: (host.getAttribute("data-island") || "nt-cd") + "-cd",
      state: null, ticking: null
    };
    drill.current = function () { return drill.rules.node(data, drill.state.node); };
    drill.finished = function () { var item = drill.current(); return Boolean(item && item.kind === "ending"); };
    drill.timed = function (item) {
      return Boolean(data.timer && item && item.kind === "step" && item.time_limit && item.timeout);
    };
    drill.save = function () { ui.save(drill.state); };
    /* The current task's answer in progress (`key` "picked" or "order": its ids), saved until confirmed. */
    drill.draft = function () { return draftOf(drill.current(), drill.state.draft); };
    drill.keepDraft = function (key, ids) {
      var draft = { node: drill.state.node };
      draft[key] = ids;
      drill.state.draft = draft;
      drill.save();
    };
    drill.showError = function (text) { showError(drill, text); };
    drill.decide = function (entry, target, after) { decide(drill, entry, target, after); };
    drill.restart = function () { restart(drill); };
    drill.render = function (feedback, before, focus) { render(drill, feedback, before, focus); };
    return drill;
  }

  /* The panels, in page order, hidden until they have something to show. */
  function layout(drill) {
    var el = drill.el, host = drill.host, uid = drill.uid;
    function part(tag, attrs) { return host.appendChild(el(tag, attrs)); }
    drill.clear(host);
    host.appendChild(el("p", { className: "nt-practice-label" }, drill.data.practice));
    if (drill.data.intro) { host.appendChild(drill.dom.markup("div", drill.data.intro, "nt-cd-intro")); }
    var parts = drill.parts = {
      status: part("div", { className: "nt-cd-status" }),
      timer: part("div", { className: "nt-cd-timer nt-no-print" }),
      notice: part("div", { className: "nt-cd-timeout nt-card", role: "alert", tabindex: "-1" }),
      feedback: part("div", { className: "nt-cd-feedback" }),
      situation: part("section", { className: "nt-cd-situation", "aria-labelledby": uid + "-heading" }),
      restart: part("div", { className: "nt-cd-restart nt-no-print" }),
      debrief: part("div", { className: "nt-cd-debrief", "data-debrief": "" }),
      error: part("div", { className: "nt-error", role: "alert", tabindex: "-1" })
    };
    drill.heading = parts.situation.appendChild(el("h3", { id: uid + "-heading", tabindex: "-1" }));
    drill.body = parts.situation.appendChild(el("div"));
    ["status", "timer", "notice", "feedback", "restart", "debrief", "error"].forEach(function (key) {
      parts[key].hidden = true;
    });
  }

  function showError(drill, text) {
    var error = drill.parts.error;
    error.textContent = text;
    error.hidden = false;
    error.focus();
  }

  /* Decisions ----------------------------------------------------------------------------------------- */
  /* Record `entry`, go to `target`; the feedback is the entry's debrief row (none after a timeout). */
  function decide(drill, entry, target, after) {
    var rules = drill.rules, data = drill.data, state = drill.state;
    var before = rules.valuesAfter(data, state.path);
    var feedback = entry.timeout ? null : rules.debrief(data, [entry])[0];
    state.path.push(entry);
    state.node = target;
    state.draft = null;
    var item = drill.current();
    state.clock = drill.timed(item) ? ns.parts.crisisdrill.startClock(item.id, !state.timer) : null;
    if (item.kind === "ending") { state.path.push({ node: item.id }); }
    drill.save();
    render(drill, feedback, before, true);
    if (item.kind === "ending") { drill.ui.finish(rules.grade(data, state.path)); }
    if (after) { after(); }
  }

  function restart(drill) {
    drill.state = fresh(drill.data, drill.state.timer);
    drill.save();
    render(drill, null, null, true);
  }

  /* Flow ------------------------------------------------------------------------------------------------ */
  function render(drill, feedback, before, focus) {
    var P = ns.parts.crisisdrill, t = drill.t, parts = drill.parts;
    parts.error.hidden = true;
    parts.notice.hidden = true;
    var changes = P.renderStatus(drill, before);
    var spoken = P.renderFeedback(drill, feedback);
    P.renderNode(drill, drill.current());
    P.renderTimer(drill);
    drill.clear(parts.restart);
    parts.restart.hidden = drill.finished() || !drill.state.path.length;
    if (!parts.restart.hidden) { parts.restart.appendChild(drill.dom.button(t.gettext("Start again"), "nt-secondary", drill.restart)); }
    P.renderDebrief(drill);
    if (focus) {
      drill.heading.focus();
      var summary = [spoken].concat(changes);
      if (drill.finished()) { summary.push(t.gettext("The drill is finished. The debrief follows.")); }
      drill.ui.announce(summary.filter(Boolean).join(" "));
    }
  }

  ns.players.crisisdrill = function (host, data, ui) {
    var drill = context(host, data, ui);
    layout(drill);
    drill.state = loaded(drill.rules, data, ui.load());
    drill.render(null, null, false);
  };
}(window));
