/* mediacheck offline player: the block's practice mode without a server. Cards with word buttons
 * for red flags, leads to open, a verdict and (if asked) how sure; each check shows the feedback
 * at once; each item's first check of a round counts (as in the block), the round's score comes
 * when every item is checked, and "start again" begins a new round. Data: blocks/mediacheck.py. */
(function (root) {
  "use strict";
  root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  root.NoturibaOffline.players = root.NoturibaOffline.players || {};

  /* A new element; `attributes` as strings; text only (author markup goes in only where said). */
  function el(tag, className, text, attributes) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  /* Append nodes and strings (as text) to `parent`; falsy ones are skipped. */
  function add(parent) {
    Array.prototype.slice.call(arguments, 1).forEach(function (child) {
      if (child) { parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child); }
    });
    return parent;
  }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  root.NoturibaOffline.players.mediacheck = function (box, data, ui) {
    var grader = root.NoturibaOffline.grade.mediacheck;
    var kit = root.NoturibaKit;
    var t = ui.t;
    var labels = data.labels;
    var contentLang = data.lang || box.getAttribute("data-content-lang") || "lv";
    var uid = "nt-omc-" + (box.getAttribute("data-island") || "x").replace(/[^A-Za-z0-9_-]/g, "-");
    var state = restore(ui.load());
    var views = {};
    var errorBox, statusBox, againButton;

    function fresh() {
      var next = { answers: {}, first: {}, shown: {}, opened: {} };
      data.items.forEach(function (item) { next.opened[item.id] = []; });
      return next;
    }

    /* Saved progress as the grader would clean it: nothing from an older pack breaks the page. */
    function restore(saved) {
      var next = fresh();
      if (!isObject(saved)) { return next; }
      ["answers", "first", "shown"].forEach(function (part) { next[part] = grader.clean(data, saved[part]); });
      data.items.forEach(function (item) {
        var opened = isObject(saved.opened) && Array.isArray(saved.opened[item.id]) ? saved.opened[item.id] : [];
        next.opened[item.id] = grader.cleanAnswer(data, item, { leads: opened }).leads;
      });
      return next;
    }

    function save() { ui.save(state); }
    function itemId(item, suffix) { return uid + "-" + item.id + (suffix || ""); }
    function inContent(node) { node.setAttribute("lang", contentLang); node.setAttribute("dir", data.dir); return node; }
    function answerOf(item) {
      state.answers[item.id] = state.answers[item.id] || { verdict: null, flags: [], leads: [], confidence: null };
      return state.answers[item.id];
    }
    function checkedCount() { return data.items.filter(function (item) { return state.first[item.id]; }).length; }
    function allChecked() { return checkedCount() === data.items.length; }
    function roundScore() { return grader.grade(data, state.first); }

    /* A translated sentence around author texts: those parts carry the content's language. */
    function mixed(parent, message, values, authored) {
      message.split(/(\{\w+\})/).forEach(function (part) {
        var key = /^\{(\w+)\}$/.exec(part);
        if (!key || !has(values, key[1])) { add(parent, part); return; }
        var value = String(values[key[1]]);
        add(parent, authored.indexOf(key[1]) >= 0 ? inContent(el("span", null, value)) : value);
      });
      return parent;
    }

    /* mediacheck/provenance.py short_date: "4.03.2025" in Latvian, "04.03.2025" in Russian and Ukrainian. */
    function shortDate(iso) {
      var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
      if (!parts || ["lv", "ru", "uk"].indexOf(ui.lang) < 0) { return iso || ""; }
      return (ui.lang === "lv" ? String(Number(parts[3])) : parts[3]) + "." + parts[2] + "." + parts[1];
    }

    function link(text, href) { return el("a", null, text, { href: href, rel: "noopener noreferrer" }); }

    function media(item) {
      var figure = inContent(el("figure", "nt-mc-media" + (item.kind === "video" ? " nt-mc-video" : "")));
      return add(figure, item.media.src && el("img", null, null, { src: ui.asset(item.media.src), alt: item.media.alt }),
        !item.media.src && item.media.alt && el("p", "nt-mc-media-alt", item.media.alt),  // an image from the web: its alt
        item.kind === "video" && el("span", "nt-mc-play", null, { "aria-hidden": "true" }),
        item.media.caption && el("figcaption", null, item.media.caption));
    }

    function origin(item) {
      var who = item.origin;
      if (item.kind === "message") {
        return add(el("p", "nt-mc-forwarded", labels.forwarded), who && who.name && ": ",
          who && who.name && inContent(el("span", null, who.name)));
      }
      if (!who) { return null; }
      var names = add(el("span", "nt-mc-who"), who.name && el("strong", "nt-mc-name", who.name),
        who.handle && el("span", "nt-mc-handle", who.handle),
        el("span", "nt-mc-meta", [who.platform, who.date].filter(Boolean).join(" · ")));
      return add(inContent(el("div", "nt-mc-origin")),
        item.kind === "post" && el("span", "nt-mc-avatar", item.initial, { "aria-hidden": "true" }), names);
    }

    function body(item, view) {
      var group = el("div", "nt-mc-body" + (item.kind === "headline" ? " nt-mc-headline" : ""), null,
        { role: "group", "aria-label": labels.body, "aria-describedby": uid + "-howto" });
      item.segments.forEach(function (paragraph) {
        var p = inContent(el("p"));
        paragraph.forEach(function (segment) {
          var button = el("button", "nt-seg", segment.text, {
            type: "button", "data-seg": segment.id, tabindex: view.segs.length ? "-1" : "0",
            "aria-pressed": answerOf(item).flags.indexOf(segment.id) >= 0 ? "true" : "false" });
          view.segs.push(button);
          add(p, segment.gap && " ", button);
        });
        group.appendChild(p);
      });
      view.segs.forEach(function (button, index) {
        button.addEventListener("click", function () {
          var id = button.getAttribute("data-seg");
          var pressed = button.getAttribute("aria-pressed") === "true";
          var answer = answerOf(item);
          button.setAttribute("aria-pressed", pressed ? "false" : "true");
          answer.flags = pressed ? answer.flags.filter(function (s) { return s !== id; }) : answer.flags.concat([id]);
          save();
        });
        button.addEventListener("keydown", function (event) {
          var targets = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1,
                          Home: 0, End: view.segs.length - 1 };
          var next = has(targets, event.key) ? view.segs[targets[event.key]] : null;
          if (!next) { return; }
          event.preventDefault();
          view.segs.forEach(function (b) { b.tabIndex = -1; });
          next.tabIndex = 0;
          next.focus();
        });
      });
      return group;
    }

    function leads(item) {
      if (!item.leads.length) { return null; }
      var listing = el("ul");
      item.leads.forEach(function (lead) {
        var regionId = itemId(item, "-lead-" + lead.id);
        var open = state.opened[item.id].indexOf(lead.id) >= 0;
        var button = inContent(el("button", "nt-button nt-secondary nt-mc-lead", lead.title, {
          type: "button", "data-lead": lead.id, "aria-expanded": open ? "true" : "false", "aria-controls": regionId }));
        var region = inContent(el("div", "nt-mc-lead-text", null, { id: regionId }));
        region.innerHTML = lead.text;  // sanitised by the pack's builder (noturiba.html.sanitize)
        region.hidden = !open;
        button.addEventListener("click", function () {
          var expanded = button.getAttribute("aria-expanded") === "true";
          button.setAttribute("aria-expanded", expanded ? "false" : "true");
          region.hidden = expanded;
          // An opened lead counts with the answer from then on, as the block keeps it (attempt_rules.answer).
          if (!expanded && state.opened[item.id].indexOf(lead.id) < 0) {
            state.opened[item.id].push(lead.id);
            save();
            ui.announce(t.format(t.gettext("Opened: {title}"), { title: lead.title }));
          }
        });
        add(listing, add(el("li"), button, region));
      });
      return add(el("div", "nt-mc-leads"), el("h4", null, labels.leads), listing);
    }

    function verdicts(item, view) {
      var fieldset = add(el("fieldset", "nt-mc-verdict"), el("legend", null, labels.verdict));
      data.verdicts.forEach(function (verdict) {
        var input = el("input", null, null, { type: "radio", name: itemId(item, "-verdict"), value: verdict.id });
        input.checked = answerOf(item).verdict === verdict.id;
        input.addEventListener("change", function () { answerOf(item).verdict = verdict.id; save(); });
        view.radios.push(input);
        add(fieldset, add(el("label", "nt-mc-option"), input, " " + verdict.label));
      });
      return fieldset;
    }

    function confidence(item, view) {
      if (!data.confidence) { return null; }
      var id = itemId(item, "-confidence");
      var chosen = answerOf(item).confidence;
      var range = el("input", null, null, { type: "range", id: id, min: "50", max: "100", step: "5" });
      range.value = String(chosen || 50);
      var output = el("output", "nt-mc-confidence-value", kit.percent(chosen || 50), { "for": id });
      // Only a confidence the learner set counts; the slider's starting position is not a choice.
      range.addEventListener("input", function () {
        answerOf(item).confidence = parseInt(range.value, 10);
        output.textContent = kit.percent(Number(range.value));
        save();
      });
      view.range = range;
      view.output = output;
      return add(el("p", "nt-mc-confidence"), el("label", null, data.confidence_label, { "for": id }), range, output);
    }

    function currentAnswer(item) {  // what a check sends: the leads opened so far count (attempt_rules.answer)
      var a = answerOf(item);
      return { verdict: a.verdict, flags: a.flags.slice(), leads: state.opened[item.id].slice().sort(), confidence: a.confidence };
    }

    function clearMarks(view) { view.segs.forEach(function (b) { b.classList.remove("nt-seg-found", "nt-seg-missed", "nt-seg-wrong"); }); }

    function flagList(item, result, buttons) {
      var list = el("ul", "nt-mc-flags");
      item.flags.forEach(function (flag) {
        var found = result.found.indexOf(flag.id) >= 0;
        add(list, mixed(add(el("li", found ? "nt-mc-found" : "nt-mc-missed"),
          el("strong", null, found ? t.gettext("Found:") : t.gettext("Missed:")), " "),
          t.gettext("“{text}”: {note}"), { text: flag.text, note: flag.note }, ["text", "note"]));
        flag.segments.forEach(function (id) { if (buttons[id]) { buttons[id].classList.add(found ? "nt-seg-found" : "nt-seg-missed"); } });
      });
      return list;
    }

    function leadReview(item, answer) {
      var review = el("ul", "nt-mc-lead-review");
      item.leads.forEach(function (lead) {
        var usefulness = lead.useful ? t.gettext("Useful check") : t.gettext("Not much help");
        var opened = answer.leads.indexOf(lead.id) >= 0 ? t.gettext("you opened it") : t.gettext("you did not open it");
        add(review, mixed(el("li", lead.useful ? "nt-mc-useful" : null), t.gettext("{title}: {usefulness} ({opened})"),
          { title: lead.title, usefulness: usefulness, opened: opened }, ["title"]));
      });
      return review;
    }

    function renderFeedback(item, view, answer) {
      var fbox = view.feedback;
      var result = grader.gradeItem(data, item, answer);
      var chosen = data.verdicts.filter(function (v) { return v.id === answer.verdict; })[0];
      var buttons = {};
      view.segs.forEach(function (b) { buttons[b.getAttribute("data-seg")] = b; });
      kit.dom.clear(fbox);
      clearMarks(view);
      add(fbox, el("p", "nt-mc-result " + (result.correct ? "nt-mc-right" : "nt-mc-wrong"),
        result.correct ? t.gettext("Right verdict.") : t.gettext("Not the right verdict.")),
        el("p", null, t.format(t.gettext("The verdict is: {verdict}."), { verdict: item.verdict_label })),
        chosen && !result.correct && el("p", null, t.format(t.gettext("You chose: {verdict}."), { verdict: chosen.label })));
      if (item.flags.length) { add(fbox, el("h4", null, t.gettext("Red flags")), flagList(item, result, buttons)); }
      result.falseMarks.forEach(function (id) { if (buttons[id]) { buttons[id].classList.add("nt-seg-wrong"); } });
      if (result.falseMarks.length) {
        var wrongText = t.ngettext("{count} marked part is not a red flag.", "{count} marked parts are not red flags.", result.falseMarks.length);
        add(fbox, el("p", null, t.format(wrongText, { count: result.falseMarks.length })));
      }
      if (item.leads.length) { add(fbox, el("h4", null, t.gettext("Useful checks")), leadReview(item, answer)); }
      if (item.explanation) {
        var explanation = inContent(el("div", "nt-mc-explanation"));
        explanation.innerHTML = item.explanation;  // sanitised by the pack's builder
        add(fbox, el("h4", null, t.gettext("Explanation")), explanation);
      }
      var said = item.provenance.date ? t.format(item.provenance.label, { date: shortDate(item.provenance.date) })
        : item.provenance.label;
      add(fbox, add(el("p", "nt-mc-provenance nt-mc-provenance-" + item.provenance.kind),
        item.provenance.href ? link(said, item.provenance.href) : said));
      if (item.sources.length) {
        var sources = el("ul", "nt-mc-sources");
        item.sources.forEach(function (source) { add(sources, add(el("li"), inContent(link(source.title, source.href)))); });
        add(fbox, el("h4", null, t.gettext("Sources")), sources);
      }
      add(fbox, el("p", "nt-mc-item-score", t.format(t.gettext("Score for this item: {percent}"),
        { percent: kit.percent(result.score * 100) })));
      fbox.hidden = false;
      view.retry.hidden = false;
      return result;
    }

    function summary(item, result) {
      var text = result.correct ? t.gettext("Right verdict.") : t.gettext("Not the right verdict.");
      if (item.flags.length) {
        var foundText = t.ngettext("You found {found} of {count} red flag.", "You found {found} of {count} red flags.", item.flags.length);
        text += " " + t.format(foundText, { found: result.found.length, count: item.flags.length });
      }
      return text;
    }

    function check(item, view) {
      var answer = currentAnswer(item);
      if (!answer.verdict) {
        showError(t.gettext("Choose a verdict first."));
        view.radios[0].focus();
        return;
      }
      showError("");
      var wasDone = allChecked();
      if (!state.first[item.id]) { state.first[item.id] = answer; }  // only the first check of a round counts
      state.shown[item.id] = answer;
      save();
      var result = renderFeedback(item, view, answer);
      var finished = allChecked() && !wasDone;
      setStatus();
      if (finished) { ui.finish(roundScore()); }
      ui.announce(summary(item, result) + (finished ? " " + statusText() : ""));
      view.feedback.focus();
    }

    function retryItem(item, view) {
      delete state.shown[item.id];
      state.answers[item.id] = { verdict: null, flags: [], leads: [], confidence: null };
      save();
      view.segs.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
      view.radios.forEach(function (input) { input.checked = false; });
      if (view.range) { view.range.value = "50"; view.output.textContent = kit.percent(50); }
      clearMarks(view);
      kit.dom.clear(view.feedback);
      view.feedback.hidden = true;
      view.retry.hidden = true;
      ui.announce(t.gettext("The item is reset. Try again."));
      (view.segs[0] || view.radios[0]).focus();
    }

    function card(item) {
      var view = { segs: [], radios: [], range: null };
      var inline = item.media && item.kind !== "post" && item.kind !== "headline";
      var who = item.origin;
      var cardBox = add(el("div", "nt-card nt-mc-card"),
        data.material === "made-up" && el("p", "nt-practice-label", labels.made_up), origin(item),
        inline && media(item), body(item, view), item.media && !inline && media(item),
        who && who.domain && item.kind !== "message" && add(inContent(el("div", "nt-mc-preview")),
          el("span", "nt-mc-domain", who.domain), who.name && el("span", "nt-mc-preview-title", " " + who.name)),
        item.kind === "message" && who && who.date && inContent(el("p", "nt-mc-meta", who.date)));
      var checkButton = el("button", "nt-button nt-mc-check", labels.check, { type: "button" });
      view.retry = el("button", "nt-button nt-secondary nt-mc-retry", labels.retry, { type: "button" });
      view.retry.hidden = true;
      checkButton.addEventListener("click", function () { check(item, view); });
      view.retry.addEventListener("click", function () { retryItem(item, view); });
      view.feedback = el("div", "nt-mc-feedback", null, { id: itemId(item, "-feedback"), tabindex: "-1" });
      view.feedback.hidden = true;
      views[item.id] = view;
      return add(el("section", "nt-item nt-kind-" + item.kind, null,
        { id: itemId(item), "data-item": item.id, "aria-labelledby": itemId(item, "-h") }),
        el("h3", "nt-item-heading", item.heading, { id: itemId(item, "-h") }), cardBox, leads(item),
        verdicts(item, view), confidence(item, view), add(el("p", "nt-mc-actions"), checkButton, " ", view.retry),
        view.feedback);
    }

    function showError(text) { errorBox.textContent = text; errorBox.hidden = !text; if (text) { ui.announce(text); } }

    function statusText() {
      var count = data.items.length;
      var text = t.format(t.ngettext("{done} of {count} item checked.", "{done} of {count} items checked.", count),
        { done: checkedCount(), count: count });
      return allChecked() ? text + " " + t.format(t.gettext("Your score: {percent}."),
        { percent: kit.percent(100 * roundScore()) }) : text;
    }

    function setStatus() {
      statusBox.textContent = statusText();
      statusBox.setAttribute("data-done", allChecked() ? "true" : "false");
      againButton.hidden = !checkedCount();
    }

    function startAgain() {
      state = fresh();
      save();
      render();
      ui.announce(t.gettext("A new round has started: every item is unanswered again."));
      (box.querySelector(".nt-seg, .nt-mc-verdict input") || box).focus();
    }

    function render() {
      kit.dom.clear(box);
      views = {};
      add(box, add(el("p", "nt-mc-howto nt-muted", labels.howto + " ", { id: uid + "-howto" }),
        el("span", "nt-keyboard-hint", labels.keyboard), " " + labels.leads_howto));
      if (data.material_note.length) { add(box, el("p", "nt-mc-material-note", data.material_note.join(" "))); }
      if (data.what_counts.length) {
        var list = el("ul");
        data.what_counts.forEach(function (line) { add(list, el("li", null, line)); });
        add(box, add(el("div", "nt-card nt-mc-counts"), el("h3", null, labels.what_counts), list));
      }
      data.items.forEach(function (item) { add(box, card(item)); });
      statusBox = el("p", "nt-mc-status", null, { tabindex: "-1" });
      errorBox = el("div", "nt-error", null, { role: "alert" });
      errorBox.hidden = true;
      againButton = el("button", "nt-button nt-secondary nt-mc-again", t.gettext("Start the exercise again"), { type: "button" });
      againButton.addEventListener("click", function () {
        kit.confirm(againButton, uid + "-confirm", t.gettext("Start again? Your answers and your score in this exercise are cleared."),
          t.gettext("Start again"), t.gettext("Cancel"), function (yes) { if (yes) { startAgain(); } });
      });
      add(box, add(el("div", "nt-mc-footer"), statusBox, errorBox, againButton));
      data.items.forEach(function (item) {
        if (state.shown[item.id]) { renderFeedback(item, views[item.id], state.shown[item.id]); }
      });
      setStatus();
    }

    render();
  };
}(window));
