/* civicquiz, Studio: form helpers of the bank editor (labelled fields and buttons, inert plain text). */
(function (root) {
  "use strict";
  var BUTTON = "nt-button nt-secondary";  // i18n-ignore

  root.CivicquizForm = function (uid, onChange) {
    var counter = 0;

    function next() { counter += 1; return counter; }

    var el = window.NoturibaKit.dom.el;

    var clear = window.NoturibaKit.dom.clear;

    function button(parent, label, onClick, ariaLabel, id) {
      var node = el("button", { type: "button", className: BUTTON, id: id || uid + "-b" + next() }, label);
      if (ariaLabel) { node.setAttribute("aria-label", ariaLabel); }
      node.addEventListener("click", onClick);
      parent.appendChild(node);
      return node;
    }

    /* One labelled input. options: choices [[value, label]], area, checkbox, number, wide, id. */
    function field(parent, label, value, onInput, options) {
      options = options || {};
      var id = options.id || uid + "-f" + next();
      var wrap = el("div", { className: "nt-cq-field" + (options.wide ? " nt-cq-wide" : "") });  // i18n-ignore
      wrap.appendChild(el("label", { "for": id }, label));
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
        wrap.className += " nt-cq-check";
        wrap.insertBefore(input, wrap.firstChild);
      } else {
        input = el("input", { id: id, type: "text" });
        if (options.number) { input.setAttribute("inputmode", "decimal"); }
        input.value = value === null || value === undefined ? "" : value;
      }
      if (!options.checkbox) { wrap.appendChild(input); }
      input.addEventListener(options.checkbox || options.choices ? "change" : "input", function () {
        var result = options.checkbox ? input.checked : input.value;
        if (options.number) { result = input.value.trim() === "" ? null : numberOrText(input.value); }
        onInput(result);
        onChange();
      });
      parent.appendChild(wrap);
      return input;
    }

    function numberOrText(text) {
      var number = Number(text.trim().replace(",", "."));
      return isNaN(number) ? text : number;  // the server's check names a text that is no number
    }

    function plain(markup) {
      // An inert document: nothing in author markup runs or loads here.
      return new DOMParser().parseFromString("<body>" + (markup || ""), "text/html").body.textContent.trim();  // i18n-ignore
    }

    var move = window.NoturibaKit.dom.move;

    function freshId(used, prefix) {
      var number = 1;
      while (used.indexOf(prefix + number) >= 0) { number += 1; }
      return prefix + number;
    }

    function focus(id) { var node = document.getElementById(id); if (node) { node.focus(); } }

    return { el: el, clear: clear, button: button, field: field, plain: plain, move: move, freshId: freshId,
             focus: focus, reset: function () { counter = 0; } };
  };
}(window));
