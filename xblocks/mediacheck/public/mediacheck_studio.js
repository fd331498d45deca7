/* mediacheck, Studio: a form editor (items, red flags by text selection, leads, sources, images with alt text,
 * a live preview, the server's checks as you type) and the OLX: two views of the kit's one editor. */
function MediacheckStudio(runtime, element, args) {
  "use strict";
  var S = window.NoturibaKit.studio(runtime, element, args, { root: ".nt-mc-studio", island: args.model_id,
                                                             prefix: "nt-mc", onChange: function () { changed(); } });
  var kit = S.kit, t = S.t, root = S.root, f = S.form;
  var X = window.MediacheckStudioText;
  var island = S.island;  // author text: in an island, not in init args
  var data = island.content;
  var settings = args.settings || {};
  var list = root.querySelector("[data-items]");
  var settingsBox = root.querySelector("[data-settings]");
  var changed = S.checker("check_content", clean);
  var open = {};
  var KINDS = {};
  (args.kinds || []).forEach(function (kind) { KINDS[kind.id] = kind.label; });
  var el = window.NoturibaKit.dom.el, clear = window.NoturibaKit.dom.clear;

  /* The button with a data attribute the focus finds again after a redraw. */
  function marked(node, attribute) { node.setAttribute(attribute, ""); return node; }

  /* Rich text (lead text, explanation): plain paragraphs when the markup is simple, else the markup itself. */
  function richField(parent, label, markup, onInput) {
    var plain = X.richToPlain(markup);
    if (plain !== null) {
      var useP = /^\s*<p>/.test(markup || "");
      return f.textarea(parent, label, plain, function (v) { onInput(X.plainToRich(v, useP)); },
                        { wide: true, help: t.gettext("Separate paragraphs with an empty line.") });
    }
    return f.textarea(parent, label, markup, onInput, { wide: true, rows: 5,
      help: t.gettext("This text has formatting the form cannot show, so it is edited as markup.") });
  }

  function freshId(prefix) {
    var used = [];
    data.items.forEach(function (item) {
      used.push(item.id);
      item.leads.forEach(function (lead) { used.push(lead.id); });
      var form = X.toForm(item.body);
      (form ? form.flags : []).forEach(function (flag) { used.push(flag.id); });
    });
    return S.freshId(used, prefix);
  }

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
    f.select(settingsBox, t.gettext("Mode"), data.mode, function (v) { data.mode = v; },
             { choices: (args.modes || []).map(function (m) { return [m.id, m.label]; }) });
    f.checkbox(settingsBox, t.gettext("Shuffle the items for each learner"), data.shuffle,
               function (v) { data.shuffle = v; });
    f.checkbox(settingsBox, t.gettext("Ask how sure the learner is (confidence)"), data.confidence,
               function (v) { data.confidence = v; });
    S.scoring(settingsBox, settings, { label: t.gettext("When learners see the answers"),
                                       choices: args.showanswer_choices });
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
      row.appendChild(el("p", { className: "nt-mc-flag-quote" }, "“" + form.text.slice(flag.start, flag.end) + "”"));
      f.text(row, t.format(t.gettext("Id of the flag “{text}”"), { text: form.text.slice(flag.start, flag.end) }),
             flag.id, function (v) { flag.id = v; item.body = X.toMarkup(form); refresh(); });
      f.text(row, t.format(t.gettext("Note for the flag “{text}” (shown in the feedback)"),
                          { text: form.text.slice(flag.start, flag.end) }),
             flag.note, function (v) { flag.note = v; item.body = X.toMarkup(form); refresh(); }, { wide: true });
      row.appendChild(f.button(t.gettext("Remove the flag"), function () {
        form.flags.splice(index, 1);
        item.body = X.toMarkup(form);
        drawFlags(box, item, form, area, refresh);
        refresh();
        changed();
        area.focus();
        kit.announce(t.format(t.gettext("The flag {id} is removed."), { id: flag.id }));
      }, { ariaLabel: t.format(t.gettext("Remove the flag {id}"), { id: flag.id }) }));
      listing.appendChild(row);
    });
    box.appendChild(listing);
  }

  function drawBody(box, item, refresh) {
    var form = X.toForm(item.body);
    if (!form) {
      f.textarea(box, t.gettext("Text of the item (as markup)"), item.body, function (v) { item.body = v; refresh(); },
                 { wide: true, rows: 6,
              help: t.gettext("This text has formatting the form cannot show, so it is edited as markup.") });
      return;
    }
    var flagsBox = el("div", { className: "nt-mc-flags-box" });
    var area = f.textarea(box, t.gettext("Text of the item"), form.text, function (v) {
      var shifted = X.shiftFlags(form.flags, form.text, v);
      form.text = v;
      form.flags = shifted.flags;
      item.body = X.toMarkup(form);
      if (shifted.dropped.length) {
        drawFlags(flagsBox, item, form, area, refresh);
        kit.announce(t.format(t.gettext("The flag {id} lost its text and is removed."), { id: shifted.dropped[0] }));
      }
      refresh();
    }, { wide: true, rows: 5,
         help: t.gettext("Separate paragraphs with an empty line. To mark a red flag, select its words here, then press “Mark selected text as a flag”.") });
    var markButton = f.button(t.gettext("Mark selected text as a flag"), function () {
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
      f.error(area, problem);
      if (problem) { kit.announce(problem); area.focus(); return; }
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
      box.appendChild(f.button(t.gettext("Add an image"), function () {
        item.media = { src: "", alt: null, caption: null };
        redrawAt(data.items.indexOf(item), "[data-media] input");
      }, { ariaLabel: t.format(t.gettext("Add an image to item {id}"), { id: item.id }) }));
      return;
    }
    var media = item.media;
    f.text(box, t.gettext("Image address (a course file: /static/name.jpg)"), media.src,
           function (v) { media.src = v; refresh(); }, { wide: true });
    f.text(box, t.gettext("Alt text: what the image shows (required)"), media.alt,
           function (v) { media.alt = v; refresh(); }, { wide: true, required: true, nullable: true });
    f.text(box, t.gettext("Caption (optional)"), media.caption, function (v) { media.caption = v; refresh(); },
           { wide: true, nullable: true });
    box.appendChild(f.button(t.gettext("Remove the image"), function () {
      item.media = null;
      redrawAt(data.items.indexOf(item), "[data-media] button");
      kit.announce(t.gettext("The image is removed."));
    }, { ariaLabel: t.format(t.gettext("Remove the image of item {id}"), { id: item.id }) }));
  }

  function drawLeads(box, item, refresh) {
    item.leads.forEach(function (lead, index) {
      var row = f.fieldset(box, t.format(t.gettext("Lead {id}"), { id: lead.id }),
                           { className: "nt-mc-row", "data-lead": lead.id });
      f.text(row, t.gettext("Id"), lead.id, function (v) { lead.id = v; refresh(); });
      f.text(row, t.gettext("Title (what the learner checks)"), lead.title, function (v) { lead.title = v; refresh(); },
             { wide: true }).setAttribute("data-lead-title", "");
      richField(row, t.gettext("What the check shows"), lead.body, function (v) { lead.body = v; refresh(); });
      f.checkbox(row, t.gettext("A useful move (counts for the grade)"), lead.useful,
                 function (v) { lead.useful = v; refresh(); });
      row.appendChild(f.button(t.gettext("Remove the lead"), function () {
        item.leads.splice(index, 1);
        redrawAt(data.items.indexOf(item), "[data-add-lead]");
        kit.announce(t.format(t.gettext("The lead {id} is removed."), { id: lead.id }));
      }, { ariaLabel: t.format(t.gettext("Remove the lead {id}"), { id: lead.id }) }));
    });
    box.appendChild(marked(f.button(t.gettext("Add a lead"), function () {
      item.leads.push({ id: freshId("lead"), useful: false, title: "", body: "" });
      redrawAt(data.items.indexOf(item), "[data-lead-title]", true);
    }, { ariaLabel: t.format(t.gettext("Add a lead to item {id}"), { id: item.id }) }), "data-add-lead"));
  }

  function drawSources(box, item, refresh) {
    item.sources.forEach(function (source, index) {
      var row = el("div", { className: "nt-mc-row", "data-source": "" });
      f.text(row, t.format(t.gettext("Source {number}: link (https://...)"), { number: index + 1 }), source.href,
             function (v) { source.href = v; refresh(); }, { wide: true }).setAttribute("data-source-href", "");
      f.text(row, t.format(t.gettext("Source {number}: title"), { number: index + 1 }), source.title,
             function (v) { source.title = v; refresh(); }, { wide: true });
      row.appendChild(f.button(t.gettext("Remove the source"), function () {
        item.sources.splice(index, 1);
        redrawAt(data.items.indexOf(item), "[data-add-source]");
      }, { ariaLabel: t.format(t.gettext("Remove source {number}"), { number: index + 1 }) }));
      box.appendChild(row);
    });
    box.appendChild(marked(f.button(t.gettext("Add a source"), function () {
      item.sources.push({ href: "https://", title: "" });
      redrawAt(data.items.indexOf(item), "[data-source-href]", true);
    }, { ariaLabel: t.format(t.gettext("Add a source to item {id}"), { id: item.id }) }), "data-add-source"));
  }

  function drawItem(item, index) {
    var li = el("li", { className: "nt-mc-edit-item", "data-item": item.id });
    var details = el("details");
    details.open = Boolean(open[index]);
    details.addEventListener("toggle", function () { open[index] = details.open; });
    var summary = el("summary", {}, item.id + " · " + (KINDS[item.kind] || item.kind));
    details.appendChild(summary);
    var body = el("div", { className: "nt-mc-edit-body" });
    var preview = el("div", { className: "nt-mc-preview-box" });
    function refresh() {
      summary.textContent = item.id + " · " + (KINDS[item.kind] || item.kind);
      window.MediacheckStudioPreview(preview, item, { t: t, X: X, verdict: verdictLabel });
    }
    var main = el("div", { className: "nt-mc-grid" });
    f.text(main, t.gettext("Id"), item.id, function (v) { item.id = v; refresh(); });
    f.select(main, t.gettext("Kind"), item.kind, function (v) { item.kind = v; refresh(); },
             { choices: (args.kinds || []).map(function (k) { return [k.id, k.label]; }) });
    f.select(main, t.gettext("Verdict"), item.verdict, function (v) { item.verdict = v; refresh(); },
          { choices: [["", t.gettext("(choose a verdict)")]].concat(scale().map(function (v) { return [v.id, v.label]; })) });
    body.appendChild(main);
    window.MediacheckStudioOrigin(body, item, { t: t, f: f, refresh: refresh });  // byline; made up or real
    drawBody(body, item, refresh);
    drawMedia(f.fieldset(body, t.gettext("Image"), { "data-media": "" }), item, refresh);
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
    f.moveButtons(actions, data.items, index, item.id, function (to, which) {
      swapOpen(index, to);
      draw(null);
      S.focusIn(list.children[to], ".nt-mc-item-actions button", which);
      S.moved(item.id, to, data.items.length);
    });
    actions.appendChild(f.button(t.gettext("Delete"), function () {
      data.items.splice(index, 1);
      open = {};
      draw(null);
      root.querySelector("[data-new-kind]").focus();
      kit.announce(t.format(t.gettext("The item {id} is deleted."), { id: item.id }));
    }, { ariaLabel: t.format(t.gettext("Delete item {id}"), { id: item.id }) }));
    li.appendChild(actions);
    list.appendChild(li);
    refresh();
  }

  /* Redraw, then focus `selector` inside item `index` (keyboard users keep their place). */
  function redrawAt(index, selector, last) {
    draw(null);
    S.focusIn(list.children[index], selector, last ? -1 : 0);
  }

  function swapOpen(a, b) { var keep = open[a]; open[a] = open[b]; open[b] = keep; }

  function draw(focusId) {
    S.redraw(focusId, function () {
      drawSettings();
      clear(list);
      data.items.forEach(drawItem);
      changed();
    });
  }

  /* Checks and saving ---------------------------------------------------------------- */

  function clean() {
    var copy = JSON.parse(JSON.stringify(data));
    copy.items.forEach(function (item) {
      item.sources = item.sources.map(function (s) {
        var href = s.href.trim();
        return { href: href, title: s.title.trim() || href };
      });
    });
    return copy;
  }

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
  return S.editor({
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
        S.problems(result.data.warnings.map(function (w) { return { severity: "warning", message: w }; }));
      }
    }
  });
}
