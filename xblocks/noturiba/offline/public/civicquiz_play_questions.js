/* civicquiz offline player, part: drawing the questions (templates/student.html's markup and class names,
   so civicquiz.css styles them), the certainty field and the CBM card. `quiz` is the player's context
   (civicquiz_play.js); the controls show the try's saved draft (quiz.state). */
(function (root) {
  "use strict";
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  offline.parts = offline.parts || {};
  var P = offline.parts.civicquiz = offline.parts.civicquiz || {};

  function choice(quiz, type, name, id, value, label, checked, tag) {
    var el = quiz.el;
    var box = el(tag || "div", "nt-choice", null, tag ? {} : { "data-option": value });
    var input = box.appendChild(el("input", null, null, { type: type, id: id, name: name, value: value }));
    input.checked = Boolean(checked);
    label.setAttribute("for", id);
    box.appendChild(label);
    return box;
  }
  function moveButton(quiz, direction, plain) {
    var t = quiz.t, el = quiz.el;
    var button = el("button", "nt-button nt-secondary", null, { type: "button", "data-move": direction });
    button.appendChild(el("span", null, direction === "up" ? "↑ " : "↓ ", { "aria-hidden": "true" }));
    button.appendChild(document.createTextNode(direction === "up" ? t.gettext("Move up") : t.gettext("Move down")));
    button.appendChild(el("span", "nt-visually-hidden", ": ")).appendChild(quiz.inContent(el("span", null, plain)));
    return button;
  }
  function orderItem(quiz, q, id, position) {
    var el = quiz.el;
    var item = P.find(q.items, id);
    var li = el("li", "nt-order-item", null, { "data-item": id });
    li.appendChild(el("span", "nt-order-pos", position + ".", { "aria-hidden": "true" }));
    li.appendChild(quiz.authored(el("span", "nt-order-label"), item.label));
    var buttons = li.appendChild(el("span", "nt-order-buttons"));
    buttons.appendChild(moveButton(quiz, "up", item.plain));
    buttons.appendChild(moveButton(quiz, "down", item.plain));
    return li;
  }

  /* The answer controls of each question type, showing the saved `answer`. */
  function choices(quiz, fs, q, base, answer) {
    var box = fs.appendChild(quiz.el("div", "nt-choices"));
    quiz.state.options[q.id].forEach(function (id, i) {
      var picked = q.type === "single" ? answer === id : Array.isArray(answer) && answer.indexOf(id) >= 0;
      box.appendChild(choice(quiz, q.type === "single" ? "radio" : "checkbox", base, base + "-o" + i, id,
        quiz.authored(quiz.el("label"), P.find(q.options, id).label), picked));
    });
    if (q.type === "multiple") { fs.appendChild(quiz.el("p", "nt-hint", quiz.t.gettext("Choose every answer that fits."))); }
  }
  var CONTROLS = {
    single: choices,
    multiple: choices,
    truefalse: function (quiz, fs, q, base, answer) {
      var t = quiz.t, el = quiz.el;
      var box = fs.appendChild(el("div", "nt-choices"));
      box.appendChild(choice(quiz, "radio", base, base + "-true", "true", el("label", null, t.gettext("True")), answer === true));
      box.appendChild(choice(quiz, "radio", base, base + "-false", "false", el("label", null, t.gettext("False")), answer === false));
    },
    numeric: function (quiz, fs, q, base) {
      var el = quiz.el;
      var box = fs.appendChild(el("div", "nt-field"));
      box.appendChild(el("label", null, quiz.t.gettext("Your answer (a number)"), { "for": base + "-number" }));
      box.appendChild(el("input", null, null, { type: "text", inputmode: "decimal", autocomplete: "off",
                                                id: base + "-number", "data-number": "" })).value = quiz.state.texts[q.id] || "";
    },
    order: function (quiz, fs, q) {
      var t = quiz.t, el = quiz.el;
      fs.appendChild(el("p", "nt-hint", t.gettext("Put the steps in the right order with the Move up and Move down buttons.") + " " +
        t.gettext("The steps start in a random order; your order counts as an answer once you have moved a step.")));
      var box = fs.appendChild(el("ol", "nt-order", null, { "data-order": "" }));
      if (quiz.state.arranged[q.id]) { box.setAttribute("data-arranged", ""); }
      quiz.state.items[q.id].forEach(function (id, i) { box.appendChild(orderItem(quiz, q, id, i + 1)); });
    },
    match: function (quiz, fs, q, base, answer) {
      var el = quiz.el;
      fs.appendChild(el("p", "nt-hint", quiz.t.gettext("For each entry, choose the matching answer from the list.")));
      var box = fs.appendChild(el("div", "nt-match"));
      q.pairs.forEach(function (pair, i) {
        var row = box.appendChild(el("div", "nt-match-row"));
        row.appendChild(quiz.authored(el("label", null, null, { "for": base + "-m" + i }), pair.left));
        var select = row.appendChild(el("select", null, null, { id: base + "-m" + i, "data-left": pair.id }));
        select.appendChild(el("option", null, quiz.t.gettext("Choose a match"), { value: "" }));
        quiz.state.right[q.id].forEach(function (id) {
          select.appendChild(quiz.inContent(el("option", null, P.find(q.pairs, id).right, { value: id })));
        });
        select.value = answer && P.has(answer, pair.id) ? answer[pair.id] : "";
      });
    }
  };

  P.levels = function (t) { return [t.gettext("Not sure"), t.gettext("Fairly sure"), t.gettext("Very sure")]; };
  function certaintyField(quiz, fs, q, base) {
    var box = fs.appendChild(quiz.el("fieldset", "nt-certainty"));
    box.appendChild(quiz.el("legend", null, quiz.t.gettext("How sure are you?")));
    P.levels(quiz.t).forEach(function (label, i) {
      box.appendChild(choice(quiz, "radio", base + "-certainty", base + "-c" + (i + 1), String(i + 1),
        quiz.el("label", null, label), quiz.state.certainties[q.id] === i + 1, "span"));
    });
  }

  /* Question `number` of `total`: its fieldset, registered in quiz.live. */
  P.questionNode = function (quiz, q, number, total) {
    var t = quiz.t, el = quiz.el;
    var base = quiz.uid + number;
    var legend = t.format(t.gettext("Question {number} of {total}"), { number: number, total: total });
    var fs = el("fieldset", "nt-card nt-question", null, { id: base, "data-question": q.id, "data-type": q.type,
                                                            "aria-describedby": base + "-prompt" });
    fs.appendChild(el("legend", "nt-legend", legend));
    fs.appendChild(quiz.authored(el("div", "nt-prompt", null, { id: base + "-prompt" }), q.prompt));
    if (P.has(CONTROLS, q.type)) { CONTROLS[q.type](quiz, fs, q, base, quiz.state.answers[q.id]); }
    if (quiz.data.certainty) { certaintyField(quiz, fs, q, base); }
    fs.appendChild(el("button", "nt-button", t.gettext("Check"), { type: "button", "data-check": "" }))
      .appendChild(el("span", "nt-visually-hidden", ": " + legend));
    fs.appendChild(el("div", "nt-feedback", null, { id: base + "-feedback", tabindex: "-1", hidden: "" }));
    quiz.live[q.id] = fs;
    return fs;
  };

  /* How certainty-based marking works, with the quiz's marks. */
  P.cbmCard = function (quiz) {
    var t = quiz.t, el = quiz.el;
    var card = el("div", "nt-card nt-cbm");
    card.appendChild(el("h3", null, t.gettext("Say how sure you are")));
    card.appendChild(el("p", null, t.gettext("With each answer, choose how sure you are. Being sure earns more when you are right and costs more when you are wrong, so be honest with yourself:")));
    var table = card.appendChild(el("table", "nt-cbm-table"));
    table.appendChild(el("caption", "nt-visually-hidden", t.gettext("Marks for each level of certainty")));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    [t.gettext("How sure"), t.gettext("Right answer"), t.gettext("Wrong answer")].forEach(function (text) {
      head.appendChild(el("th", null, text, { scope: "col" }));
    });
    var body = table.appendChild(el("tbody"));
    quiz.data.cbm.marks.forEach(function (row) {
      var tr = body.appendChild(el("tr"));
      tr.appendChild(el("th", null, P.levels(t)[row[0] - 1], { scope: "row" }));
      tr.appendChild(el("td", null, (row[1] > 0 ? "+" : "") + row[1]));
      tr.appendChild(el("td", null, row[2] < 0 ? "\u2212" + (-row[2]) : String(row[2])));
    });
    card.appendChild(el("p", null, t.gettext("Your score is the share of questions you answered right, plus a small bonus or penalty from these marks (at most +5 or −20 percentage points). All answers right always pass, however sure you were.")));
    return card;
  };
}(window));
