/* civicquiz learner view, second part (loaded before civicquiz.js, which uses it through
   window.NoturibaCivicquiz): the survey tallies, errors at their
   question and the order questions' Move buttons. */
(function () {
  "use strict";
  var ns = window.NoturibaCivicquiz = window.NoturibaCivicquiz || {};
  var el = function (tag, className, text) {
    return window.NoturibaKit.dom.el(tag, className ? { className: className } : {}, text);
  };

  /* Survey distributions as the server disclosed them (noturiba.survey.disclosure). */
  ns.renderDistributions = function (box, data, t) {
    if (data.shown === false) { box.appendChild(el("p", null, data.message)); return; }
    box.appendChild(el("p", null, t.format(t.ngettext("{count} person has answered.", "{count} people have answered.", data.respondents), { count: data.respondents })));
    if (data.note) { box.appendChild(el("p", "nt-muted", data.note)); }
    data.questions.forEach(function (question) {
      var section = el("div", "nt-distribution");
      section.appendChild(el("h4", null, question.prompt || question.question));
      if (question.written !== undefined) {  // a written answer: counted, never shown
        var written = t.ngettext("{count} written answer (seen only by researchers).", "{count} written answers (seen only by researchers).", question.written);
        section.appendChild(el("p", "nt-muted", t.format(written, { count: question.written })));
      } else {
        var list = el("ul", "nt-bars");
        question.values.forEach(function (value) {
          var li = el("li");
          // A hidden count (too small a group, or one it would give away) is named, never drawn.
          var text = value.hidden ? value.label + ": " + data.hidden_text :
            t.format(t.gettext("{label}: {count} ({percent})"),
              { label: value.label, count: value.count, percent: t.percent(value.percent) });
          li.appendChild(el("span", "nt-bar-label", text));
          var bar = el("span", "nt-bar");
          bar.setAttribute("aria-hidden", "true");
          bar.style.width = (value.hidden ? 0 : value.percent) + "%";
          li.appendChild(bar);
          list.appendChild(li);
        });
        section.appendChild(list);
      }
      box.appendChild(section);
    });
  };

  /* An error about one question sits in that question (not 2,000 px below, after the form) and
     takes the focus unless `keepFocus` (a failed draft save must not pull the learner away). */
  ns.questionError = function (fs, text, keepFocus) {
    var box = fs.querySelector("[data-question-error]");
    if (!box) {
      box = el("p", "nt-error nt-question-error");
      box.id = fs.id + "-error";
      box.tabIndex = -1;
      box.setAttribute("data-question-error", "");
      var after = fs.querySelector("[data-check]") || fs.querySelector(".nt-feedback");
      fs.insertBefore(box, after);
    }
    box.textContent = text;
    box.hidden = false;
    if (!keepFocus) {
      box.focus();
      if (box.scrollIntoView) { box.scrollIntoView({ block: "center" }); }
    }
  };
  ns.clearQuestionErrors = function (quiz) {
    Array.prototype.forEach.call(quiz.querySelectorAll("[data-question-error]"), function (box) {
      box.hidden = true;
      box.textContent = "";
    });
  };

  /* Move an order item up or down; the focus stays on the pressed button and every item's
     visible position number follows. Returns whether the order changed. */
  ns.moveItem = function (button, kit, t) {
    var item = button.closest("[data-item]");
    var list = item.parentNode;
    var items = Array.prototype.slice.call(list.children);
    var index = items.indexOf(item);
    var up = button.getAttribute("data-move") === "up";
    var label = item.querySelector(".nt-order-label").textContent.trim();
    if ((up && index === 0) || (!up && index === items.length - 1)) {
      kit.announce(t.format(up ? t.gettext("{item} is already first.") : t.gettext("{item} is already last."),
        { item: label }));
      return false;
    }
    if (up) { list.insertBefore(item, items[index - 1]); } else { list.insertBefore(items[index + 1], item); }
    list.setAttribute("data-arranged", "");
    Array.prototype.forEach.call(list.children, function (node, position) {
      var number = node.querySelector(".nt-order-pos");
      if (number) { number.textContent = (position + 1) + "."; }
    });
    button.focus();
    kit.announce(t.format(t.gettext("{item}: position {position} of {total}."),
      { item: label, position: up ? index : index + 2, total: items.length }));
    return true;
  };

  /* Written answers: the limit is said and counted down (the server keeps it, grading.MAX_TEXT);
     nothing is cut silently, a longer answer is named at its question before anything is sent. */
  function textLength(area) { return area.value.trim().length; }
  ns.updateCount = function (fs, t) {
    var area = fs.querySelector("[data-text]");
    var counter = fs.querySelector("[data-count]");
    if (!area || !counter) { return; }
    var left = parseInt(area.getAttribute("data-max-length"), 10) - textLength(area);
    window.clearTimeout(counter.pending);
    // After a pause in typing: the polite live region speaks the count once, not at every key.
    counter.pending = window.setTimeout(function () {
      counter.textContent = left >= 0 ?
        t.format(t.ngettext("{count} character left", "{count} characters left", left), { count: left }) :
        t.format(t.ngettext("{count} character too many", "{count} characters too many", -left), { count: -left });
      counter.classList.toggle("nt-count-over", left < 0);
    }, counter.textContent ? 300 : 0);
  };
  ns.textProblem = function (fs, t) {
    var area = fs.querySelector("[data-text]");
    if (!area) { return null; }
    var limit = parseInt(area.getAttribute("data-max-length"), 10);
    var over = textLength(area) - limit;
    if (over <= 0) { return null; }
    var text = t.ngettext("{question}: the answer may be at most {limit} characters long; shorten it by {count} character.", "{question}: the answer may be at most {limit} characters long; shorten it by {count} characters.", over);
    return t.format(text, { question: fs.querySelector("legend").textContent, limit: limit, count: over });
  };
}());
