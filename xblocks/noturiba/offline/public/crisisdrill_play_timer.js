/* Crisis drill offline player, part: the clock of a timed step and the timer the learner can pause, extend
   or turn off (WCAG 2.2.1); when it runs out, the step's timeout decision. `drill` is the player's context
   (crisisdrill_play.js); the clock is saved in drill.state.clock, "timer off" in drill.state.timer. */
(function (root) {
  "use strict";
  var ns = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  ns.parts = ns.parts || {};
  var P = ns.parts.crisisdrill = ns.parts.crisisdrill || {};
  var EXTEND = 30;

  /* The clock, in seconds (clock.py's rules: pauses are held, +30 s adds, reload keeps it). */
  function now() { return Date.now() / 1000; }
  function remaining(clock, limit) {
    var pausedFor = clock.paused !== null ? now() - clock.paused : 0;
    return Math.max(0, limit + clock.extra - (now() - clock.started - clock.held - pausedFor));
  }
  function startClock(nodeId, paused) {
    return { node: nodeId, started: now(), extra: 0, held: 0, paused: paused ? now() : null };
  }
  function pauseClock(clock) { if (clock && clock.paused === null) { clock.paused = now(); } }
  function resumeClock(clock) {
    if (clock && clock.paused !== null) { clock.held += Math.max(0, now() - clock.paused); clock.paused = null; }
  }
  P.startClock = startClock;

  /* What each timer button does to the drill's state. */
  var CLOCK = {
    start: function (drill) { drill.state.clock = startClock(drill.current().id, false); },
    pause: function (drill) { pauseClock(drill.state.clock); },
    resume: function (drill) { resumeClock(drill.state.clock); },
    extend: function (drill) { drill.state.clock.extra = Math.min(3600, drill.state.clock.extra + EXTEND); },
    off: function (drill) { drill.state.timer = false; pauseClock(drill.state.clock); },
    on: function (drill) { drill.state.timer = true; resumeClock(drill.state.clock); }
  };

  function seconds(t, count) {
    return t.format(t.ngettext("{count} second left.", "{count} seconds left.", count), { count: count });
  }

  /* A timer button: `action` (CLOCK), then `said()` is announced and the focus goes to the `then` button. */
  function timerButton(drill, box, label, action, said, then) {
    var panel = drill.parts.timer;
    var node = box.appendChild(drill.dom.button(label, action === "start" ? "" : "nt-secondary", function () {
      CLOCK[action](drill);
      drill.save();
      renderTimer(drill);
      drill.ui.announce(said());
      var next = panel.querySelector("[data-clock='" + then + "']") || panel.querySelector("button");
      if (next) { next.focus(); }
    }));
    node.setAttribute("data-clock", action);
    return node;
  }

  function isOff(t) { return function () { return t.gettext("The timer is off."); }; }

  function offTimer(drill, text, box) {
    var t = drill.t;
    text.textContent = t.gettext("The timer is off.");
    timerButton(drill, box, t.gettext("Turn the timer on"), "on", function () { return t.gettext("The timer is on."); }, "pause");
  }

  /* Before the countdown: the time limit, start, or turn the timer off. */
  function readyTimer(drill, step, text, box, left) {
    var t = drill.t;
    var limit = t.ngettext("This situation has a time limit of {count} second. The countdown starts when you press “Start the countdown”.", "This situation has a time limit of {count} seconds. The countdown starts when you press “Start the countdown”.", step.time_limit);
    text.textContent = t.format(limit, { count: step.time_limit });
    timerButton(drill, box, t.gettext("Start the countdown"), "start", function () { return seconds(t, left()); }, "pause");
    timerButton(drill, box, t.gettext("Turn the timer off"), "off", isOff(t), "on");
  }

  /* The countdown: time left, pause or resume, +30 seconds, off; while it runs, a tick every 250 ms. */
  function countdown(drill, step, text, box, left) {
    var t = drill.t;
    var paused = drill.state.clock.paused !== null;
    var shownLeft = left();
    text.className = "nt-cd-countdown";
    text.setAttribute("role", "timer");
    function paint() {
      text.textContent = t.format(t.ngettext("Time left: {count} second", "Time left: {count} seconds", shownLeft), { count: shownLeft }) +
        (paused ? " " + t.gettext("(paused)") : "");
    }
    timerButton(drill, box, paused ? t.gettext("Resume") : t.gettext("Pause"), paused ? "resume" : "pause", function () {
      return paused ? t.gettext("Timer running.") : t.gettext("Timer paused.");
    }, paused ? "pause" : "resume").setAttribute("aria-pressed", paused ? "true" : "false");
    timerButton(drill, box, t.gettext("+30 seconds"), "extend", function () { return seconds(t, left()); }, "extend");
    timerButton(drill, box, t.gettext("Turn the timer off"), "off", isOff(t), "on");
    paint();
    if (paused) { return; }
    drill.ticking = root.setInterval(function () {
      var count = left();
      if (count !== shownLeft) {
        shownLeft = count;
        paint();
        if (count === 30 || count === 10) { drill.ui.announce(seconds(t, count)); }
      }
      if (count <= 0) { root.clearInterval(drill.ticking); drill.ticking = null; timeOut(drill, step); }
    }, 250);
  }

  function renderTimer(drill) {
    var el = drill.el, panel = drill.parts.timer;
    if (drill.ticking) { root.clearInterval(drill.ticking); drill.ticking = null; }
    drill.clear(panel);
    var step = drill.current();
    panel.hidden = !drill.timed(step);
    if (!drill.timed(step)) { return; }
    var text = panel.appendChild(el("p", {}));
    var box = panel.appendChild(el("div", { className: "nt-cd-timer-controls" }));
    var left = function () { return Math.ceil(remaining(drill.state.clock, step.time_limit)); };
    if (!drill.state.timer) { offTimer(drill, text, box); return; }
    if (!drill.state.clock) { readyTimer(drill, step, text, box, left); return; }
    countdown(drill, step, text, box, left);
  }
  P.renderTimer = renderTimer;

  /* The time ran out: the step's timeout decision, and a notice saying so. */
  function timeOut(drill, step) {
    var t = drill.t, el = drill.el, notice = drill.parts.notice;
    drill.decide({ node: step.id, timeout: true }, step.timeout, function () {
      drill.clear(notice);
      notice.appendChild(el("strong", {}, t.gettext("Time ran out.")));
      notice.appendChild(el("span", {}, " " + t.gettext("You made no decision in time, so the drill went on without one. The next situation is below.")));
      notice.hidden = false;
      notice.focus();
    });
  }
}(window));
