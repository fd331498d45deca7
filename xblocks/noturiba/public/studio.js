/* Noturība kit, Studio: the form editors' field builders (NoturibaKit.form) and their common start
 * (NoturibaKit.studio: kit, t, root, uid, the JSON island, the live checks, the one save).
 * Everything is built with createElement/textContent: author text never goes through innerHTML. */
(function (root) {
  "use strict";
  var Kit = root.NoturibaKit;
  if (!Kit || Kit.form) { return; }
  var el = Kit.dom.el;
  var clear = Kit.dom.clear;

  function shown(value) { return value === null || value === undefined ? "" : String(value); }

  /* A number field is a text field (inputmode decimal): "0,7" is read as 0.7, and a text that is no number
   * is sent as written so that the server's check names the field (type=number would send nothing). */
  function numberOrText(text) {
    if (text.trim() === "") { return null; }
    var number = Number(text.trim().replace(",", "."));
    return isNaN(number) ? text : number;
  }

  /* The text of author markup for previews and summaries, read as a browser reads HTML: pasted HTML that
   * is no XML (a <br>, an unclosed <p>, a bare &) still has its text, as the server repairs such HTML rather
   * than refusing it. In an inert document: nothing in it runs or loads. Paragraphs and breaks become spaces. */
  function plainText(markup) {
    var body = new root.DOMParser().parseFromString("<body>" + (markup || ""), "text/html").body;
    var breaks = body.querySelectorAll(["p", "br", "li", "div", "blockquote", "figcaption"].join());
    Array.prototype.forEach.call(breaks, function (node) {
      node.appendChild(body.ownerDocument.createTextNode(" "));
    });
    return body.textContent.replace(/\s+/g, " ").trim();
  }

  /* A labelled field around `input` (its help, required mark) for the builders of form(). */
  function fieldBox(prefix, label, input, opts) {
    var id = input.id;
    var check = input.type === "checkbox";
    var box = el("div", { className: prefix + "-field" + (opts.wide ? " " + prefix + "-wide" : "") +
                                     (check ? " " + prefix + "-check" : "") });
    var labelNode = el("label", { "for": id }, label);
    var help = opts.help ? el("span", { id: id + "-help", className: "nt-muted " + prefix + "-help" }, opts.help) : null;
    if (help) { input.setAttribute("aria-describedby", help.id); }
    if (opts.required) { input.setAttribute("aria-required", "true"); }
    (check ? [input, labelNode, help] : [labelNode, help, input]).forEach(function (node) {
      if (node) { box.appendChild(node); }
    });
    return box;
  }

  /* After every edit of `input`: opts.onInput(read(input)) ("" is null when opts.nullable), then onChange(). */
  function listen(input, opts, read, onChange) {
    var event = input.type === "checkbox" || input.tagName === "SELECT" ? "change" : "input";
    input.addEventListener(event, function () {
      var value = read(input);
      opts.onInput(opts.nullable && value === "" ? null : value);
      onChange();
    });
    if (opts.committed && event === "input") {
      input.addEventListener("change", function () { opts.committed(input); });
    }
  }

  function textValue(input) { return input.value; }

  function valued(tag, attrs) {
    return function (id, value) {
      attrs.id = id;
      var input = el(tag, attrs);
      input.value = shown(value);
      return input;
    };
  }

  /* The inputs of the builders: [make(id, value, opts), read(input)] per kind of field. */
  var INPUTS = {
    text: [function (id, value) { return valued("input", { type: "text" })(id, value); }, textValue],
    textarea: [function (id, value, opts) { return valued("textarea", { rows: opts.rows || 3 })(id, value); }, textValue],
    number: [function (id, value) { return valued("input", { type: "text", inputmode: "decimal" })(id, value); },
             function (input) { return numberOrText(input.value); }],
    select: [function (id, value, opts) {
      var input = el("select", { id: id });
      (opts.choices || []).forEach(function (choice) {
        var option = el("option", { value: choice[0] }, choice[1]);
        option.selected = String(choice[0]) === shown(value);
        input.appendChild(option);
      });
      return input;
    }, textValue],
    checkbox: [function (id, value) {
      var input = el("input", { id: id, type: "checkbox" });
      input.checked = Boolean(value);
      return input;
    }, function (input) { return input.checked; }]
  };

  /* A group of fields with its legend, appended to `parent`; attrs as Kit.dom.el takes them. */
  function fieldset(parent, legend, attrs) {
    var set = el("fieldset", attrs || {});
    set.appendChild(el("legend", {}, legend));
    parent.appendChild(set);
    return set;
  }

  /* The one button of the editors. opts: className (default a secondary button), ariaLabel, id (else nextId("b")). */
  function button(nextId, label, onClick, opts) {
    opts = opts || {};
    var node = el("button", { type: "button", className: opts.className || "nt-button nt-secondary",
                              id: opts.id || nextId("b") }, label);
    if (opts.ariaLabel) { node.setAttribute("aria-label", opts.ariaLabel); }
    node.addEventListener("click", onClick);
    return node;
  }

  /* "Move up" and "Move down" for array[index] (their aria-labels name `label`), appended to `parent`;
   * after a move, moved(newIndex, which) (which: 0 up, 1 down). ids: [up, down] (optional). */
  function moveButtons(f, t, parent, array, index, label, moved, ids) {
    [[-1, t.gettext("Move up"), t.gettext("Move up: {label}")],
     [1, t.gettext("Move down"), t.gettext("Move down: {label}")]].forEach(function (spec, which) {
      parent.appendChild(f.button(spec[1], function () {
        if (Kit.dom.move(array, index, spec[0])) { moved(index + spec[0], which); }
      }, { ariaLabel: t.format(spec[2], { label: label }), id: ids && ids[which] }));
    });
  }

  /* Show (or with no message, clear) the error of the field of `input`, in a slot after it (made on
   * first use, so a field without errors has none), tied to it by aria-describedby. */
  function fieldError(prefix, input, message) {
    var slot = document.getElementById(input.id + "-error");
    if (!slot && !message) { return; }
    if (!slot) {
      slot = el("span", { id: input.id + "-error", className: "nt-field-error " + prefix + "-form-error" });
      input.parentNode.appendChild(slot);
    }
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== slot.id;
    });
    slot.textContent = message || "";
    slot.hidden = !message;
    if (message) { described.push(slot.id); input.setAttribute("aria-invalid", "true"); } else {
      input.removeAttribute("aria-invalid");
    }
    if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); } else {
      input.removeAttribute("aria-describedby");
    }
  }

  /* Field builders of one editor. Ids are `uid`-f<n> and -b<n>, from a counter reset() restarts before a
   * redraw. options: prefix (the block's class prefix: <prefix>-field, -wide, -check, -help), t (the
   * translator), onChange() after every edit. Each builder takes (parent, label, value, onInput, opts) and returns
   * the input; opts: id, help, wide, required, nullable (text: "" is null), rows, choices (select),
   * committed(input) (text: on the "change" event, after the edit is done). */
  function form(uid, options) {
    var prefix = options.prefix;
    var onChange = options.onChange || function () {};
    var counter = 0;

    function nextId(kind) { counter += 1; return uid + "-" + kind + counter; }

    function builder(kind) {
      var make = INPUTS[kind][0], read = INPUTS[kind][1];
      return function (parent, label, value, onInput, opts) {
        opts = opts || {};
        var input = make(opts.id || nextId("f"), value, opts);
        var spec = { help: opts.help, wide: opts.wide, required: opts.required, nullable: opts.nullable,
                     committed: opts.committed, onInput: onInput };
        var box = fieldBox(prefix, label, input, spec);
        listen(input, spec, read, onChange);
        parent.appendChild(box);
        return input;
      };
    }

    var api = {
      fieldset: fieldset,
      button: function (label, onClick, opts) { return button(nextId, label, onClick, opts); },
      moveButtons: function (parent, array, index, label, moved, ids) {
        moveButtons(api, options.t, parent, array, index, label, moved, ids);
      },
      error: function (input, message) { fieldError(prefix, input, message); },
      reset: function () { counter = 0; }
    };
    Object.keys(INPUTS).forEach(function (kind) { api[kind] = builder(kind); });
    return api;
  }

  /* The server's checks drawn in `box`: "No problems found." or a list of errors and warnings. */
  function drawProblems(box, list, t, prefix, warningClass) {
    clear(box);
    if (!list.length) {
      box.appendChild(el("p", { className: prefix + "-ok" }, t.gettext("No problems found.")));
      return;
    }
    var listing = el("ul");
    list.forEach(function (problem) {
      var error = problem.severity === "error";
      listing.appendChild(el("li", { className: error ? prefix + "-problem" : warningClass || prefix + "-warning" },
                             (error ? t.gettext("Error:") : t.gettext("Warning:")) + " " + problem.message));
    });
    box.appendChild(listing);
  }

  /* A function that posts content() to `handler` 400 ms after its last call and show()s the problems. */
  function delayedCheck(kit, handler, content, show) {
    var timer = null;
    return function () {
      if (timer) { root.clearTimeout(timer); }
      timer = root.setTimeout(function () {
        kit.post(handler, { content: content() }).then(function (result) {
          show(result.ok ? result.data.problems : [{ severity: "error", message: result.data.error, id: null }],
               result);
        });
      }, 400);
    };
  }

  /* Focus the `which`-th element (-1: the last) that matches `selector` in `container`. */
  function focusIn(container, selector, which) {
    var found = container ? container.querySelectorAll(selector) : [];
    var target = found[which < 0 ? found.length + which : which];
    if (target) { target.focus(); }
  }

  function focus(id) { var node = id && document.getElementById(id); if (node) { node.focus(); } }

  /* The scoring settings of every block (noturiba.base EDITABLE_SETTINGS) into `settings`, with the ids
   * <uid>-weight, -attempts, -pass and -showanswer. An emptied field sends null: the server keeps the value
   * (max_attempts: unlimited). showanswer: {label, choices}. */
  function scoringFields(f, t, uid, parent, settings, showanswer) {
    [["weight", t.gettext("Weight in the course grade"), "-weight"],
     ["max_attempts", t.gettext("Maximum attempts (empty = unlimited)"), "-attempts"],
     ["pass_threshold", t.gettext("Pass mark (0 to 1)"), "-pass"]].forEach(function (spec) {
      f.number(parent, spec[1], settings[spec[0]], function (v) { settings[spec[0]] = v; }, { id: uid + spec[2] });
    });
    f.select(parent, showanswer.label, settings.showanswer, function (v) { settings.showanswer = v; },
             { id: uid + "-showanswer", choices: showanswer.choices || [] });
  }

  /* `prefix` and the first number that makes an id not in `used` (a list of ids). */
  function freshId(used, prefix) {
    var number = 1;
    while (used.indexOf(prefix + number) >= 0) { number += 1; }
    return prefix + number;
  }

  /* The start every form editor shares. spec: root (the selector of the form's element), island (the id
   * of its JSON island, from the init args), prefix (its class prefix), onChange() after every edit.
   * Returns kit, t, uid, root, island, form, errorBox, and: problems(list) draws the server's checks in
   * [data-problems]; checker(handler, content, show) a function that runs the checks 400 ms after the
   * last call; editor(formSpec) the kit's one editor (studioEditor: the form, the OLX view, one save);
   * scoring, redraw, focus, focusIn, moved and freshId. */
  function studio(runtime, element, args, spec) {
    var kit = Kit.create(runtime, element, args.namespace);
    var t = kit.t;
    var rootNode = kit.root.querySelector(spec.root);
    var problemsBox = rootNode.querySelector("[data-problems]");
    var errorBox = rootNode.querySelector("[data-form-error]");
    var f = form(args.uid, { prefix: spec.prefix, onChange: spec.onChange, t: t });

    function problems(list) { drawProblems(problemsBox, list, t, spec.prefix, spec.warningClass); }

    function editor(formSpec) {
      var options = { panel: rootNode.querySelector("[data-form-view]"), nameInput: rootNode.querySelector("[data-name]"),
                      errorBox: errorBox };
      Object.keys(formSpec).forEach(function (key) { options[key] = formSpec[key]; });
      return Kit.studioEditor(runtime, element, { namespace: args.namespace, kit: kit, form: options });
    }

    /* Redraw the form with paint(), then give the focus back (keyboard users keep their place): to the
     * element with the id `focusId`, or with none given to the one that had it; null leaves it. */
    function redraw(focusId, paint) {
      var active = focusId === null ? null : focusId || (document.activeElement && document.activeElement.id);
      f.reset();
      paint();
      focus(active);
    }

    return {
      kit: kit, t: t, uid: args.uid, root: rootNode, island: Kit.island(spec.island), errorBox: errorBox, form: f,
      problems: problems, editor: editor, focus: focus, focusIn: focusIn, redraw: redraw, freshId: freshId,
      checker: function (handler, content, show) { return delayedCheck(kit, handler, content, show || problems); },
      scoring: function (parent, settings, showanswer) { scoringFields(f, t, args.uid, parent, settings, showanswer); },
      /* Say where an item that was moved stands now (the move buttons keep the focus). */
      moved: function (label, index, total) {
        kit.announce(t.format(t.gettext("{label} is now number {position} of {total}."),
                              { label: label, position: index + 1, total: total }));
      }
    };
  }

  Kit.form = form;
  Kit.studio = studio;
  Kit.dom.text = plainText;
}(window));
