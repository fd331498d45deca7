/* civicquiz learner view: reads answers from the server-rendered form, saves drafts, checks, submits. */
function CivicquizStudent(runtime, element, args) {
  "use strict";
  args = Object.assign({ namespace: args.namespace }, window.NoturibaKit.island(args.state_id));  // author text
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var quiz = kit.root.classList.contains("nt-civicquiz") ? kit.root : kit.root.querySelector(".nt-civicquiz");
  var mode = args.mode;
  // The language of the author's texts: elements made here that hold them say it (issue 14).
  var contentLang = quiz.getAttribute("data-content-lang");
  function inContent(node) { if (contentLang) { node.setAttribute("lang", contentLang); } return node; }
  var errorBox = quiz.querySelector("[data-error]");
  var resultBox = quiz.querySelector("[data-result]");
  var submitButton = quiz.querySelector("[data-submit]");
  var newAttemptButton = quiz.querySelector("[data-new-attempt]");
  var attemptsText = quiz.querySelector("[data-attempts]");
  var saveTimers = {};
  var queue = Promise.resolve();

  // One request at a time, in order: each handler rewrites the learner's answers; two at once could lose one.
  function send(handler, payload) {
    var sent = queue.then(function () { return kit.post(handler, payload); });
    queue = sent.catch(function () { return null; });
    return sent;
  }

  function questions() { return Array.prototype.slice.call(quiz.querySelectorAll("[data-question]")); }
  function fieldsetOf(id) {
    return questions().filter(function (fs) { return fs.getAttribute("data-question") === id; })[0];
  }
  function el(tag, className, text) { return window.NoturibaKit.dom.el(tag, className ? { className: className } : {}, text); }
  var types = window.NoturibaCivicquiz;  // the table of question types (civicquiz_types.js)

  // Reading answers ------------------------------------------------------------
  function readAnswer(fs) { return types.type(fs.getAttribute("data-type")).read(fs); }
  function readCertainty(fs) {
    var value = types.checkedValue(fs, fs.id + "-certainty");
    return value === null ? null : parseInt(value, 10);
  }
  function legendOf(fs) { return fs.querySelector("legend").textContent; }

  // Messages -------------------------------------------------------------------
  // An error about a question is shown in it (civicquiz_results.js); others after the form.
  function showError(text, keepFocus, fs) {
    kit.announce(text);
    if (fs) { window.NoturibaCivicquiz.questionError(fs, text, keepFocus); return; }
    errorBox.textContent = text;
    errorBox.hidden = false;
    if (!keepFocus) { errorBox.focus(); }
  }
  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = "";
    window.NoturibaCivicquiz.clearQuestionErrors(quiz);
  }

  function updateProgress() {
    var total = questions().length;
    var current = questions().filter(function (fs) {
      var answer = readAnswer(fs);
      return answer !== null && !(typeof answer === "number" && isNaN(answer));
    }).length;
    var progress = quiz.querySelector("[data-progress]");
    var template = t.ngettext("{current} of {total} question answered", "{current} of {total} questions answered", total);
    progress.textContent = t.format(template, { current: current, total: total });
  }

  // Drafts -------------------------------------------------------------------
  function scheduleSave(fs) {
    updateProgress();
    if (mode === "assessment" && args.submitted) { return; }
    // Survey answers are anonymous: drafts stay in the page, only "Send" records them.
    if (mode === "survey") { return; }
    var id = fs.getAttribute("data-question");
    window.clearTimeout(saveTimers[id]);
    saveTimers[id] = window.setTimeout(function () {
      var answer = readAnswer(fs);
      if (answer === null || (typeof answer === "number" && isNaN(answer))) { return; }
      var payload = { question: id, answer: answer };
      var certainty = readCertainty(fs);
      if (certainty !== null) { payload.certainty = certainty; }
      send("save_answer", payload).then(function (result) {
        // A failed draft save is reported without moving focus away from what the learner is doing.
        if (!result.ok) { showError(result.data.error, true, fs); }
      });
    }, 500);
  }

  // Feedback -----------------------------------------------------------------
  function verdictText(fb) {
    if (fb.verdict === "right") { return t.gettext("Right."); }
    if (fb.verdict === "partial") {
      return t.format(t.gettext("Partly right ({percent})."), { percent: t.percent(fb.score * 100) });
    }
    return t.gettext("Not right.");
  }
  function solutionNode(fs, fb) {
    var box = el("div", "nt-solution");
    var solution = types.type(fs.getAttribute("data-type")).solution;
    if (solution) { solution(box, fs, fb, { t: t, inContent: inContent }); }
    return box;
  }
  function showFeedback(fb) {
    var fs = fieldsetOf(fb.question);
    if (!fs) { return ""; }
    var box = document.getElementById(fs.id + "-feedback");
    box.textContent = "";
    fs.classList.remove("nt-is-right", "nt-is-partial", "nt-is-wrong");
    box.hidden = false;
    // Correctness hidden (show_correctness): only the notice, no verdict, mark or answer.
    if (fb.hidden) { box.appendChild(el("p", null, fb.hidden)); return fb.hidden; }
    fs.classList.add("nt-is-" + fb.verdict);
    var text = verdictText(fb);
    box.appendChild(el("p", "nt-verdict nt-verdict-" + fb.verdict, text));
    if (fb.mark !== null && fb.mark !== undefined) {
      box.appendChild(el("p", null, t.format(t.gettext("Certainty mark: {mark}"), { mark: fb.mark })));
    }
    if (fb.solution !== undefined && fb.verdict !== "right") { box.appendChild(solutionNode(fs, fb)); }
    if (fb.explanation) {
      var explanation = inContent(el("div", "nt-explanation"));
      explanation.innerHTML = fb.explanation; // sanitised on the server (noturiba.html.sanitize)
      box.appendChild(explanation);
    }
    if (fb.sources && fb.sources.length) {
      box.appendChild(el("p", "nt-sources-title", t.gettext("Sources:")));
      var sources = el("ul", "nt-sources");
      fb.sources.forEach(function (source) {
        var link = inContent(el("a", null, source.title));
        link.href = source.href;
        link.rel = "noopener noreferrer";
        var li = el("li");
        li.appendChild(link);
        sources.appendChild(li);
      });
      box.appendChild(sources);
    }
    return text;
  }

  // Practice: check one question -------------------------------------------------
  function check(fs) {
    clearError();
    var answer = readAnswer(fs);
    if (answer === null) { showError(t.gettext("Answer the question first."), false, fs); return; }
    if (typeof answer === "number" && isNaN(answer)) { showError(t.gettext("Enter a number, for example 12 or 3,5."), false, fs); return; }
    var payload = { question: fs.getAttribute("data-question"), answer: answer };
    if (args.certainty) {
      payload.certainty = readCertainty(fs);
      if (payload.certainty === null) { showError(t.gettext("Say how sure you are first."), false, fs); return; }
    }
    send("check", payload).then(function (result) {
      if (!result.ok) { showError(result.data.error, false, fs); return; }
      var text = showFeedback(result.data.feedback);
      var done = t.format(t.ngettext("{current} of {total} question checked", "{current} of {total} questions checked",
        result.data.total), { current: result.data.checked, total: result.data.total });
      kit.announce(text + " " + done);
    });
  }

  // Assessment and survey: submit everything -----------------------------------------
  function gather() {
    var answers = {};
    var certainty = {};
    var problem = null;
    questions().forEach(function (fs) {
      var id = fs.getAttribute("data-question");
      var answer = readAnswer(fs);
      var tooLong = window.NoturibaCivicquiz.textProblem(fs, t);
      if (tooLong) { problem = problem || { fs: fs, text: tooLong }; return; }
      if (answer === null) { return; }
      if (typeof answer === "number" && isNaN(answer)) {
        problem = problem || { fs: fs, text: t.format(t.gettext("{question}: enter a number, for example 12 or 3,5."),
          { question: legendOf(fs) }) };
        return;
      }
      answers[id] = answer;
      if (args.certainty) {
        var level = readCertainty(fs);
        if (level === null) {
          problem = problem || { fs: fs, text: t.format(t.gettext("{question}: say how sure you are."), { question: legendOf(fs) }) };
        } else {
          certainty[id] = level;
        }
      }
    });
    return { answers: answers, certainty: certainty, problem: problem };
  }
  function submit() {
    clearError();
    var gathered = gather();
    if (gathered.problem) { showError(gathered.problem.text, false, gathered.problem.fs); return; }
    if (!Object.keys(gathered.answers).length) { showError(t.gettext("Answer at least one question first.")); return; }
    var payload = { answers: gathered.answers };
    if (args.certainty) { payload.certainty = gathered.certainty; }
    var unanswered = args.total - Object.keys(gathered.answers).length;
    if (mode === "assessment" && unanswered > 0) {
      // A blank answer scores 0 and the attempt is used: ask first (the server insists on it too).
      var ask = t.ngettext("{count} question is not answered. Submit anyway? This uses one of your attempts.", "{count} questions are not answered. Submit anyway? This uses one of your attempts.", unanswered);
      window.NoturibaKit.confirm(submitButton, quiz.id + "-confirm", t.format(ask, { count: unanswered }),
        t.gettext("Submit anyway"), t.gettext("Back to the questions"), function (yes) {
          if (yes) { payload.confirm_unanswered = true; sendAnswers(payload); }
        });
      return;
    }
    sendAnswers(payload);
  }
  function sendAnswers(payload) {
    submitButton.disabled = true;
    send("submit", payload).then(function (result) {
      submitButton.disabled = false;
      if (!result.ok) { showError(result.data.error); return; }
      if (mode === "survey") {
        showAggregates(result.data.aggregates, true);
        if (result.data.preview) { resultBox.insertBefore(el("p", "nt-muted", result.data.preview), resultBox.firstChild); }
      } else { showResult(result.data.result, true); }
    });
  }
  var lastPassed = false;
  function showResult(result, fresh) {
    lastPassed = Boolean(result && result.passed);
    args.submitted = true;
    questions().forEach(function (fs) { fs.disabled = true; });
    if (submitButton) { submitButton.hidden = true; }
    resultBox.textContent = "";
    var summary = result.hidden; // correctness hidden (show_correctness): the notice, no score or pass
    if (!summary) {
      resultBox.appendChild(el("h3", null, t.gettext("Your result")));
      summary = t.format(t.gettext("Your score: {percent}."), { percent: t.percent(result.score * 100) }) + " " +
        (result.passed ? t.gettext("You passed.") : t.format(t.gettext("Not passed yet; the pass mark is {percent}."),
          { percent: t.percent(result.pass * 100) }));
    }
    resultBox.appendChild(el("p", "nt-score", summary));
    if (result.attempts_text) { attemptsText.textContent = result.attempts_text; }
    if (!result.hidden && !result.feedback.length) {
      resultBox.appendChild(el("p", "nt-muted", t.gettext("The right answers are shown later, as the course sets.")));
    }
    result.feedback.forEach(showFeedback);
    newAttemptButton.hidden = !result.can_retry;
    resultBox.hidden = false;
    if (fresh) { resultBox.focus(); kit.announce(summary); }
  }
  function showAggregates(aggregates, fresh) {
    resultBox.textContent = "";
    resultBox.appendChild(el("h3", null, t.gettext("Thank you! Your answers are saved.")));
    if (submitButton) { submitButton.textContent = t.gettext("Update my answers"); }
    window.NoturibaCivicquiz.renderDistributions(resultBox, aggregates, t);
    resultBox.hidden = false;
    if (fresh) {
      resultBox.focus();
      kit.announce(t.gettext("Thank you! Your answers are saved.") + " " + (aggregates.shown ? "" : aggregates.message));
    }
  }
  // Wiring -------------------------------------------------------------------
  quiz.addEventListener("change", function (event) {
    var fs = event.target.closest("[data-question]");
    if (fs) { scheduleSave(fs); }
  });
  quiz.addEventListener("input", function (event) {
    var fs = event.target.closest("[data-question]");
    if (fs && event.target.matches("[data-text]")) { window.NoturibaCivicquiz.updateCount(fs, t); }
    if (fs && event.target.matches("[data-text], [data-number]")) { scheduleSave(fs); }
  });
  quiz.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !quiz.contains(button)) { return; }
    if (button.hasAttribute("data-move")) {
      if (window.NoturibaCivicquiz.moveItem(button, kit, t)) { scheduleSave(button.closest("[data-question]")); }
    }
    else if (button.hasAttribute("data-check")) { check(button.closest("[data-question]")); }
    else if (button.hasAttribute("data-submit")) { submit(); }
    else if (button.hasAttribute("data-new-attempt") && !lastPassed) { newAttempt(true); }
    else if (button.hasAttribute("data-new-attempt")) {
      window.NoturibaKit.confirm(button, quiz.id + "-confirm", t.gettext("You have passed. A new attempt uses one of your attempts; your best score is kept. Start a new attempt?"),
        t.gettext("Start a new attempt"), t.gettext("Cancel"), newAttempt);
    }
  });
  function newAttempt(yes) {
    if (!yes) { return; }
    send("new_attempt", {}).then(function (result) {
      if (!result.ok) { showError(result.data.error); return; }
      window.location.reload();
    });
  }
  quiz.querySelector("[data-form]").addEventListener("submit", function (event) { event.preventDefault(); });

  questions().forEach(function (fs) { window.NoturibaCivicquiz.updateCount(fs, t); });
  (args.feedback || []).forEach(showFeedback);
  if (args.result) { showResult(args.result, false); }
  if (args.aggregates) { showAggregates(args.aggregates, false); }
}
