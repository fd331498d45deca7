/* Crisis drill, the step timer (WCAG 2.2.1: the learner can pause it, extend it or turn it off).
   Loaded before crisisdrill.js, which calls NoturibaCrisisdrill.timer(ctx) and then start() after each render. */
(function () {
  "use strict";
  var ns = window.NoturibaCrisisdrill = window.NoturibaCrisisdrill || {};

  /* ctx: {t, kit, dom, box (the timer element), view: () -> current view, busy: () -> bool,
           timeout: function (node id), showError: function (text)}. */
  ns.timer = function (ctx) {
    var t = ctx.t;
    var kit = ctx.kit;
    var box = ctx.box;
    var el = ctx.dom.el;
    var button = ctx.dom.button;
    var clear = ctx.dom.clear;
    var clock = null;

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
        ctx.view().timer_enabled = result.data.timer_enabled;
        kit.announce(enabled ? t.gettext("The timer is on.") : t.gettext("The timer is off."));
        startClock();
      });
    }

    function startClock() {
      stopClock();
      var view = ctx.view();
      var node = view.node;
      if (!view.timer || !node || node.kind !== "step" || !node.time_limit || view.finished || view.closed) { return; }
      if (!view.timer_enabled) { renderTimerOff(); return; }
      clock = { left: node.time_limit, paused: false, node: node.id };
      box.hidden = false;
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
      box.appendChild(display);
      var controls = el("div", { className: "nt-cd-timer-controls" });
      controls.appendChild(pause);
      controls.appendChild(extend);
      controls.appendChild(off);
      box.appendChild(controls);
      paint();
      clock.interval = window.setInterval(function () {
        if (!clock || clock.paused || ctx.busy()) { return; }
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
          ctx.timeout(nodeId);
        }
      }, 1000);
    }

    return { start: startClock, stop: stopClock };
  };
}());
