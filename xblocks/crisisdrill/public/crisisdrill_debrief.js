/* Crisis drill, learner view: practice feedback, the debrief and the printable action card.
   Loaded after crisisdrill_dom.js and before crisisdrill.js, which calls NoturibaCrisisdrill.debrief(ctx). */
(function () {
  "use strict";
  var ns = window.NoturibaCrisisdrill = window.NoturibaCrisisdrill || {};

  /* ctx: {t, dom, root, uid, parts: {feedback, debrief}, restart: function}. */
  ns.debrief = function (ctx) {
    var t = ctx.t;
    var parts = ctx.parts;
    var uid = ctx.uid;
    var root = ctx.root;
    var el = ctx.dom.el;
    var markup = ctx.dom.markup;
    var plain = ctx.dom.plain;
    var button = ctx.dom.button;
    var clear = ctx.dom.clear;
    var sourcesList = ctx.dom.sourcesList;
    var labelledList = ctx.dom.labelledList;

    function renderFeedback(feedback) {
      clear(parts.feedback);
      parts.feedback.hidden = !feedback;
      if (!feedback) { return ""; }
      if (feedback.results_hidden) {
        /* show_correctness hides results: the note instead of the feedback (block.py). */
        parts.feedback.appendChild(el("div", { className: "nt-card" }, feedback.results_hidden));
        return feedback.results_hidden;
      }
      var box = el("div", { className: "nt-card" + (feedback.critical ? " nt-cd-critical" : "") });
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
        var share = t.format(t.gettext("Result of this task: {percent}."), { percent: t.percent(feedback.share * 100) });
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
        box.appendChild(markup("div", feedback.text, "nt-cd-feedback-text"));
        spoken.push(plain(feedback.text));
      }
      if (feedback.sources && feedback.sources.length) { box.appendChild(sourcesList(feedback.sources)); }
      parts.feedback.appendChild(box);
      return spoken.join(" ");
    }

    function renderDebrief(view) {
      clear(parts.debrief);
      var debrief = view.debrief;
      parts.debrief.hidden = !debrief;
      if (!debrief) { return; }
      parts.debrief.appendChild(el("h3", { id: uid + "-debrief" }, t.gettext("Debrief")));
      if (view.results_hidden) {
        /* show_correctness: no score, verdict or marks; the debrief has the learner's own path only. */
        parts.debrief.appendChild(el("p", { className: "nt-cd-score" }, view.results_hidden));
      } else {
        var score = el("p", { className: "nt-cd-score" }, t.format(t.gettext("Your score: {percent}."),
                                                                      { percent: t.percent(debrief.score * 100) }));
        parts.debrief.appendChild(score);
        var verdict = t.gettext("You did not pass this drill yet.");
        if (view.passed) { verdict = t.gettext("You passed this drill."); }
        parts.debrief.appendChild(el("p", {}, verdict));
      }
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
        var item = el("li", { className: row.critical ? "nt-cd-critical" : "" });
        item.appendChild(markup("div", row.text, "nt-cd-path-text"));
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
          if (row.share !== undefined) {
            item.appendChild(el("p", {}, t.format(t.gettext("Result of this task: {percent}."),
                                                  { percent: t.percent((row.share || 0) * 100) })));
          }
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
      if (debrief.text) { parts.debrief.appendChild(markup("div", debrief.text, "nt-cd-debrief-text")); }
      if (debrief.sources.length) {
        parts.debrief.appendChild(el("h4", {}, t.gettext("Sources")));
        parts.debrief.appendChild(sourcesList(debrief.sources));
      }
      renderCard(debrief);
      var actions = el("div", { className: "nt-cd-actions nt-no-print" });
      if (view.closed) { actions.appendChild(el("p", { className: "nt-cd-closed" }, view.closed)); }
      if (view.attempts_message) { actions.appendChild(el("p", {}, view.attempts_message)); }
      if (view.can_restart) { actions.appendChild(button(t.gettext("Start a new attempt"), "", ctx.restart)); }
      parts.debrief.appendChild(actions);
    }

    function renderCard(debrief) {
      var card = el("section", { className: "nt-cd-card", "aria-labelledby": uid + "-card" });
      card.appendChild(el("h4", { id: uid + "-card" }, t.gettext("My action card")));
      [["prepare", t.gettext("What I prepare")], ["call", t.gettext("Whom I call")],
       ["listen", t.gettext("Where I listen")]].forEach(function (pair) {
        card.appendChild(el("h5", {}, pair[1]));
        var part = markup("div", debrief.card[pair[0]]);
        /* The card's built-in texts are translated: they are in the interface language, not the content's. */
        if (debrief.card.authored && !debrief.card.authored[pair[0]]) { part.removeAttribute("lang"); }
        card.appendChild(part);
      });
      card.appendChild(el("h5", {}, t.gettext("My notes")));
      var notes = el("dl", { className: "nt-cd-card-notes" });
      [t.gettext("Our meeting place:"), t.gettext("Neighbours I check on:"),
       t.gettext("Where our kit is:")].forEach(function (label) {
        notes.appendChild(el("dt", {}, label));
        notes.appendChild(el("dd", {}, "\u00a0"));
      });
      card.appendChild(notes);
      card.appendChild(sourcesList(debrief.card_sources, false));
      card.appendChild(button(t.gettext("Print my action card"), "nt-secondary", function () {
        root.classList.add("nt-cd-printing-card");
        window.print();
        window.setTimeout(function () { root.classList.remove("nt-cd-printing-card"); }, 500);
      }));
      parts.debrief.appendChild(card);
    }

    return { renderFeedback: renderFeedback, renderDebrief: renderDebrief };
  };
}());
