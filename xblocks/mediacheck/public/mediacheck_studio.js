/* mediacheck, Studio: a form editor (items, red flags by text selection, leads, sources, images with alt text,
 * a live preview, the server's checks as you type) and the OLX: two views of the kit's one editor. */
function MediacheckStudio(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var t = kit.t;
  var X = window.MediacheckStudioText;
  var root = kit.root.querySelector(".nt-mc-studio");
  var uid = args.uid;
  var island = JSON.parse(document.getElementById(args.model_id).textContent);  // author text: not in init args
  var data = island.content;
  var settings = args.settings || {};
  var list = root.querySelector("[data-items]");
  var settingsBox = root.querySelector("[data-settings]");
  var problemsBox = root.querySelector("[data-problems]");
  var errorBox = root.querySelector("[data-form-error]");
  var timer = null;
  var open = {};
  var KINDS = {};
  (args.kinds || []).forEach(function (kind) { KINDS[kind.id] = kind.label; });
  var ORIGIN = [["name", t.gettext("Author or publisher")], ["handle", t.gettext("Handle (e.g. @name)")],
                ["platform", t.gettext("Platform")], ["date", t.gettext("Date (YYYY-MM-DD)")],
                ["url", t.gettext("Link (the preview shows its domain)")]];

  var w = window.MediacheckStudioWidgets(uid, t, X, function () { changed(); });
  var el = w.el, clear = w.clear, button = w.button, field = w.field, richField = w.richField;

  function freshId(prefix) {
    var used = {};
    data.items.forEach(function (item) {
      used[item.id] = true;
      item.leads.forEach(function (lead) { used[lead.id] = true; });
      var form = X.toForm(item.body);
      (form ? form.flags : []).forEach(function (flag) { used[flag.id] = true; });
    });
    var number = 1;
    while (used[prefix + number]) { number += 1; }
    return prefix + number;
  }

  var move = window.NoturibaKit.dom.move;

  function scale() {
    if (data.verdicts) { return data.verdicts.map(function (v) { return { id: v[0], label: v[1] }; }); }
    return island.scale || [];
  }

  function verdictLabel(id) {
    var found = scale().filter(function (v) { return v.id === id; })[0];
    return found ? found.label : id;
  }

  /* Settings ------------------------------------------------------------------- */

  function drawSettings() {
    clear(settingsBox);
    field(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; },
          { choices: (args.modes || []).map(function (m) { return [m.id, m.label]; }) });
    field(settingsBox, t.gettext("Shuffle the items for each learner"), data.shuffle,
          function (v) { data.shuffle = v; }, { checkbox: true });
    field(settingsBox, t.gettext("Ask how sure the learner is (confidence)"), data.confidence,
          function (v) { data.confidence = v; }, { checkbox: true });
    field(settingsBox, t.gettext("Weight in the course grade"), settings.weight,
          function (v) { settings.weight = v === null ? 1 : v; }, { number: true });
    field(settingsBox, t.gettext("Maximum attempts (empty = unlimited)"), settings.max_attempts,
          function (v) { settings.max_attempts = v; }, { number: true });
    field(settingsBox, t.gettext("Pass mark (0 to 1)"), settings.pass_threshold,
          function (v) { settings.pass_threshold = v === null ? 0.7 : v; }, { number: true });
    field(settingsBox, t.gettext("When learners see the answers"), settings.showanswer,
          function (v) { settings.showanswer = v; },
          { choices: (args.showanswer_choices || []) });
  }

  /* One item ---------------------------------------------------------------------- */

  function drawFlags(box, item, form, area, refresh) {
    clear(box);
    if (!form.flags.length) {
      box.appendChild(el("p", { className: "nt-muted" }, t.gettext("No red flags marked yet.")));
      return;
    }
    var listing = el("ul", { className: "nt-mc-edit-flags" });
    form.flags.forEach(function (flag, index) {
      var row = el("li", { className: "nt-mc-edit-flag" });
      row.appendChild(el("p", { className: "nt-mc-flag-quote" }, "“" + form.text.slice(flag.start, flag.end) + "”"));  // i18n-ignore
      field(row, t.format(t.gettext("Id of the flag “{text}”"), { text: form.text.slice(flag.start, flag.end) }),
            flag.id, function (v) { flag.id = v; item.body = X.toMarkup(form); refresh(); });
      field(row, t.format(t.gettext("Note for the flag “{text}” (shown in the feedback)"),
                          { text: form.text.slice(flag.start, flag.end) }),
            flag.note, function (v) { flag.note = v; item.body = X.toMarkup(form); refresh(); }, { wide: true });
      row.appendChild(button(t.gettext("Remove the flag"), function () {
        form.flags.splice(index, 1);
        item.body = X.toMarkup(form);
        drawFlags(box, item, form, area, refresh);
        refresh();
        changed();
        area.focus();
        kit.announce(t.format(t.gettext("The flag {id} is removed."), { id: flag.id }));
      }, t.format(t.gettext("Remove the flag {id}"), { id: flag.id })));
      listing.appendChild(row);
    });
    box.appendChild(listing);
  }

  function drawBody(box, item, refresh) {
    var form = X.toForm(item.body);
    if (!form) {
      field(box, t.gettext("Text of the item (as markup)"), item.body, function (v) { item.body = v; refresh(); },
            { area: true, wide: true, rows: 6,
              help: t.gettext("This text has formatting the form cannot show, so it is edited as markup.") });
      return;
    }
    var flagsBox = el("div", { className: "nt-mc-flags-box" });
    var area = field(box, t.gettext("Text of the item"), form.text, function (v) {
      var shifted = X.shiftFlags(form.flags, form.text, v);
      form.text = v;
      form.flags = shifted.flags;
      item.body = X.toMarkup(form);
      if (shifted.dropped.length) {
        drawFlags(flagsBox, item, form, area, refresh);
        kit.announce(t.format(t.gettext("The flag {id} lost its text and is removed."), { id: shifted.dropped[0] }));
      }
      refresh();
    }, { area: true, wide: true, rows: 5,
         help: t.gettext("Separate paragraphs with an empty line. To mark a red flag, select its words here, then press “Mark selected text as a flag”.") });
    var markButton = button(t.gettext("Mark selected text as a flag"), function () {
      var a = area.selectionStart;
      var b = area.selectionEnd;
      var text = area.value;
      while (a < b && /\s/.test(text.charAt(a))) { a += 1; }
      while (b > a && /\s/.test(text.charAt(b - 1))) { b -= 1; }
      var problem = null;
      if (a >= b) {
        problem = t.gettext("Select some words of the text first.");
      } else if (/\n\s*\n/.test(text.slice(a, b))) {
        problem = t.gettext("A red flag cannot reach over two paragraphs.");
      } else {
        var overlap = form.flags.filter(function (f) { return a < f.end && f.start < b; })[0];
        if (overlap) { problem = t.format(t.gettext("The selection overlaps the flag {id}."), { id: overlap.id }); }
      }
      if (problem) { kit.announce(problem); showFormError(problem, area); return; }
      hideFormError();
      var flag = { id: freshId("flag"), note: "", start: a, end: b };
      form.flags.push(flag);
      form.flags.sort(function (x, y) { return x.start - y.start; });
      item.body = X.toMarkup(form);
      drawFlags(flagsBox, item, form, area, refresh);
      refresh();
      changed();
      var index = form.flags.indexOf(flag);
      var notes = flagsBox.querySelectorAll(".nt-mc-edit-flag");
      var note = notes[index] && notes[index].querySelectorAll("input")[1];
      if (note) { note.focus(); }
      kit.announce(t.format(t.gettext("Flag {id} added: “{text}”. Write a note for it."),
                            { id: flag.id, text: text.slice(a, b) }));
    });
    box.appendChild(el("p", { className: "nt-mc-mark" })).appendChild(markButton);
    box.appendChild(el("h5", {}, t.gettext("Red flags")));
    box.appendChild(flagsBox);
    drawFlags(flagsBox, item, form, area, refresh);
  }

  function drawMedia(box, item, refresh) {
    if (!item.media) {
      box.appendChild(button(t.gettext("Add an image"), function () {
        item.media = { src: "", alt: null, caption: null };
        redrawAt(data.items.indexOf(item), "[data-media] input");
      }, t.format(t.gettext("Add an image to item {id}"), { id: item.id })));
      return;
    }
    var media = item.media;
    field(box, t.gettext("Image address (a course file: /static/name.jpg)"), media.src,
          function (v) { media.src = v; refresh(); }, { wide: true });
    field(box, t.gettext("Alt text: what the image shows (required)"), media.alt,
          function (v) { media.alt = v; refresh(); }, { wide: true, required: true, nullable: true });
    field(box, t.gettext("Caption (optional)"), media.caption, function (v) { media.caption = v; refresh(); },
          { wide: true, nullable: true });
    box.appendChild(button(t.gettext("Remove the image"), function () {
      item.media = null;
      redrawAt(data.items.indexOf(item), "[data-media] button");
      kit.announce(t.gettext("The image is removed."));
    }, t.format(t.gettext("Remove the image of item {id}"), { id: item.id })));
  }

  function drawLeads(box, item, refresh) {
    item.leads.forEach(function (lead, index) {
      var row = el("fieldset", { className: "nt-mc-row", "data-lead": lead.id });
      row.appendChild(el("legend", {}, t.format(t.gettext("Lead {id}"), { id: lead.id })));
      field(row, t.gettext("Id"), lead.id, function (v) { lead.id = v; refresh(); });
      field(row, t.gettext("Title (what the learner checks)"), lead.title, function (v) { lead.title = v; refresh(); },
            { wide: true }).setAttribute("data-lead-title", "");
      richField(row, t.gettext("What the check shows"), lead.body, function (v) { lead.body = v; refresh(); });
      field(row, t.gettext("A useful move (counts for the grade)"), lead.useful,
            function (v) { lead.useful = v; refresh(); }, { checkbox: true });
      row.appendChild(button(t.gettext("Remove the lead"), function () {
        item.leads.splice(index, 1);
        redrawAt(data.items.indexOf(item), "[data-add-lead]");
        kit.announce(t.format(t.gettext("The lead {id} is removed."), { id: lead.id }));
      }, t.format(t.gettext("Remove the lead {id}"), { id: lead.id })));
      box.appendChild(row);
    });
    box.appendChild(button(t.gettext("Add a lead"), function () {
      item.leads.push({ id: freshId("lead"), useful: false, title: "", body: "" });
      redrawAt(data.items.indexOf(item), "[data-lead-title]", true);
    }, t.format(t.gettext("Add a lead to item {id}"), { id: item.id }), "data-add-lead"));
  }

  function drawSources(box, item, refresh) {
    item.sources.forEach(function (source, index) {
      var row = el("div", { className: "nt-mc-row", "data-source": "" });
      field(row, t.format(t.gettext("Source {number}: link (https://...)"), { number: index + 1 }), source[0],
            function (v) { source[0] = v; refresh(); }, { wide: true }).setAttribute("data-source-href", "");
      field(row, t.format(t.gettext("Source {number}: title"), { number: index + 1 }), source[1],
            function (v) { source[1] = v; refresh(); }, { wide: true });
      row.appendChild(button(t.gettext("Remove the source"), function () {
        item.sources.splice(index, 1);
        redrawAt(data.items.indexOf(item), "[data-add-source]");
      }, t.format(t.gettext("Remove source {number}"), { number: index + 1 })));
      box.appendChild(row);
    });
    box.appendChild(button(t.gettext("Add a source"), function () {
      item.sources.push(["https://", ""]);
      redrawAt(data.items.indexOf(item), "[data-source-href]", true);
    }, t.format(t.gettext("Add a source to item {id}"), { id: item.id }), "data-add-source"));
  }

  function drawItem(item, index) {
    var li = el("li", { className: "nt-mc-edit-item", "data-item": item.id });
    var details = el("details");
    details.open = Boolean(open[index]);
    details.addEventListener("toggle", function () { open[index] = details.open; });
    var summary = el("summary", {}, item.id + " · " + (KINDS[item.kind] || item.kind));  // i18n-ignore
    details.appendChild(summary);
    var body = el("div", { className: "nt-mc-edit-body" });
    var preview = el("div", { className: "nt-mc-preview-box" });
    function refresh() {
      summary.textContent = item.id + " · " + (KINDS[item.kind] || item.kind);  // i18n-ignore
      window.MediacheckStudioPreview(preview, item, { t: t, X: X, verdict: verdictLabel });
    }
    var main = el("div", { className: "nt-mc-grid" });
    field(main, t.gettext("Id"), item.id, function (v) { item.id = v; refresh(); });
    field(main, t.gettext("Kind"), item.kind, function (v) { item.kind = v; refresh(); },
          { choices: (args.kinds || []).map(function (k) { return [k.id, k.label]; }) });
    field(main, t.gettext("Verdict"), item.verdict, function (v) { item.verdict = v; refresh(); },
          { choices: [["", t.gettext("(choose a verdict)")]].concat(scale().map(function (v) { return [v.id, v.label]; })) });
    body.appendChild(main);
    var origin = el("fieldset", { className: "nt-mc-grid" });
    origin.appendChild(el("legend", {}, t.gettext("Where it appears to come from")));
    ORIGIN.forEach(function (pair) {
      field(origin, pair[1], item.origin ? item.origin[pair[0]] : null, function (v) {
        item.origin = item.origin || { name: null, handle: null, platform: null, date: null, url: null };
        item.origin[pair[0]] = v;
        if (ORIGIN.every(function (p) { return !item.origin[p[0]]; })) { item.origin = null; }
        refresh();
      }, { nullable: true });
    });
    body.appendChild(origin);
    drawBody(body, item, refresh);
    var mediaBox = el("fieldset", { "data-media": "" });
    mediaBox.appendChild(el("legend", {}, t.gettext("Image")));
    drawMedia(mediaBox, item, refresh);
    body.appendChild(mediaBox);
    var leadsBox = el("div");
    leadsBox.appendChild(el("h5", {}, t.gettext("Leads (simulated lateral reading)")));
    drawLeads(leadsBox, item, refresh);
    body.appendChild(leadsBox);
    richField(body, t.gettext("Explanation (shown in the feedback)"), item.explanation,
              function (v) { item.explanation = v; refresh(); });
    var sourcesBox = el("div");
    sourcesBox.appendChild(el("h5", {}, t.gettext("Sources of the explanation")));
    drawSources(sourcesBox, item, refresh);
    body.appendChild(sourcesBox);
    details.appendChild(body);
    details.appendChild(preview);
    li.appendChild(details);
    var actions = el("div", { className: "nt-mc-item-actions" });
    actions.appendChild(button(t.gettext("Move up"), function () {
      if (move(data.items, index, -1)) { swapOpen(index, index - 1); draw(null); focusItemButton(index - 1, 0); }
    }, t.format(t.gettext("Move up: {id}"), { id: item.id })));
    actions.appendChild(button(t.gettext("Move down"), function () {
      if (move(data.items, index, 1)) { swapOpen(index, index + 1); draw(null); focusItemButton(index + 1, 1); }
    }, t.format(t.gettext("Move down: {id}"), { id: item.id })));
    actions.appendChild(button(t.gettext("Delete"), function () {
      data.items.splice(index, 1);
      open = {};
      draw(null);
      root.querySelector("[data-new-kind]").focus();
      kit.announce(t.format(t.gettext("The item {id} is deleted."), { id: item.id }));
    }, t.format(t.gettext("Delete item {id}"), { id: item.id })));
    li.appendChild(actions);
    list.appendChild(li);
    refresh();
  }

  /* Redraw, then focus `selector` inside item `index` (keyboard users keep their place). */
  function redrawAt(index, selector, last) {
    draw(null);
    var li = list.children[index];
    var found = li ? li.querySelectorAll(selector) : [];
    var target = found[last ? found.length - 1 : 0];
    if (target) { target.focus(); }
  }

  function swapOpen(a, b) { var keep = open[a]; open[a] = open[b]; open[b] = keep; }

  function focusItemButton(index, which) {
    var buttons = list.children[index] && list.children[index].querySelectorAll(".nt-mc-item-actions button");  // i18n-ignore
    if (buttons && buttons[which]) { buttons[which].focus(); }
    kit.announce(t.format(t.gettext("{id} is now item {position} of {total}."),
                          { id: data.items[index].id, position: index + 1, total: data.items.length }));
  }

  function draw(focusId) {
    var active = focusId === null ? null : focusId || (document.activeElement && document.activeElement.id);
    w.reset();
    drawSettings();
    clear(list);
    data.items.forEach(drawItem);
    changed();
    if (active && document.getElementById(active)) { document.getElementById(active).focus(); }
  }

  /* Checks and saving ---------------------------------------------------------------- */

  function clean() {
    var copy = JSON.parse(JSON.stringify(data));
    copy.items.forEach(function (item) {
      item.sources = item.sources.map(function (s) { return [s[0].trim(), s[1].trim() || s[0].trim()]; });
    });
    return copy;
  }

  function showProblems(problems) {
    clear(problemsBox);
    if (!problems.length) {
      problemsBox.appendChild(el("p", { className: "nt-mc-ok" }, t.gettext("No problems found.")));
      return;
    }
    var listing = el("ul");
    problems.forEach(function (problem) {
      var error = problem.severity === "error";  // i18n-ignore
      listing.appendChild(el("li", { className: error ? "nt-mc-problem" : "nt-mc-warning" },
                             (error ? t.gettext("Error:") : t.gettext("Warning:")) + " " + problem.message));
    });
    problemsBox.appendChild(listing);
  }

  function check() {
    kit.post("check_content", { content: clean() }).then(function (result) {
      if (!result.ok) { showProblems([{ severity: "error", message: result.data.error }]); return; }  // i18n-ignore
      showProblems(result.data.problems);
    });
  }

  function changed() {
    if (timer) { window.clearTimeout(timer); }
    timer = window.setTimeout(check, 400);
  }

  function showFormError(text, focusAfter) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    if (focusAfter) { focusAfter.focus(); } else { errorBox.focus(); }
  }

  function hideFormError() { errorBox.hidden = true; errorBox.textContent = ""; }

  root.querySelector("[data-add-item]").addEventListener("click", function () {
    var kind = root.querySelector("[data-new-kind]").value;
    data.items.push({ id: freshId("item"), kind: kind, verdict: "", body: "", origin: null, media: null, leads: [],
                      explanation: "", sources: [] });
    open[data.items.length - 1] = true;
    draw(null);
    var first = list.lastElementChild && list.lastElementChild.querySelector("input");
    if (first) { first.focus(); }
    kit.announce(t.format(t.gettext("{id} added at the end of the list."), { id: data.items[data.items.length - 1].id }));
  });

  draw(null);

  /* The kit's one editor: this form and the OLX view, one save (Studio's modal Save calls it). */
  return window.NoturibaKit.studioEditor(runtime, element, { namespace: args.namespace, form: {
    panel: root.querySelector("[data-form-view]"),
    nameInput: root.querySelector("[data-name]"), errorBox: errorBox,
    state: function () { return { content: clean(), settings: settings }; },
    load: function (content) { data = content; open = {}; draw(null); },
    check: function () {
      var missing = data.items.filter(function (item) { return item.media && !(item.media.alt || "").trim(); })[0];
      if (!missing) { return null; }
      open[data.items.indexOf(missing)] = true;
      draw(null);
      return t.format(t.gettext("The image of item {id} needs an alt text: describe what it shows."), { id: missing.id });
    },
    saved: function (result) {
      if (result.data.warnings && result.data.warnings.length) {
        showProblems(result.data.warnings.map(function (w) { return { severity: "warning", message: w }; }));  // i18n-ignore
      }
    }
  } });
}
