/* mediacheck, Studio: an item's byline and provenance fields (with the kit's form builders) and the live
 * preview of an item. Everything is built with createElement/textContent: author text never goes through innerHTML. */
(function (root) {
  "use strict";

  var el = root.NoturibaKit.dom.el;

  var BYLINE = ["name", "handle", "platform", "date", "url"];

  /* An item's byline (<origin>, shown before answering) and whether it is made up or real (origin="real"
   * with <published>, shown only after answering). ctx: { t, f (the kit's form builders), refresh }. */
  root.MediacheckStudioOrigin = function (parent, item, ctx) {
    var t = ctx.t;
    var f = ctx.f;
    var labels = [t.gettext("Author or publisher"), t.gettext("Handle (e.g. @name)"), t.gettext("Platform"),
                  t.gettext("Date (YYYY-MM-DD)"), t.gettext("Link (the preview shows its domain)")];
    var byline = f.fieldset(parent, t.gettext("Where it appears to come from"), { className: "nt-mc-grid" });
    BYLINE.forEach(function (name, index) {
      f.text(byline, labels[index], item.origin ? item.origin[name] : null, function (v) {
        item.origin = item.origin || { name: null, handle: null, platform: null, date: null, url: null };
        item.origin[name] = v;
        if (BYLINE.every(function (key) { return !item.origin[key]; })) { item.origin = null; }
        ctx.refresh();
      }, { nullable: true });
    });
    item.provenance = item.provenance || "made-up";
    var box = f.fieldset(parent, t.gettext("Made up or real"), { className: "nt-mc-grid", "data-provenance": "" });
    var where = el("div", { className: "nt-mc-wide" });  // no grid class here: display: grid would beat [hidden]
    var grid = where.appendChild(el("div", { className: "nt-mc-grid" }));
    f.select(box, t.gettext("This item is"), item.provenance, function (v) {
      item.provenance = v;
      if (v === "real") {
        item.published = item.published || { outlet: "", date: null, href: "https://" };
      } else {
        item.published = null;
      }
      where.hidden = v !== "real";
      ctx.refresh();
    }, { choices: [["made-up", t.gettext("Made up for this exercise")],
                   ["real", t.gettext("Real: a published headline or a documented case")]],
         help: t.gettext("Learners see which it is only after answering; a real item names where it was published.") });
    var fields = [["outlet", t.gettext("Published by (outlet or fact-checker)")],
                  ["date", t.gettext("Publication date (YYYY-MM-DD)")], ["href", t.gettext("Link to the publication")]];
    fields.forEach(function (pair) {
      f.text(grid, pair[1], item.published ? item.published[pair[0]] : null, function (v) {
        item.published = item.published || { outlet: "", date: null, href: "" };
        item.published[pair[0]] = pair[0] === "date" ? v : (v || "");
        ctx.refresh();
      }, { nullable: pair[0] === "date", wide: pair[0] !== "date" });
    });
    where.hidden = item.provenance !== "real";
    box.appendChild(where);
  };

  function make(tag, className, text) { return el(tag, className ? { className: className } : {}, text); }

  /* A read-only rendering of an item card from the form state (what learners will see, plus the answers). */
  root.MediacheckStudioPreview = function (box, item, ctx) {
    var t = ctx.t;
    var X = ctx.X;
    root.NoturibaKit.dom.clear(box);
    box.appendChild(make("h5", "", t.format(t.gettext("Preview of item {id}"), { id: item.id })));
    var card = make("div", "nt-card nt-mc-card nt-mc-preview-card nt-kind-" + item.kind);
    if (item.provenance !== "real") {  // a block with a real item shows one note above the items instead
      card.appendChild(make("p", "nt-practice-label", t.gettext("Practice material: made up for this exercise")));
    }
    var origin = item.origin || {};
    if (item.kind === "message") {
      card.appendChild(make("p", "nt-mc-forwarded", t.gettext("Forwarded message") + (origin.name ? ": " + origin.name : "")));
    } else if (item.origin) {
      var who = make("p", "nt-mc-who");
      if (origin.name) { who.appendChild(make("strong", "nt-mc-name", origin.name)); }
      if (origin.handle) { who.appendChild(make("span", "nt-mc-handle", " " + origin.handle)); }
      var meta = [origin.platform, origin.date].filter(Boolean).join(" · ");
      if (meta) { who.appendChild(make("span", "nt-mc-meta", " " + meta)); }
      card.appendChild(who);
    }
    var body = make("div", "nt-mc-body" + (item.kind === "headline" ? " nt-mc-headline" : ""));
    var form = X.toForm(item.body);
    if (form) {
      X.paragraphRanges(form.text).forEach(function (range) {
        var p = make("p");
        var pos = range[0];
        form.flags.forEach(function (flag) {
          if (flag.start < range[0] || flag.start >= range[1]) { return; }
          p.appendChild(document.createTextNode(form.text.slice(pos, flag.start)));
          var mark = make("mark", "nt-mc-flag-mark", form.text.slice(flag.start, Math.min(flag.end, range[1])));
          p.appendChild(mark);
          pos = Math.min(flag.end, range[1]);
        });
        p.appendChild(document.createTextNode(form.text.slice(pos, range[1])));
        body.appendChild(p);
      });
    } else {
      body.appendChild(make("p", "", X.textOf(item.body)));
    }
    if (!body.firstChild) { body.appendChild(make("p", "nt-muted", t.gettext("(no text yet)"))); }
    card.appendChild(body);
    if (item.media) {
      card.appendChild(make("p", "nt-mc-preview-image", item.media.alt ?
        t.format(t.gettext("Image: {alt}"), { alt: item.media.alt }) : t.gettext("Image without alt text!")));
      if (item.media.caption) { card.appendChild(make("p", "nt-mc-meta", item.media.caption)); }
    }
    var domain = X.domain(origin.url);
    if (domain && item.kind !== "message") { card.appendChild(make("p", "nt-mc-preview nt-mc-domain", domain)); }
    box.appendChild(card);
    var answers = make("dl", "nt-mc-preview-answers");
    function row(term, value) {
      answers.appendChild(make("dt", "", term));
      answers.appendChild(make("dd", "", value));
    }
    row(t.gettext("Verdict"), item.verdict ? ctx.verdict(item.verdict) : t.gettext("(none yet)"));
    row(t.gettext("Red flags"), form && form.flags.length ? form.flags.map(function (flag) {
      return "“" + form.text.slice(flag.start, flag.end) + "”" + (flag.note ? ": " + flag.note : "");
    }).join("; ") : t.gettext("(none yet)"));
    row(t.gettext("Leads"), item.leads.length ? item.leads.map(function (lead) {
      return lead.title + " (" + (lead.useful ? t.gettext("useful") : t.gettext("not much help")) + ")";
    }).join("; ") : t.gettext("(none yet)"));
    if (item.explanation) { row(t.gettext("Explanation"), X.textOf(item.explanation)); }
    var published = item.published || {};
    row(t.gettext("Made up or real"), item.provenance === "real" ?
      t.format(t.gettext("Real: {where}"), { where: [published.outlet, published.date, published.href]
        .filter(Boolean).join(", ") || t.gettext("(none yet)") }) :
      t.gettext("Made up for this exercise"));
    box.appendChild(answers);
  };
}(window));
