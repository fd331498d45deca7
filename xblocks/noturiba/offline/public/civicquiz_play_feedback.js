/* civicquiz offline player, part: what the learner is told: a question's error, its feedback after a
   check (verdict, certainty mark, solution, explanation, sources), the progress and the try's result.
   `quiz` is the player's context (civicquiz_play.js). */
(function (root) {
  "use strict";
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  offline.parts = offline.parts || {};
  var P = offline.parts.civicquiz = offline.parts.civicquiz || {};

  P.questionError = function (quiz, fs, text) {
    var box = fs.querySelector("[data-question-error]");
    if (!box) {
      box = quiz.el("p", "nt-error nt-question-error", null, { id: fs.id + "-error", tabindex: "-1", "data-question-error": "" });
      fs.insertBefore(box, fs.querySelector("[data-check]"));
    }
    box.textContent = text;
    box.hidden = false;
    box.focus();
    quiz.ui.announce(text);
  };
  P.clearError = function (fs) {
    var box = fs.querySelector("[data-question-error]");
    if (box) { box.hidden = true; box.textContent = ""; }
  };

  function verdictText(quiz, verdict, fraction) {
    var t = quiz.t;
    if (verdict === "right") { return t.gettext("Right."); }
    if (verdict === "partial") { return t.format(t.gettext("Partly right ({percent})."), { percent: quiz.kit.percent(fraction * 100) }); }
    return t.gettext("Not right.");
  }

  /* The right answer: marked among the options, or said in a line or a list. */
  function solutionNode(quiz, fs, q) {
    var t = quiz.t, el = quiz.el;
    var box = el("div", "nt-solution");
    var lead = null, list = null;
    if (q.type === "single" || q.type === "multiple") {
      Array.prototype.forEach.call(fs.querySelectorAll("[data-option]"), function (node) {
        node.classList.toggle("nt-correct", q.right.indexOf(node.getAttribute("data-option")) >= 0);
      });
      var line = box.appendChild(el("p", null, t.ngettext("Correct answer:", "Correct answers:", q.right.length)));
      q.solution_labels.forEach(function (label, i) { line.append(i ? "; " : " ", quiz.inContent(el("span", null, label))); });
    } else if (q.type === "truefalse") {
      lead = q.answer ? t.gettext("The statement is true.") : t.gettext("The statement is false.");
    } else if (q.type === "numeric") {
      lead = q.tolerance_text ?
        t.format(t.gettext("The answer is {value} (give or take {tolerance})."), { value: q.answer_text, tolerance: q.tolerance_text }) :
        t.format(t.gettext("The answer is {value}."), { value: q.answer_text });
    } else if (q.type === "order") {
      lead = t.gettext("The right order:");
      list = el("ol");
    } else if (q.type === "match") {
      lead = t.gettext("The right matches:");
      list = el("ul");
    }
    if (lead) { box.appendChild(el("p", null, lead)); }
    if (list) {
      q.solution_labels.forEach(function (label) { list.appendChild(quiz.inContent(el("li", null, label))); });
      box.appendChild(list);
    }
    return box;
  }

  function sourcesNodes(quiz, box, sources) {
    var el = quiz.el;
    box.appendChild(el("p", "nt-sources-title", quiz.t.gettext("Sources:")));
    var list = box.appendChild(el("ul", "nt-sources"));
    sources.forEach(function (source) {
      list.appendChild(el("li")).appendChild(
        quiz.inContent(el("a", null, source.title, { href: source.href, rel: "noopener noreferrer" })));
    });
  }

  /* The feedback on `checked` ({fraction, certainty}) under question `q`; returns the verdict's text. */
  P.showFeedback = function (quiz, q, checked) {
    var t = quiz.t, el = quiz.el, G = quiz.G, data = quiz.data;
    var fs = quiz.live[q.id];
    var box = document.getElementById(fs.id + "-feedback");
    var verdict = G.isRight(data, checked.fraction) ? "right" : (checked.fraction > 0 ? "partial" : "wrong");
    var text = verdictText(quiz, verdict, checked.fraction);
    quiz.kit.dom.clear(box);
    fs.classList.remove("nt-is-right", "nt-is-partial", "nt-is-wrong");
    fs.classList.add("nt-is-" + verdict);
    box.hidden = false;
    box.appendChild(el("p", "nt-verdict nt-verdict-" + verdict, text));
    if (data.certainty && checked.certainty) {
      box.appendChild(el("p", null, t.format(t.gettext("Certainty mark: {mark}"),
        { mark: G.mark(data, checked.fraction, checked.certainty) })));
    }
    if (verdict !== "right") { box.appendChild(solutionNode(quiz, fs, q)); }
    if (q.explanation) { box.appendChild(quiz.authored(el("div", "nt-explanation"), q.explanation)); }
    if (q.sources && q.sources.length) { sourcesNodes(quiz, box, q.sources); }
    return text;
  };

  P.checkedCount = function (quiz) {
    return quiz.state.drawn.filter(function (id) { return P.has(quiz.state.checked, id); }).length;
  };
  P.updateProgress = function (quiz) {
    var t = quiz.t, total = quiz.state.drawn.length;
    quiz.progress.textContent = t.format(t.ngettext("{current} of {total} question checked",
      "{current} of {total} questions checked", total), { current: P.checkedCount(quiz), total: total });
  };

  /* The try's score in the result box; returns the sentence saying it. */
  P.showResult = function (quiz) {
    var t = quiz.t, el = quiz.el, result = quiz.result;
    quiz.kit.dom.clear(result);
    result.appendChild(el("h3", null, t.gettext("Your result")));
    var summary = t.format(t.gettext("Your score: {percent}."), { percent: quiz.kit.percent(quiz.state.score * 100) });
    result.appendChild(el("p", "nt-score", summary));
    result.appendChild(el("p", "nt-muted", t.gettext("Practice only: nothing here counts as a grade.")));
    result.hidden = false;
    quiz.again.textContent = t.gettext("Try again");
    return summary;
  };
}(window));
