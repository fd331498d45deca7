/* civicquiz offline player, part: reading a question's answer and certainty from its controls (as
   civicquiz.js reads them) and keeping the draft in the saved try. `quiz` is the player's context
   (civicquiz_play.js). */
(function (root) {
  "use strict";
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  offline.parts = offline.parts || {};
  var P = offline.parts.civicquiz = offline.parts.civicquiz || {};

  function checkedValue(fs, name) {
    var chosen = Array.prototype.filter.call(fs.querySelectorAll("input[type=radio]"), function (input) {
      return input.name === name && input.checked;
    })[0];
    return chosen ? chosen.value : null;
  }

  /* The answer in `fs`'s controls: null for none, NaN for a numeric answer that is not a number. */
  P.readAnswer = function (quiz, fs, q) {
    var value;
    if (q.type === "single") { return checkedValue(fs, fs.id); }
    if (q.type === "truefalse") { value = checkedValue(fs, fs.id); return value === null ? null : value === "true"; }
    if (q.type === "multiple") {
      value = Array.prototype.map.call(fs.querySelectorAll("input[type=checkbox]:checked"), function (i) { return i.value; });
      return value.length ? value : null;
    }
    if (q.type === "numeric") {
      value = fs.querySelector("[data-number]").value.trim().replace(/\s/g, "").replace(",", ".");
      if (value === "") { return null; }
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : NaN;
    }
    if (q.type === "order") { return quiz.state.arranged[q.id] ? quiz.state.items[q.id].slice() : null; }  // the start is no answer
    if (q.type === "match") {
      value = {};
      Array.prototype.forEach.call(fs.querySelectorAll("select[data-left]"), function (select) {
        if (select.value) { value[select.getAttribute("data-left")] = select.value; }
      });
      return Object.keys(value).length ? value : null;
    }
    return null;
  };

  P.readCertainty = function (fs) {
    var value = checkedValue(fs, fs.id + "-certainty");
    return value === null ? null : parseInt(value, 10);
  };

  /* Keep what the controls of `fs` hold in the try, and save it. */
  P.keepDraft = function (quiz, fs, q) {
    var state = quiz.state;
    var answer = P.readAnswer(quiz, fs, q);
    if (q.type === "numeric") { state.texts[q.id] = fs.querySelector("[data-number]").value; }
    if (answer === null || (typeof answer === "number" && isNaN(answer))) { delete state.answers[q.id]; }
    else { state.answers[q.id] = answer; }
    var level = quiz.data.certainty ? P.readCertainty(fs) : null;
    if (level) { state.certainties[q.id] = level; }
    quiz.save();
  };
}(window));
