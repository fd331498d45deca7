/* Crisis drill, the step timer (WCAG 2.2.1: the learner can pause it, extend it or turn it off).
   Loaded before crisisdrill.js, which calls NoturibaCrisisdrill.timer(ctx) and then start() after each render.
   The server keeps the clock (clock.py): the page shows the seconds it sent, so a reload goes on where it was;
   the first timed step of an attempt waits for the learner to press Start, later ones start with the decision before. */
(function () {
  "use strict";
  var ns = window.NoturibaCrisisdrill = window.NoturibaCrisisdrill || {};

  /* ctx: {t, kit, dom, box (the timer element), notice (the time-out message element), view: () -> current view,
           busy: () -> bool, timeout: function (node id), showError: function (text)}. */
  ns.timer = function (ctx) {
    var t = ctx.t;
    var kit = ctx.kit;
    var box = ctx.box;
    var el = ctx.dom.el;
    var button = ctx.dom.button;
    var clear = ctx.dom.clear;
    var clock = null;

    function seconds(count) {
      return t.format(t.ngettext("{count} second left.", "{count} seconds left.", count), { count: count });
    }

    function stopClock() {
      if (clock) { window.clearInterval(clock.interval); }
      clock = null;
      clear(box);
      box.hidden = true;
    }

    function renderTimerOff() {
      clear(box);
      box.hidden = false;
      box.appendChild(el("span", {}, t.gettext("The timer is off.")));
      box.appendChild(button(t.gettext("Turn the timer on"), "nt-secondary", function () {
        setTimer(true);
      }));
    }

    function setTimer(enabled) {
      kit.post("timer", { enabled: enabled }).then(function (result) {
        if (!result.ok) { ctx.showError(result.data.error); return; }
        var view = ctx.view();
        view.timer_enabled = result.data.timer_enabled;
        if (result.data.clock) { view.clock = result.data.clock; }
        kit.announce(enabled ? t.gettext("The timer is on.") : t.gettext("The timer is off."));
        startClock();
      });
    }

    /* One of the clock's actions on the server (start, pause, resume, extend); then the page shows its answer. */
    function send(action, then) {
      var view = ctx.view();
      kit.post("clock", { node: view.node.id, action: action }).then(function (result) {
        if (!result.ok) { ctx.showError(result.data.error); return; }
        view.clock = result.data.clock;
        startClock();
        if (then) { then(); }
      });
    }

    function focusControl(selector) {
      var target = box.querySelector(selector);
      if (target) { target.focus(); }
    }

    function renderNotStarted(node) {
      box.hidden = false;
      /* One line: tests/i18n reads the plural pair from the line of the ngettext call. */
      var limit = t.ngettext("This situation has a time limit of {count} second. The countdown starts when you press “Start the countdown”.", "This situation has a time limit of {count} seconds. The countdown starts when you press “Start the countdown”.", node.time_limit);
      box.appendChild(el("p", {}, t.format(limit, { count: node.time_limit })));
      var start = button(t.gettext("Start the countdown"), "", function () {
        send("start", function () {
          kit.announce(seconds(ctx.view().clock.remaining));
          focusControl("[data-clock='pause']");
        });
      });
      start.setAttribute("data-clock", "start");
      box.appendChild(start);
    }

    function startClock() {
      stopClock();
      var view = ctx.view();
      var node = view.node;
      if (!view.timer || !node || node.kind !== "step" || !node.time_limit || view.finished || view.closed ||
          !view.clock) { return; }
      if (!view.timer_enabled) { renderTimerOff(); return; }
      if (!view.clock.started) { renderNotStarted(node); return; }
      var paused = view.clock.paused;
      clock = { deadline: Date.now() + view.clock.remaining * 1000, left: view.clock.remaining, node: node.id };
      box.hidden = false;
      var display = el("p", { className: "nt-cd-countdown", role: "timer" });
      var pause = button(paused ? t.gettext("Resume") : t.gettext("Pause"), "nt-secondary", function () {
        send(paused ? "resume" : "pause", function () {
          kit.announce(paused ? t.gettext("Timer running.") : t.gettext("Timer paused."));
          focusControl("[data-clock='pause']");
        });
      });
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      pause.setAttribute("data-clock", "pause");
      var extend = button(t.gettext("+30 seconds"), "nt-secondary", function () {
        send("extend", function () {
          kit.announce(seconds(ctx.view().clock.remaining));
          focusControl("[data-clock='extend']");
        });
      });
      extend.setAttribute("data-clock", "extend");
      var off = button(t.gettext("Turn the timer off"), "nt-secondary", function () { setTimer(false); });
      function paint() {
        display.textContent = t.format(t.ngettext("Time left: {count} second", "Time left: {count} seconds",
                                                  clock.left), { count: clock.left }) +
          (paused ? " " + t.gettext("(paused)") : "");
      }
      box.appendChild(display);
      var controls = el("div", { className: "nt-cd-timer-controls" });
      controls.appendChild(pause);
      controls.appendChild(extend);
      controls.appendChild(off);
      box.appendChild(controls);
      paint();
      if (paused) { return; }
      function tick() {
        if (!clock || ctx.busy()) { return; }
        var left = Math.max(0, Math.ceil((clock.deadline - Date.now()) / 1000));
        if (left !== clock.left) {
          clock.left = left;
          paint();
          if (left === 30 || left === 10) { kit.announce(seconds(left)); }
        }
        if (left <= 0) {
          var nodeId = clock.node;
          stopClock();
          ctx.timeout(nodeId);
        }
      }
      clock.interval = window.setInterval(tick, 250);
      tick();
    }

    /* After a timeout: say what happened, visibly and to screen readers, and put the focus there. */
    function timedOut() {
      var notice = ctx.notice;
      clear(notice);
      notice.appendChild(el("strong", {}, t.gettext("Time ran out.")));
      var what = t.gettext("You made no decision in time, so the drill went on without one. The next situation is below.");
      notice.appendChild(el("span", {}, " " + what));
      notice.hidden = false;
      notice.focus();
    }

    function hideNotice() {
      ctx.notice.hidden = true;
      clear(ctx.notice);
    }

    return { start: startClock, stop: stopClock, timedOut: timedOut, hideNotice: hideNotice };
  };
}());
