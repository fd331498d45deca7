/* civicquiz offline player: the practice quiz in the browser, graded by civicquiz_grade.js.
   The block's markup and class names (templates/student.html), so civicquiz.css styles it. A try is one
   draw (data.draw questions, or the whole bank) with its own option, item and right-column orders; each
   question is checked on its own, with feedback; its first check is what the try's score counts (as in
   the block's practice mode); when every question is checked, the score goes to ui.finish. The try is
   saved as the learner goes (ui.save), so a reload brings it back.
   This file holds the try and the actions; the parts (NoturibaOffline.parts.civicquiz, loaded before it):
   civicquiz_play_dom.js (helpers), _questions.js (drawing), _answers.js (reading), _feedback.js. They all
   share one context, `quiz`, built here. */
(function (root) {
  "use strict";
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  offline.players = offline.players || {};
  var VERSION = 1;

  function ids(list) { return list.map(function (part) { return part.id; }); }
  function sameIds(a, b) { return Array.isArray(a) && a.slice().sort().join("\n") === b.slice().sort().join("\n"); }

  // State: one try -------------------------------------------------------------------------
  function newTry(quiz, number) {
    var G = quiz.G, data = quiz.data, byId = quiz.byId;
    var fresh = { v: VERSION, number: number, drawn: G.draw(data, Math.random), options: {}, items: {}, right: {},
                  arranged: {}, answers: {}, texts: {}, certainties: {}, first: {}, checked: {}, finished: false,
                  score: null };
    fresh.drawn.forEach(function (id) {
      var q = byId[id];
      if (q.options) { fresh.options[id] = G.shuffle(ids(q.options), Math.random); }
      if (q.items) { fresh.items[id] = G.shuffle(ids(q.items), Math.random); }
      if (q.pairs) { fresh.right[id] = G.shuffle(ids(q.pairs), Math.random); }
    });
    return fresh;
  }
  function fits(quiz, saved) {  // a try saved by this pack's content (a rebuilt pack may have changed it)
    var byId = quiz.byId, has = offline.parts.civicquiz.has;
    return saved.v === VERSION && Array.isArray(saved.drawn) && saved.drawn.length > 0 &&
      saved.drawn.every(function (id) {
        var q = has(byId, id) && byId[id];
        return q && (!q.options || sameIds(saved.options[id], ids(q.options))) &&
          (!q.items || sameIds(saved.items[id], ids(q.items))) && (!q.pairs || sameIds(saved.right[id], ids(q.pairs)));
      });
  }
  function restore(quiz, saved) {
    if (!saved || typeof saved !== "object") { return newTry(quiz, 1); }
    ["options", "items", "right", "arranged", "answers", "texts", "certainties", "first", "checked"].forEach(function (key) {
      if (!saved[key] || typeof saved[key] !== "object") { saved[key] = {}; }
    });
    return fits(quiz, saved) ? saved : newTry(quiz, 1);
  }
  function firstChecks(state) {
    var answers = {}, certainties = {};
    Object.keys(state.first).forEach(function (id) {
      answers[id] = state.first[id].answer;
      if (state.first[id].certainty) { certainties[id] = state.first[id].certainty; }
    });
    return { questions: state.drawn, answers: answers, certainties: certainties };
  }

  /* The context the parts share: the data, the translator, the helpers, the try and the live nodes. */
  function context(rootEl, data, ui) {
    var P = offline.parts.civicquiz, kit = root.NoturibaKit;
    var dom = P.dom(kit, rootEl.getAttribute("data-content-lang"));
    var quiz = {
      rootEl: rootEl, data: data, ui: ui, t: ui.t, kit: kit, G: offline.grade.civicquiz, byId: {},
      uid: (rootEl.getAttribute("data-island") || "nt-cq") + "-q",
      el: dom.el, inContent: dom.inContent, authored: dom.authored,
      state: null, live: {}, progress: null, result: null, again: null
    };
    data.questions.forEach(function (q) { quiz.byId[q.id] = q; });
    quiz.save = function () { ui.save(quiz.state); };
    return quiz;
  }

  // Rendering (templates/student.html) ---------------------------------------------------------
  function render(quiz) {
    var P = offline.parts.civicquiz, t = quiz.t, el = quiz.el, rootEl = quiz.rootEl, state = quiz.state;
    quiz.kit.dom.clear(rootEl);
    quiz.live = {};
    rootEl.appendChild(el("p", "nt-intro", t.gettext("Practice: answer a question and check it at once. You see an explanation and may try again as often as you like.")));
    rootEl.appendChild(el("p", "nt-intro", t.gettext("Only each question's first check in a try counts towards the score.")));
    if (quiz.data.certainty) { rootEl.appendChild(P.cbmCard(quiz)); }
    quiz.progress = rootEl.appendChild(el("p", "nt-progress", null, { "data-progress": "", tabindex: "-1" }));
    var form = rootEl.appendChild(el("form", "nt-quiz", null, { "data-form": "", novalidate: "" }));
    state.drawn.forEach(function (id, i) { form.appendChild(P.questionNode(quiz, quiz.byId[id], i + 1, state.drawn.length)); });
    quiz.result = rootEl.appendChild(el("div", "nt-result", null, { "data-result": "", tabindex: "-1", hidden: "" }));
    quiz.again = rootEl.appendChild(el("div", "nt-actions")).appendChild(
      el("button", "nt-button nt-secondary", t.gettext("Start again"), { type: "button", "data-again": "" }));
    quiz.again.hidden = !Object.keys(state.checked).length;
    state.drawn.forEach(function (id) { if (P.has(state.checked, id)) { P.showFeedback(quiz, quiz.byId[id], state.checked[id]); } });
    P.updateProgress(quiz);
    if (state.finished) { P.showResult(quiz); }
  }

  // Actions ---------------------------------------------------------------------------------------
  function check(quiz, fs, q) {
    var P = offline.parts.civicquiz, t = quiz.t, data = quiz.data, state = quiz.state;
    P.clearError(fs);
    var answer = P.readAnswer(quiz, fs, q);
    if (answer === null) { P.questionError(quiz, fs, t.gettext("Answer the question first.")); return; }
    if (typeof answer === "number" && isNaN(answer)) { P.questionError(quiz, fs, t.gettext("Enter a number, for example 12 or 3,5.")); return; }
    var certainty = data.certainty ? P.readCertainty(fs) : null;
    if (data.certainty && certainty === null) { P.questionError(quiz, fs, t.gettext("Say how sure you are first.")); return; }
    var fraction = quiz.G.score(q, answer);
    if (!P.has(state.first, q.id)) { state.first[q.id] = { answer: answer, certainty: certainty }; }
    state.checked[q.id] = { fraction: fraction, certainty: certainty };
    var text = P.showFeedback(quiz, q, state.checked[q.id]);
    P.updateProgress(quiz);
    quiz.again.hidden = false;
    var finishing = P.checkedCount(quiz) === state.drawn.length && !state.finished;
    if (finishing) {
      state.finished = true;
      state.score = quiz.G.grade(data, firstChecks(state));
    }
    P.keepDraft(quiz, fs, q);
    quiz.ui.announce(text + " " + quiz.progress.textContent + (finishing ? " " + P.showResult(quiz) : ""));
    if (finishing) {
      quiz.result.focus();
      quiz.ui.finish(state.score);
    }
  }
  function move(quiz, button, fs, q) {
    var P = offline.parts.civicquiz, t = quiz.t;
    var order = quiz.state.items[q.id];
    var item = button.closest("[data-item]");
    var id = item.getAttribute("data-item");
    var up = button.getAttribute("data-move") === "up";
    var plain = P.find(q.items, id).plain;
    if (!quiz.kit.dom.move(order, order.indexOf(id), up ? -1 : 1)) {
      quiz.ui.announce(t.format(up ? t.gettext("{item} is already first.") : t.gettext("{item} is already last."), { item: plain }));
      return;
    }
    quiz.state.arranged[q.id] = true;
    var list = item.parentNode;
    if (up) { list.insertBefore(item, item.previousElementSibling); } else { list.insertBefore(item.nextElementSibling, item); }
    list.setAttribute("data-arranged", "");
    Array.prototype.forEach.call(list.children, function (node, position) {
      node.querySelector(".nt-order-pos").textContent = (position + 1) + ".";
    });
    button.focus();
    P.keepDraft(quiz, fs, q);
    quiz.ui.announce(t.format(t.gettext("{item}: position {position} of {total}."),
      { item: plain, position: order.indexOf(id) + 1, total: order.length }));
  }
  function startAgain(quiz) {
    quiz.state = newTry(quiz, (quiz.state.number || 1) + 1);
    quiz.save();
    render(quiz);
    quiz.progress.focus();
    quiz.ui.announce(quiz.progress.textContent);
  }

  // Events: one listener each on the quiz's root ---------------------------------------------------
  function questionOf(quiz, node) {
    var fs = node.closest("[data-question]");
    return fs && quiz.rootEl.contains(fs) ? { fs: fs, q: quiz.byId[fs.getAttribute("data-question")] } : null;
  }
  function listen(quiz) {
    var P = offline.parts.civicquiz, t = quiz.t, rootEl = quiz.rootEl;
    rootEl.addEventListener("change", function (event) {
      var at = questionOf(quiz, event.target);
      if (at) { P.keepDraft(quiz, at.fs, at.q); }
    });
    rootEl.addEventListener("input", function (event) {
      var at = questionOf(quiz, event.target);
      if (at && event.target.hasAttribute("data-number")) { P.keepDraft(quiz, at.fs, at.q); }
    });
    rootEl.addEventListener("submit", function (event) { event.preventDefault(); });
    rootEl.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !rootEl.contains(button)) { return; }
      var at = questionOf(quiz, button);
      if (button.hasAttribute("data-move")) { move(quiz, button, at.fs, at.q); }
      else if (button.hasAttribute("data-check")) { check(quiz, at.fs, at.q); }
      else if (button.hasAttribute("data-again") && quiz.state.finished) { startAgain(quiz); }
      else if (button.hasAttribute("data-again")) {
        quiz.kit.confirm(button, quiz.uid + "-confirm", t.gettext("Start again? The answers of this try are cleared."),
          t.gettext("Start again"), t.gettext("Cancel"), function (yes) { if (yes) { startAgain(quiz); } });
      }
    });
  }

  offline.players.civicquiz = function (rootEl, data, ui) {
    var quiz = context(rootEl, data, ui);
    quiz.state = restore(quiz, ui.load());
    listen(quiz);
    render(quiz);
  };
}(window));
