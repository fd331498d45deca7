/* Crisis drill offline player, part: the feedback after each decision, the debrief at the end and the
   printable action card. `drill` is the player's context (crisisdrill_play.js). */
(function (root) {
  "use strict";
  var ns = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  ns.parts = ns.parts || {};
  var P = ns.parts.crisisdrill = ns.parts.crisisdrill || {};

  /* A step: what was chosen (or that time ran out) and whether it was dangerous. */
  function describeStep(drill, row, debriefing, add) {
    var t = drill.t, el = drill.el;
    if (row.timeout) { add(el("p", {}, t.gettext("Time ran out before you decided."))); }
    if (!row.timeout) {
      var chosen = el("p");
      chosen.appendChild(el("strong", {}, t.gettext("You chose:") + " "));
      chosen.appendChild(drill.dom.markup("span", row.label));
      add(chosen);
    }
    var danger = debriefing ? t.gettext("Dangerous decision.") : t.gettext("This was a dangerous decision.");
    if (row.critical) { add(el("p", { className: "nt-cd-critical-note" }, danger), danger); }
  }

  /* A checklist or order task: its result, and what was chosen, missed, harmful or recommended. */
  function describeTask(drill, row, debriefing, add) {
    var t = drill.t, labelled = drill.dom.labelledList;
    var share = t.format(t.gettext("Result of this task: {percent}."), { percent: drill.percent(row.share * 100) });
    add(drill.el("p", {}, share), share);
    if (debriefing && row.picked) { add(labelled(t.gettext("You chose:"), row.picked)); }
    if (debriefing && row.order) { add(labelled(t.gettext("Your order:"), row.order, "ol")); }
    if (row.missed && row.missed.length) { add(labelled(t.gettext("Needed but not chosen:"), row.missed)); }
    if (row.harmful && row.harmful.length) { add(labelled(t.gettext("Harmful items you chose:"), row.harmful)); }
    if (row.right) { add(labelled(t.gettext("The recommended order:"), row.right, "ol")); }
  }

  function betterOption(drill, better) {
    var el = drill.el, d = drill.dom;
    var box = el("div", { className: "nt-cd-better" });
    var head = box.appendChild(el("p"));
    head.appendChild(el("strong", {}, drill.t.gettext("A better option:") + " "));
    head.appendChild(d.markup("span", better.label));
    if (better.feedback) { box.appendChild(d.markup("div", better.feedback)); }
    return box;
  }

  /* One decision as feedback right after it (`debriefing` false) or as a row of the debrief's path: the
     row of rules.debrief, shown as the block's practice feedback and debrief show it. Returns what to say. */
  function describe(drill, box, row, debriefing) {
    var d = drill.dom;
    var spoken = [];
    function add(node, say) { box.appendChild(node); if (say) { spoken.push(say); } }
    if (row.kind === "step") { describeStep(drill, row, debriefing, add); } else { describeTask(drill, row, debriefing, add); }
    if (row.feedback) { add(d.markup("div", row.feedback, "nt-cd-feedback-text"), d.plain(row.feedback)); }
    if (debriefing && row.better) { add(betterOption(drill, row.better)); }
    if (!debriefing && row.sources.length) { add(d.sourcesList(row.sources)); }
    return spoken.join(" ");
  }

  P.renderFeedback = function (drill, row) {
    var panel = drill.parts.feedback;
    drill.clear(panel);
    panel.hidden = !row;
    if (!row) { return ""; }
    var box = panel.appendChild(drill.el("div", { className: "nt-card" + (row.critical ? " nt-cd-critical" : "") }));
    box.appendChild(drill.el("h3", {}, drill.t.gettext("Feedback on your decision")));
    return describe(drill, box, row, false);
  };

  /* The score, passed or not, a dangerous decision, the timeouts. */
  function outcomeLines(drill, box, outcome) {
    var t = drill.t, el = drill.el;
    box.appendChild(el("p", { className: "nt-cd-score", "data-score": String(outcome.score) },
                       t.format(t.gettext("Your score: {percent}."), { percent: drill.percent(outcome.score * 100) })));
    box.appendChild(el("p", {}, drill.rules.passed(drill.data, outcome) ? t.gettext("You passed this drill.") : t.gettext("You did not pass this drill yet.")));
    if (outcome.critical.length) {
      box.appendChild(el("p", { className: "nt-cd-critical-note" }, t.gettext("You made a dangerous decision, so this attempt cannot pass whatever its points. See why below.")));
    }
    if (outcome.timeouts) {
      var ran = t.ngettext("Time ran out {count} time; the drill went on without your decision.", "Time ran out {count} times; the drill went on without your decision.", outcome.timeouts);
      box.appendChild(el("p", {}, t.format(ran, { count: outcome.timeouts })));
    }
  }

  /* The learner's path, one row per decision; returns the rows' sources. */
  function pathRows(drill, box) {
    var el = drill.el;
    var sources = [];
    box.appendChild(el("h4", {}, drill.t.gettext("Your path")));
    var path = box.appendChild(el("ol", { className: "nt-cd-path" }));
    drill.rules.debrief(drill.data, drill.state.path).forEach(function (row) {
      if (row.kind === "ending") { return; }
      var item = path.appendChild(el("li", { className: row.critical ? "nt-cd-critical" : "" }));
      item.appendChild(drill.dom.markup("div", row.text, "nt-cd-path-text"));
      describe(drill, item, row, true);
      sources = sources.concat(row.sources || []);
    });
    return sources;
  }

  function unique(sources) {
    var seen = {};
    return sources.filter(function (source) {
      if (seen["#" + source.href]) { return false; }
      seen["#" + source.href] = true;
      return true;
    });
  }

  P.renderDebrief = function (drill) {
    var t = drill.t, el = drill.el, data = drill.data, box = drill.parts.debrief;
    drill.clear(box);
    box.hidden = !drill.finished();
    if (!drill.finished()) { return; }
    var outcome = drill.rules.result(data, drill.state.path);
    box.appendChild(el("h3", { id: drill.uid + "-debrief" }, t.gettext("Debrief")));
    outcomeLines(drill, box, outcome);
    var sources = unique(pathRows(drill, box).concat(data.sources));
    if (data.debrief) { box.appendChild(drill.dom.markup("div", data.debrief, "nt-cd-debrief-text")); }
    if (sources.length) {
      box.appendChild(el("h4", {}, t.gettext("Sources")));
      box.appendChild(drill.dom.sourcesList(sources));
    }
    renderCard(drill, box);
    var actions = box.appendChild(el("div", { className: "nt-cd-actions nt-no-print" }));
    actions.appendChild(drill.dom.button(t.gettext("Start a new attempt"), "", drill.restart));
  };

  function renderCard(drill, box) {
    var t = drill.t, el = drill.el, d = drill.dom, data = drill.data, uid = drill.uid;
    var card = box.appendChild(el("section", { className: "nt-cd-card", "aria-labelledby": uid + "-card" }));
    card.appendChild(el("h4", { id: uid + "-card" }, t.gettext("My action card")));
    cardAbout(drill, card);
    [["prepare", t.gettext("What I prepare")], ["call", t.gettext("Whom I call")],
     ["listen", t.gettext("Where I listen")]].forEach(function (pair) {
      card.appendChild(el("h5", {}, pair[1]));
      var text = card.appendChild(d.markup("div", data.card[pair[0]]));
      if (!data.card.authored[pair[0]]) { text.removeAttribute("lang"); }  /* the defaults are in the interface language */
    });
    card.appendChild(el("h5", {}, t.gettext("My notes")));
    var notes = card.appendChild(el("dl", { className: "nt-cd-card-notes" }));
    [t.gettext("Our meeting place:"), t.gettext("Neighbours I check on:"), t.gettext("Where our kit is:")].forEach(function (label) {
      notes.appendChild(el("dt", {}, label));
      notes.appendChild(el("dd", {}, "\u00a0"));
    });
    card.appendChild(d.sourcesList(data.card_sources, false));
    card.appendChild(d.button(t.gettext("Print my action card"), "nt-secondary", function () { printCard(drill, card); }));
  }

  /* The course's title, as the page shows it (the exporter does not get it): the course link of a unit
     page, or the course name under the title of a single-activity page (SCORM, Kolibri). */
  function courseTitle() {
    var node = document.querySelector(".nt-offline-course-name, .nt-offline-course");
    return node ? (node.textContent || "").trim() : "";
  }

  function today(drill) {
    return new Date().toLocaleDateString(drill.ui.lang, { year: "numeric", month: "long", day: "numeric" });
  }

  /* What the card belongs to, for paper: the drill, the course and (printed only) the day it is printed. */
  function cardAbout(drill, card) {
    var t = drill.t, el = drill.el, d = drill.dom, course = courseTitle();
    var about = card.appendChild(el("div", { className: "nt-cd-card-about" }));
    if (drill.data.title) { about.appendChild(d.inContent(el("p", { className: "nt-cd-card-drill" }, drill.data.title))); }
    if (course) {
      var line = about.appendChild(el("p", {}, t.gettext("Course:") + " "));
      line.appendChild(d.inContent(el("span", {}, course)));
    }
    var date = about.appendChild(el("p", { className: "nt-cd-card-date" }, t.gettext("Printed on:") + " "));
    date.appendChild(el("span", { "data-card-date": "" }, today(drill)));
  }

  /* Print only the card: everything beside it and beside each of its ancestors is hidden while printing. */
  function printCard(drill, card) {
    card.querySelector("[data-card-date]").textContent = today(drill);
    var hidden = [];
    for (var node = card; node && node.parentNode && node !== document.body; node = node.parentNode) {
      Array.prototype.forEach.call(node.parentNode.children, function (sibling) {
        if (sibling !== node && !sibling.classList.contains("nt-cd-print-hide")) {
          sibling.classList.add("nt-cd-print-hide");
          hidden.push(sibling);
        }
      });
    }
    document.documentElement.classList.add("nt-cd-printing");
    function done() {
      root.removeEventListener("afterprint", done);
      document.documentElement.classList.remove("nt-cd-printing");
      hidden.forEach(function (sibling) { sibling.classList.remove("nt-cd-print-hide"); });
    }
    root.addEventListener("afterprint", done);
    root.print();
  }
}(window));
