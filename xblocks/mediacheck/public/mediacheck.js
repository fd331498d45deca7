/* mediacheck learner view: mark red flags by keyboard or pointer, open leads, choose a verdict, get feedback. */
function MediacheckStudent(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var root = kit.root;
  var errorBox = root.querySelector(".nt-mc-footer .nt-error");
  var statusBox = root.querySelector(".nt-mc-status");
  var submitButton = root.querySelector(".nt-mc-submit");
  var printButton = root.querySelector(".nt-mc-print");
  var saveTimers = {};
  // Past the due date (args.closed) nothing is saved or checked any more; surveys lock once sent.
  var locked = (args.mode === "survey" && args.submitted) || !!args.closed;
  // While show_correctness hides results, handlers send no feedback; this sentence stands in for it.
  var hiddenNotice = args.results_hidden || null;
  var island = args.feedback_id && document.getElementById(args.feedback_id);
  var initialFeedback = island ? JSON.parse(island.textContent) : {};  // feedback due now (author text: not in args)
  // The language of the author's texts: elements made here that hold them say it (issue 14).
  var langHolder = root.matches("[data-content-lang]") ? root : root.querySelector("[data-content-lang]");
  var contentLang = langHolder && langHolder.getAttribute("data-content-lang");
  function inContent(node) { if (contentLang) { node.setAttribute("lang", contentLang); } return node; }
  // A translated sentence with author texts in it: the author's parts get their own lang (`authored`: keys).
  function mixed(parent, message, values, authored) {
    message.split(/(\{\w+\})/).forEach(function (part) {
      var key = /^\{(\w+)\}$/.exec(part);
      if (!key || !(key[1] in values)) { if (part) { parent.appendChild(document.createTextNode(part)); } return; }
      var value = String(values[key[1]]);
      parent.appendChild(authored.indexOf(key[1]) >= 0 ? inContent(el("span", null, value)) : document.createTextNode(value));
    });
    return parent;
  }

  function sections() { return Array.prototype.slice.call(root.querySelectorAll(".nt-item")); }
  function segmentsOf(section) { return Array.prototype.slice.call(section.querySelectorAll(".nt-seg")); }

  function answerOf(section) {
    var checked = section.querySelector(".nt-mc-verdict input:checked");
    var answer = {
      verdict: checked ? checked.value : null,
      flags: segmentsOf(section).filter(function (b) { return b.getAttribute("aria-pressed") === "true"; })
        .map(function (b) { return b.getAttribute("data-seg"); })
    };
    var range = section.querySelector("input[type=range]");
    // Only a confidence the learner set counts; the slider's starting position is not a choice.
    if (args.confidence && range && range.getAttribute("data-chosen") === "true") {
      answer.confidence = parseInt(range.value, 10);
    }
    return answer;
  }

  function scheduleSave(section) {
    // Survey answers are anonymous: a survey draft stays in the page, only the submit records it.
    if (locked || args.mode === "survey") { return; }
    var id = section.getAttribute("data-item");
    window.clearTimeout(saveTimers[id]);
    saveTimers[id] = window.setTimeout(function () {
      var payload = answerOf(section);
      payload.item = id;
      kit.post("save_answer", payload);
    }, 500);
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = !text;
    if (text) { errorBox.focus(); kit.announce(text); }
  }

  function setStatus(lines) {
    statusBox.textContent = "";
    (lines || []).forEach(function (line) {
      var p = document.createElement("p");
      p.textContent = line;
      statusBox.appendChild(p);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function clearFeedback(section) {
    var box = section.querySelector(".nt-mc-feedback");
    box.textContent = "";
    box.hidden = true;
    segmentsOf(section).forEach(function (b) { b.classList.remove("nt-seg-found", "nt-seg-missed", "nt-seg-wrong"); });
  }

  function renderFeedback(section, fb) {
    var box = section.querySelector(".nt-mc-feedback");
    clearFeedback(section);
    var head = el("p", "nt-mc-result " + (fb.correct ? "nt-mc-right" : "nt-mc-wrong"),
      fb.correct ? t.gettext("Right verdict.") : t.gettext("Not the right verdict."));
    box.appendChild(head);
    box.appendChild(el("p", null, t.format(t.gettext("The verdict is: {verdict}."), { verdict: fb.verdict_label })));
    if (fb.chosen_label && !fb.correct) {
      box.appendChild(el("p", null, t.format(t.gettext("You chose: {verdict}."), { verdict: fb.chosen_label })));
    }
    var buttons = {};
    segmentsOf(section).forEach(function (b) { buttons[b.getAttribute("data-seg")] = b; });
    if (fb.flags.length) {
      box.appendChild(el("h4", null, t.gettext("Red flags")));
      var list = el("ul", "nt-mc-flags");
      fb.flags.forEach(function (flag) {
        var li = el("li", flag.found ? "nt-mc-found" : "nt-mc-missed");
        li.appendChild(el("strong", null, flag.found ? t.gettext("Found:") : t.gettext("Missed:")));
        li.appendChild(document.createTextNode(" "));
        mixed(li, t.gettext("“{text}”: {note}"), { text: flag.text, note: flag.note }, ["text", "note"]);
        list.appendChild(li);
        flag.segments.forEach(function (id) {
          if (buttons[id]) { buttons[id].classList.add(flag.found ? "nt-seg-found" : "nt-seg-missed"); }
        });
      });
      box.appendChild(list);
    }
    fb.false_marks.forEach(function (id) { if (buttons[id]) { buttons[id].classList.add("nt-seg-wrong"); } });
    if (fb.false_marks.length) {
      var wrongText = t.ngettext("{count} marked part is not a red flag.", "{count} marked parts are not red flags.", fb.false_marks.length);
      box.appendChild(el("p", null, t.format(wrongText, { count: fb.false_marks.length })));
    }
    if (fb.leads.length) {
      box.appendChild(el("h4", null, t.gettext("Useful checks")));
      var leads = el("ul", "nt-mc-lead-review");
      fb.leads.forEach(function (lead) {
        var text = lead.useful ? t.gettext("Useful check") : t.gettext("Not much help");
        var opened = lead.opened ? t.gettext("you opened it") : t.gettext("you did not open it");
        leads.appendChild(mixed(el("li", lead.useful ? "nt-mc-useful" : null), t.gettext("{title}: {usefulness} ({opened})"),
          { title: lead.title, usefulness: text, opened: opened }, ["title"]));
      });
      box.appendChild(leads);
    }
    if (fb.explanation) {
      box.appendChild(el("h4", null, t.gettext("Explanation")));
      var explanation = inContent(el("div", "nt-mc-explanation"));
      explanation.innerHTML = fb.explanation; // sanitised on the server (noturiba.html.sanitize)
      box.appendChild(explanation);
    }
    if (fb.origin) {  // made up or real: due with the verdict, never before (the label is translated on the server)
      var origin = el("p", "nt-mc-provenance nt-mc-provenance-" + fb.origin.kind, fb.origin.href ? null : fb.origin.label);
      if (fb.origin.href) {
        var link = el("a", null, fb.origin.label);
        link.href = fb.origin.href;
        link.rel = "noopener noreferrer";
        origin.appendChild(link);
      }
      box.appendChild(origin);
    }
    if (fb.sources.length) {
      box.appendChild(el("h4", null, t.gettext("Sources")));
      var sources = el("ul", "nt-mc-sources");
      fb.sources.forEach(function (source) {
        var li = el("li");
        var a = inContent(el("a", null, source.title));
        a.href = source.href;
        a.rel = "noopener noreferrer";
        li.appendChild(a);
        sources.appendChild(li);
      });
      box.appendChild(sources);
    }
    box.appendChild(el("p", "nt-mc-item-score", t.format(t.gettext("Score for this item: {percent}"),
      { percent: t.percent(fb.score * 100) })));
    box.hidden = false;
    var retry = section.querySelector(".nt-mc-retry");
    if (retry) { retry.hidden = false; }
  }

  function hasFeedback(fb) { return !!(fb && fb.item); }

  function renderNotice(section, text) {
    var box = section.querySelector(".nt-mc-feedback");
    clearFeedback(section);
    if (!text) { return; }
    box.appendChild(el("p", "nt-mc-notice", text));
    box.hidden = false;
    var retry = section.querySelector(".nt-mc-retry");
    if (retry) { retry.hidden = false; }
  }

  function summary(fb) {
    var found = fb.flags.filter(function (f) { return f.found; }).length;
    var text = fb.correct ? t.gettext("Right verdict.") : t.gettext("Not the right verdict.");
    if (fb.flags.length) {
      var foundText = t.ngettext("You found {found} of {count} red flag.", "You found {found} of {count} red flags.", fb.flags.length);
      text += " " + t.format(foundText, { found: found, count: fb.flags.length });
    }
    return text;
  }

  function setCompleted(done) { printButton.hidden = !done || !!hiddenNotice; }  // nothing to explain while hidden

  sections().forEach(function (section) {
    var id = section.getAttribute("data-item");
    var segs = segmentsOf(section);
    segs.forEach(function (button, index) {
      button.addEventListener("click", function () {
        if (locked) { return; }
        var pressed = button.getAttribute("aria-pressed") === "true";
        button.setAttribute("aria-pressed", pressed ? "false" : "true");
        scheduleSave(section);
      });
      button.addEventListener("keydown", function (event) {
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") { next = segs[index + 1]; }
        if (event.key === "ArrowLeft" || event.key === "ArrowUp") { next = segs[index - 1]; }
        if (event.key === "Home") { next = segs[0]; }
        if (event.key === "End") { next = segs[segs.length - 1]; }
        if (next) {
          event.preventDefault();
          segs.forEach(function (b) { b.tabIndex = -1; });
          next.tabIndex = 0;
          next.focus();
        }
      });
    });
    Array.prototype.forEach.call(section.querySelectorAll(".nt-mc-lead"), function (button) {
      button.addEventListener("click", function () {
        var region = document.getElementById(button.getAttribute("aria-controls"));
        if (button.getAttribute("aria-expanded") === "true") {
          button.setAttribute("aria-expanded", "false");
          region.hidden = true;
          return;
        }
        if (region.getAttribute("data-loaded") === "true" || region.textContent.trim()) {
          button.setAttribute("aria-expanded", "true");
          region.hidden = false;
          return;
        }
        kit.post("open_lead", { item: id, lead: button.getAttribute("data-lead") }).then(function (result) {
          if (!result.ok) { showError(result.data.error); return; }
          region.innerHTML = result.data.text; // sanitised on the server
          region.setAttribute("data-loaded", "true");
          region.hidden = false;
          button.setAttribute("aria-expanded", "true");
          kit.announce(t.format(t.gettext("Opened: {title}"), { title: result.data.title }));
        });
      });
    });
    Array.prototype.forEach.call(section.querySelectorAll(".nt-mc-verdict input"), function (input) {
      input.addEventListener("change", function () { scheduleSave(section); });
    });
    var range = section.querySelector("input[type=range]");
    if (range) {
      var output = section.querySelector(".nt-mc-confidence-value");
      range.addEventListener("input", function () {
        range.setAttribute("data-chosen", "true");
        output.textContent = t.percent(Number(range.value));
      });
      range.addEventListener("change", function () { scheduleSave(section); });
    }
    var check = section.querySelector(".nt-mc-check");
    if (check) {
      check.addEventListener("click", function () {
        var payload = answerOf(section);
        if (!payload.verdict) { showError(t.gettext("Choose a verdict first.")); return; }
        payload.item = id;
        window.clearTimeout(saveTimers[id]);
        kit.post("check_item", payload).then(function (result) {
          if (!result.ok) { showError(result.data.error); return; }
          showError("");
          var fb = result.data.feedback;
          var notice = result.data.notice || hiddenNotice;
          if (hasFeedback(fb)) { renderFeedback(section, fb); } else { renderNotice(section, notice); }
          setStatus(result.data.status);
          setCompleted(result.data.completed);
          kit.announce(hasFeedback(fb) ? summary(fb) : (notice || (result.data.status || []).join(" ")));
          section.querySelector(".nt-mc-feedback").focus();
        });
      });
    }
    var retry = section.querySelector(".nt-mc-retry");
    if (retry) {
      retry.addEventListener("click", function () {
        kit.post("reset", { item: id }).then(function (result) {
          if (!result.ok) { showError(result.data.error); return; }
          clearFeedback(section);
          segs.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
          Array.prototype.forEach.call(section.querySelectorAll(".nt-mc-verdict input"), function (input) {
            input.checked = false;
          });
          retry.hidden = true;
          setStatus(result.data.status);
          setCompleted(false);
          kit.announce(t.gettext("The item is reset. Try again."));
          if (segs[0]) { segs[0].focus(); }
        });
      });
    }
  });

  if (submitButton) {
    submitButton.addEventListener("click", function () {
      var answers = {};
      var missing = null;
      sections().forEach(function (section) {
        var answer = answerOf(section);
        if (!answer.verdict && !missing) { missing = section; }
        answers[section.getAttribute("data-item")] = answer;
      });
      if (missing) {
        showError(t.gettext("Choose a verdict for every item first."));
        var first = missing.querySelector(".nt-mc-verdict input");
        if (first) { first.focus(); }
        return;
      }
      submitButton.disabled = true;
      kit.post("submit", { answers: answers }).then(function (result) {
        if (!result.ok) { submitButton.disabled = false; showError(result.data.error); return; }
        showError("");
        var feedback = result.data.feedback || {};
        sections().forEach(function (section) {
          var fb = feedback[section.getAttribute("data-item")];
          if (hasFeedback(fb)) { renderFeedback(section, fb); }
        });
        setStatus(result.data.status);
        setCompleted(true);
        if (args.mode === "survey") { locked = true; }
        submitButton.disabled = true;
        if (newAttemptButton) { newAttemptButton.hidden = !result.data.can_submit; }
        args.passed = result.data.passed;
        kit.announce((result.data.status || []).join(" ") || t.gettext("Your answers are sent."));
        statusBox.focus();
      });
    });
    if (locked || !args.can_submit) { submitButton.disabled = true; }
  }

  var newAttemptButton = root.querySelector(".nt-mc-new-attempt");
  if (newAttemptButton) {
    newAttemptButton.hidden = !args.can_retry;
    newAttemptButton.addEventListener("click", function () {
      // After a pass the learner is asked first; while results are hidden (passed is null) too, without saying why.
      if (args.passed === false) { startNewAttempt(); return; }
      var question = [args.passed ? t.gettext("You have passed.") : "",
                      t.gettext("A new attempt uses one of your attempts; your best score is kept."),
                      t.gettext("Start a new attempt?")].join(" ").trim();
      var confirmId = (root.getAttribute("data-uid") || "nt-mc") + "-confirm";
      window.NoturibaKit.confirm(newAttemptButton, confirmId, question, t.gettext("Start a new attempt"), t.gettext("Cancel"),
                    function (yes) { if (yes) { startNewAttempt(); } });
    });
  }

  function startNewAttempt() {
    kit.post("new_attempt", {}).then(function (result) {
      if (!result.ok) { showError(result.data.error); return; }
      showError("");
      sections().forEach(clearFeedback);
      setStatus(result.data.status);
      newAttemptButton.hidden = true;
      if (submitButton) { submitButton.disabled = false; }
      kit.announce(t.gettext("A new attempt has started: your earlier answers are kept, change them and submit again."));
      var first = root.querySelector(".nt-seg, .nt-mc-verdict input");
      if (first) { first.focus(); }
    });
  }

  printButton.addEventListener("click", function () { window.print(); });
  var checkedItems = args.checked || [];
  sections().forEach(function (section) {
    var id = section.getAttribute("data-item");
    var fb = initialFeedback[id];
    if (hasFeedback(fb)) {
      renderFeedback(section, fb);
    } else if (hiddenNotice && checkedItems.indexOf(id) !== -1) {
      renderNotice(section, hiddenNotice);
    }
  });
  setCompleted(args.completed);
}
