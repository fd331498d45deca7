"""The crisis drill's timer handlers (WCAG 2.2.1; issue 14): the clock of a timed step, its timeout and
the learner's timer preference. A mixin of CrisisDrillBlock, which provides _active, _advance and _reply."""

import time

from xblock.fields import Boolean, Scope

from noturiba import events
from noturiba.handlers import Arg, HandlerError, json_handler, validated
from noturiba.messages import Message

from . import clock as clocks
from .content import Step


class TimerMixin:
    timer_enabled = Boolean(default=True, scope=Scope.user_state,
                            help="The learner's timer preference (off = no time limits).")

    def _timed(self, item):
        """The time limit of `item` if it is a step with a running timer (timeout branch, drill timer on)."""
        if isinstance(item, Step) and self.model.timer and item.timeout and item.time_limit:
            return item.time_limit
        return None

    @json_handler
    def timeout(self, data, suffix=""):
        """The timeout branch, once the step's clock has run out (clocks.py: checked, not enforced)."""
        data = validated(data, node=Arg(str, max_length=100))
        state, step = self._active(data["node"], "step")
        if not (self._timed(step) and self.timer_enabled):
            raise HandlerError(Message("This situation has no time limit."))
        if not clocks.expired(clocks.of(state, step.id), step.time_limit, time.time()):
            raise HandlerError(Message("The time for this situation has not run out yet."))
        events.emit(self, "timer", "expired", node=step.id)
        self._advance(state, {"node": step.id, "timeout": True}, step.timeout)
        reply = self._reply(state)
        reply["timed_out"] = True
        return reply

    @json_handler
    def clock(self, data, suffix=""):
        """The current timed step's clock: start (once per step and attempt), pause, resume, +30 s."""
        data = validated(data, node=Arg(str, max_length=100),
                         action=Arg(str, max_length=10, choices=("start", "pause", "resume", "extend")))
        state, step = self._active(data["node"], "step")
        limit = self._timed(step)
        if not (limit and self.timer_enabled):
            raise HandlerError(Message("This situation has no time limit."))
        now = time.time()
        running = clocks.act(clocks.of(state, step.id), data["action"], step.id, now)
        if running is None:
            raise HandlerError(Message("The timer of this situation has not started yet."))
        self.drill_state = {**state, "clock": running}
        return {"clock": clocks.public(running, limit, now)}

    @json_handler
    def timer(self, data, suffix=""):
        """The learner's timer preference. Off holds the current step's clock, on lets it run again."""
        data = validated(data, enabled=Arg(bool))
        self.timer_enabled = data["enabled"]
        state = dict(self.drill_state or {})
        running = clocks.of(state, state.get("node"))
        limit = self._timed(self.model.node(state.get("node")))
        if running is None or not limit or state.get("finished"):
            return {"timer_enabled": self.timer_enabled}
        now = time.time()
        running = clocks.act(running, "resume" if data["enabled"] else "pause", running["node"], now)
        self.drill_state = {**state, "clock": running}
        return {"timer_enabled": self.timer_enabled, "clock": clocks.public(running, limit, now)}

