/* mediacheck, Studio: the form widgets (labelled inputs with unique ids) and the live preview of an item.
 * Everything is built with createElement/textContent: author text never goes through innerHTML. */
(function (root) {
  "use strict";

  /* Widgets: el, clear, button, field, richField; ids are `uid` + a counter that reset() restarts. */
  root.MediacheckStudioWidgets = function (uid, t, X, onChange) {
    var counter = 0;

    var el = window.NoturibaKit.dom.el;

    var clear = window.NoturibaKit.dom.clear;

    function nextId(prefix) { counter += 1; return uid + "-" + prefix + counter; }

    function button(label, onClick, ariaLabel, marker) {
      var node = el("button", { type: "button", className: "nt-button nt-secondary", id: nextId("b") }, label);  // i18n-ignore
      if (ariaLabel) { node.setAttribute("aria-label", ariaLabel); }
      if (marker) { node.setAttribute(marker, ""); }
      node.addEventListener("click", onClick);
      return node;
    }

    /* A labelled input; onInput(value) runs on every change, then the preview and the checks follow. */
    function field(parent, label, value, onInput, options) {
      options = options || {};
      var id = nextId("f");
      var wrap = el("div", { className: "nt-mc-field" + (options.wide ? " nt-mc-wide" : "") });  // i18n-ignore
      var labelNode = el("label", { "for": id }, label);
      var input;
      if (options.choices) {
        input = el("select", { id: id });
        options.choices.forEach(function (choice) {
          var opt = el("option", { value: choice[0] }, choice[1]);
          opt.selected = String(choice[0]) === String(value === null || value === undefined ? "" : value);
          input.appendChild(opt);
        });
      } else if (options.area) {
        input = el("textarea", { id: id, rows: options.rows || 3 });
        input.value = value || "";
      } else if (options.checkbox) {
        input = el("input", { id: id, type: "checkbox" });
        input.checked = Boolean(value);
      } else {
        input = el("input", { id: id, type: options.number ? "number" : "text" });  // i18n-ignore
        if (options.number) { input.setAttribute("step", "any"); }
        input.value = value === null || value === undefined ? "" : value;
      }
      if (options.required) { input.setAttribute("aria-required", "true"); }
      if (options.help) {
        var help = el("span", { id: id + "-help", className: "nt-muted nt-mc-help" }, options.help);  // i18n-ignore
        input.setAttribute("aria-describedby", id + "-help");
      }
      if (options.checkbox) {
        wrap.className += " nt-mc-check";
        wrap.appendChild(input);
        wrap.appendChild(labelNode);
      } else {
        wrap.appendChild(labelNode);
        if (help) { wrap.appendChild(help); }
        wrap.appendChild(input);
      }
      if (options.checkbox && help) { wrap.appendChild(help); }
      input.addEventListener(options.checkbox || options.choices ? "change" : "input", function () {
        var result = options.checkbox ? input.checked : input.value;
        if (options.number) { result = input.value === "" ? null : Number(input.value); }
        if (options.nullable && result === "") { result = null; }
        onInput(result, input);
        onChange();
      });
      parent.appendChild(wrap);
      return input;
    }

    /* Rich text (lead text, explanation): plain paragraphs when the markup is simple, else the markup itself. */
    function richField(parent, label, markup, onInput) {
      var plain = X.richToPlain(markup);
      if (plain !== null) {
        var useP = /^\s*<p>/.test(markup || "");
        return field(parent, label, plain, function (v) { onInput(X.plainToRich(v, useP)); },
                     { area: true, wide: true, help: t.gettext("Separate paragraphs with an empty line.") });
      }
      return field(parent, label, markup, onInput, { area: true, wide: true, rows: 5,
        help: t.gettext("This text has formatting the form cannot show, so it is edited as markup.") });
    }

    return { el: el, clear: clear, button: button, field: field, richField: richField,
             reset: function () { counter = 0; } };
  };

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  /* A read-only rendering of an item card from the form state (what learners will see, plus the answers). */
  root.MediacheckStudioPreview = function (box, item, ctx) {
    var t = ctx.t;
    var X = ctx.X;
    while (box.firstChild) { box.removeChild(box.firstChild); }
    box.appendChild(make("h5", "", t.format(t.gettext("Preview of item {id}"), { id: item.id })));
    var card = make("div", "nt-card nt-mc-card nt-mc-preview-card nt-kind-" + item.kind);  // i18n-ignore
    card.appendChild(make("p", "nt-practice-label", t.gettext("Practice material: made up for this exercise")));
    var origin = item.origin || {};
    if (item.kind === "message") {
      card.appendChild(make("p", "nt-mc-forwarded", t.gettext("Forwarded message") + (origin.name ? ": " + origin.name : "")));  // i18n-ignore
    } else if (item.origin) {
      var who = make("p", "nt-mc-who");
      if (origin.name) { who.appendChild(make("strong", "nt-mc-name", origin.name)); }
      if (origin.handle) { who.appendChild(make("span", "nt-mc-handle", " " + origin.handle)); }
      var meta = [origin.platform, origin.date].filter(Boolean).join(" · ");  // i18n-ignore
      if (meta) { who.appendChild(make("span", "nt-mc-meta", " " + meta)); }
      card.appendChild(who);
    }
    var body = make("div", "nt-mc-body" + (item.kind === "headline" ? " nt-mc-headline" : ""));  // i18n-ignore
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
        t.format(t.gettext("Image: {alt}"), { alt: item.media.alt }) : t.gettext("Image without alt text!")));  // i18n-ignore
      if (item.media.caption) { card.appendChild(make("p", "nt-mc-meta", item.media.caption)); }
    }
    var domain = X.domain(origin.url);
    if (domain && item.kind !== "message") { card.appendChild(make("p", "nt-mc-preview nt-mc-domain", domain)); }  // i18n-ignore
    box.appendChild(card);
    var answers = make("dl", "nt-mc-preview-answers");
    function row(term, value) {
      answers.appendChild(make("dt", "", term));
      answers.appendChild(make("dd", "", value));
    }
    row(t.gettext("Verdict"), item.verdict ? ctx.verdict(item.verdict) : t.gettext("(none yet)"));  // i18n-ignore
    row(t.gettext("Red flags"), form && form.flags.length ? form.flags.map(function (flag) {
      return "“" + form.text.slice(flag.start, flag.end) + "”" + (flag.note ? ": " + flag.note : "");  // i18n-ignore
    }).join("; ") : t.gettext("(none yet)"));
    row(t.gettext("Leads"), item.leads.length ? item.leads.map(function (lead) {
      return lead.title + " (" + (lead.useful ? t.gettext("useful") : t.gettext("not much help")) + ")";  // i18n-ignore
    }).join("; ") : t.gettext("(none yet)"));
    if (item.explanation) { row(t.gettext("Explanation"), X.textOf(item.explanation)); }
    box.appendChild(answers);
  };
}(window));
