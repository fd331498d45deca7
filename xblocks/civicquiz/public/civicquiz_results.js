/* civicquiz learner view, second part (loaded before civicquiz.js, which uses it through
   window.NoturibaCivicquiz): the survey tallies and the in-page confirmation. */
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
      if (question.type === "text") {
        var written = t.ngettext("{count} written answer (seen only by researchers).", "{count} written answers (seen only by researchers).", question.written);
        section.appendChild(el("p", "nt-muted", t.format(written, { count: question.written })));
      } else {
        var list = el("ul", "nt-bars");
        question.values.forEach(function (value) {
          var li = el("li");
          // A hidden count (too small a group, or one it would give away) is named, never drawn.
          var text = value.hidden ? value.label + ": " + data.hidden_text : // i18n-ignore: punctuation only
            t.format(t.gettext("{label}: {count} ({percent}%)"),
              { label: value.label, count: value.count, percent: value.percent });
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

  /* Ask before an irreversible step, in the page (not window.confirm, which blocks the page, cannot
     be styled or translated in its buttons and is suppressed in some embedded views). The question
     takes the focus, so screen readers read it; Tab reaches the two buttons; Escape or `no` cancel
     and give the focus back to `opener`. Calls `then(true|false)` once. */
  ns.confirm = function (opener, id, text, yes, no, then) {
    var old = document.getElementById(id);
    if (old) { old.parentNode.removeChild(old); }
    var box = el("div", "nt-card nt-confirm"); // i18n-ignore: code, not text
    box.id = id;
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", id + "-text");
    box.setAttribute("data-confirm", "");
    var question = el("p", "nt-confirm-text", text);
    question.id = id + "-text";
    question.tabIndex = -1;
    var yesButton = el("button", "nt-button", yes);
    var noButton = el("button", "nt-button nt-secondary", no); // i18n-ignore: code, not text
    yesButton.type = noButton.type = "button";
    yesButton.setAttribute("data-confirm-yes", "");
    noButton.setAttribute("data-confirm-no", "");
    var actions = el("div", "nt-confirm-actions");
    actions.appendChild(yesButton);
    actions.appendChild(noButton);
    box.appendChild(question);
    box.appendChild(actions);
    function done(answer) {
      if (!box.parentNode) { return; }
      box.parentNode.removeChild(box);
      if (!answer) { opener.focus(); }
      then(answer);
    }
    yesButton.addEventListener("click", function () { done(true); });
    noButton.addEventListener("click", function () { done(false); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); done(false); }
    });
    opener.parentNode.insertBefore(box, opener.nextSibling);
    question.focus();
  };
}());
