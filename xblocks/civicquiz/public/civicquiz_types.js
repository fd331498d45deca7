/* civicquiz question types in the browser: ONE table, keyed by the OLX type name, as question_types/ is on
   the server. Loaded before civicquiz.js (the learner view) and civicquiz_studio.js (the editor), which ask it
   instead of switching on the type. A new type is an entry here, a QuestionType module on the server and
   its fieldset in templates/student.html.

   An entry (every function optional but read):
     read(fs)                   the learner's answer in the server-rendered fieldset: null while there is
                                none, NaN for a number that is none;
     solution(box, fs, fb, h)   show the right answer in `box` (h: t, and inContent(node) for author text);
     label(t)                   its name in the editor;
     blank(q)                   what a new question of the type starts with (an empty list of options,
                                items or pairs; parts: how many of them the editor adds);
     oneCorrect                 marking an option correct unmarks the others;
     fields(grid, q, f, t)      the editor's fields of its answer (f: NoturibaKit.form);
     hint(t)                    a note above its parts in the editor;
     preview(box, q, h)         the text-only preview (h: t, plain(markup), el). */
(function (root) {
  "use strict";
  var ns = root.NoturibaCivicquiz = root.NoturibaCivicquiz || {};

  function el(tag, className, text) { return root.NoturibaKit.dom.el(tag, className ? { className: className } : {}, text); }
  function all(fs, selector) { return Array.prototype.slice.call(fs.querySelectorAll(selector)); }

  function checkedValue(fs, name) {
    var chosen = all(fs, "input[type=radio]").filter(function (input) { return input.name === name && input.checked; })[0];
    return chosen ? chosen.value : null;
  }

  // Learner side --------------------------------------------------------------------

  function optionLabel(fs, id) {
    var choice = fs.querySelector("[data-option='" + id.replace(/'/g, "") + "'] label");
    return choice ? choice.textContent.trim() : id;
  }

  function answerList(lead, labels, h) {  // interface words and author labels, each in its own language
    var line = el("p", null, lead);
    labels.forEach(function (label, i) { line.append(i ? "; " : " ", h.inContent(el("span", null, label))); });
    return line;
  }

  function rightOptions(box, fs, right, h) {
    all(fs, "[data-option]").forEach(function (choice) {
      choice.classList.toggle("nt-correct", right.indexOf(choice.getAttribute("data-option")) >= 0);
    });
    box.appendChild(answerList(h.t.ngettext("Correct answer:", "Correct answers:", right.length),
      right.map(function (id) { return optionLabel(fs, id); }), h));
  }

  function readNumber(fs) {
    var value = fs.querySelector("[data-number]").value.trim().replace(/\s/g, "").replace(",", ".");
    if (value === "") { return null; }
    return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : NaN;
  }

  function rightOrder(box, fs, fb, h) {
    box.appendChild(el("p", null, h.t.gettext("The right order:")));
    var list = el("ol");
    fb.solution.forEach(function (id) {
      var item = all(fs, "[data-item]").filter(function (node) { return node.getAttribute("data-item") === id; })[0];
      list.appendChild(el("li", null, item ? item.querySelector(".nt-order-label").textContent.trim() : id));
    });
    box.appendChild(list);
  }

  function readMatches(fs) {
    var value = {};
    all(fs, "select[data-left]").forEach(function (select) {
      if (select.value) { value[select.getAttribute("data-left")] = select.value; }
    });
    return Object.keys(value).length ? value : null;
  }

  function rightMatches(box, fs, fb, h) {
    box.appendChild(el("p", null, h.t.gettext("The right matches:")));
    var list = el("ul");
    all(fs, "select[data-left]").forEach(function (select) {
      var opaque = fb.solution[select.getAttribute("data-left")];
      var option = Array.prototype.slice.call(select.options).filter(function (o) { return o.value === opaque; })[0];
      var label = fs.querySelector("label[for='" + select.id + "']");
      list.appendChild(el("li", null, (label ? label.textContent.trim() : "") + " — " + (option ? option.text : "")));
    });
    box.appendChild(list);
  }

  // Editor side ---------------------------------------------------------------------

  function partsPreview(box, q, h) {
    var list = el(q.items ? "ol" : "ul");
    (q.options || q.items).forEach(function (part) { list.appendChild(el("li", null, h.plain(part.label))); });
    box.appendChild(list);
  }

  function note(text) { return function (box) { box.appendChild(el("p", "nt-muted", text)); }; }

  var TYPES = {
    single: {
      read: function (fs) { return checkedValue(fs, fs.id); },
      solution: function (box, fs, fb, h) { rightOptions(box, fs, [fb.solution], h); },
      label: function (t) { return t.gettext("Single choice"); },
      blank: function (q) { q.options = []; },
      parts: 2,
      oneCorrect: true,
      preview: partsPreview
    },
    multiple: {
      read: function (fs) {
        var value = all(fs, "input[type=checkbox]:checked").map(function (input) { return input.value; });
        return value.length ? value : null;
      },
      solution: function (box, fs, fb, h) { rightOptions(box, fs, fb.solution, h); },
      label: function (t) { return t.gettext("Multiple choice"); },
      blank: function (q) { q.options = []; },
      parts: 3,
      preview: partsPreview
    },
    truefalse: {
      read: function (fs) {
        var value = checkedValue(fs, fs.id);
        return value === null ? null : value === "true";
      },
      solution: function (box, fs, fb, h) {
        box.appendChild(el("p", null, fb.solution ? h.t.gettext("The statement is true.") :
          h.t.gettext("The statement is false.")));
      },
      label: function (t) { return t.gettext("True or false"); },
      blank: function (q) { q.answer = null; },
      fields: function (grid, q, f, t) {
        f.select(grid, t.gettext("The statement is"), q.answer === null || q.answer === undefined ? "" : String(q.answer),
                 function (v) { q.answer = v === "" ? null : v === "true"; },
                 { choices: [["", t.gettext("(not set)")], ["true", t.gettext("True")], ["false", t.gettext("False")]] });
      },
      preview: function (box, q, h) { note(h.t.gettext("True / False"))(box); }
    },
    numeric: {
      read: readNumber,
      solution: function (box, fs, fb, h) {
        var t = h.t;
        box.appendChild(el("p", null, fb.tolerance ?
          t.format(t.gettext("The answer is {value} (give or take {tolerance})."),
            { value: fb.solution, tolerance: fb.tolerance }) :
          t.format(t.gettext("The answer is {value}."), { value: fb.solution })));
      },
      label: function (t) { return t.gettext("Number"); },
      blank: function (q) { q.answer = null; q.tolerance = null; },
      fields: function (grid, q, f, t) {
        f.number(grid, t.gettext("Right answer (a number)"), q.answer, function (v) { q.answer = v; });
        f.number(grid, t.gettext("Tolerance (plus or minus; empty = exact)"), q.tolerance,
                 function (v) { q.tolerance = v; });
      },
      preview: function (box, q, h) { note(h.t.gettext("A box for a number"))(box); }
    },
    order: {
      read: function (fs) {
        // The start order is random, not an answer: it counts once the learner has moved an item.
        if (!fs.querySelector("[data-order]").hasAttribute("data-arranged")) { return null; }
        return all(fs, "[data-item]").map(function (item) { return item.getAttribute("data-item"); });
      },
      solution: rightOrder,
      label: function (t) { return t.gettext("Put in order"); },
      blank: function (q) { q.items = []; },
      parts: 3,
      hint: function (t) { return t.gettext("Write the items in the right order; learners get them shuffled."); },
      preview: partsPreview
    },
    match: {
      read: readMatches,
      solution: rightMatches,
      label: function (t) { return t.gettext("Match pairs"); },
      blank: function (q) { q.pairs = []; },
      parts: 2,
      preview: function (box, q, h) {
        var list = el("ul");
        q.pairs.forEach(function (pair) { list.appendChild(el("li", null, h.plain(pair.left) + " → …")); });
        box.appendChild(list);
        note(h.t.format(h.t.gettext("Matches to choose from: {list}"),
          { list: q.pairs.map(function (pair) { return h.plain(pair.right); }).join("; ") }))(box);
      }
    },
    scale: {
      read: function (fs) {
        var value = checkedValue(fs, fs.id);
        return value === null ? null : parseInt(value, 10);
      },
      label: function (t) { return t.gettext("Scale (survey)"); },
      blank: function (q) { q.min = 1; q.max = 5; q.low = ""; q.high = ""; },
      fields: function (grid, q, f, t) {
        f.number(grid, t.gettext("Lowest point"), q.min, function (v) { q.min = v; });
        f.number(grid, t.gettext("Highest point"), q.max, function (v) { q.max = v; });
        f.text(grid, t.gettext("Label of the lowest point"), q.low, function (v) { q.low = v; });
        f.text(grid, t.gettext("Label of the highest point"), q.high, function (v) { q.high = v; });
      },
      preview: function (box, q) { note(q.min + " " + (q.low || "") + " … " + q.max + " " + (q.high || ""))(box); }
    },
    text: {
      read: function (fs) {
        var value = fs.querySelector("[data-text]").value.trim();
        return value ? value : null;
      },
      label: function (t) { return t.gettext("Written answer (survey)"); },
      preview: function (box, q, h) { note(h.t.gettext("A box for a written answer"))(box); }
    }
  };

  ns.TYPES = TYPES;
  ns.checkedValue = checkedValue;
  /* The entry of `name`; a type the table lacks reads no answer and shows no solution. */
  ns.type = function (name) { return Object.prototype.hasOwnProperty.call(TYPES, name) ? TYPES[name] : { read: function () { return null; } }; };
}(window));
