/* Studio: one editor, one save. A block's form and its OLX are two views of one content model: only
 * the view on screen is edited, switching views carries its edits over (the server converts them,
 * convert_olx), and every save control (Studio's modal Save, the editor's own Save) runs the same save.
 *
 * Studio's legacy modal (cms/static/js/views/modals/edit_xblock.js) shows its Save and Cancel only
 * when the object the init function returns has `save`; its Save calls save() and, if that returns
 * field data, writes it itself. save() here returns nothing: it posts to the block's save_content
 * and notifies the runtime, 'save' start then end (the modal closes) or 'error' (it stays open). */
(function (root) {
  "use strict";
  var Kit = root.NoturibaKit;
  if (!Kit || Kit.studioEditor) { return; }
  var el = Kit.dom.el;

  /* options: namespace, kit (the editor's own, optional), and `form` (absent for the OLX editor alone):
   *   panel, nameInput, errorBox: the form's elements;
   *   state() -> {content, settings}; load(content) redraws the form with a converted model;
   *   check() -> a message when the form refuses to save (optional); saved(result) (optional). */
  function studioEditor(runtime, element, options) {
    var kit = options.kit || Kit.create(runtime, element, options.namespace);
    var t = kit.t;
    var form = options.form || null;
    var olxRoot = kit.root.querySelector(".nt-olx-editor");
    var uid = olxRoot.getAttribute("data-uid");
    var olxForm = olxRoot.querySelector(".nt-olx-form");
    var olxView = olxRoot.querySelector("[data-olx-view]");
    var olxArea = olxForm.elements.olx;
    var olxName = olxForm.elements.display_name;
    var olxError = olxForm.querySelector(".nt-error");
    var actions = olxRoot.querySelector("[data-actions]");
    var view = form ? "form" : "olx";
    var tabs = {};
    var busy = false;
    // What the form and the OLX held when they last showed the same model (then no conversion is needed).
    var formAt = form ? snapshot() : null;
    var olxAt = olxArea.value;

    function snapshot() { return JSON.stringify(form.state()); }

    function hideErrors() {
      [olxError, form && form.errorBox].forEach(function (box) {
        if (box) { box.hidden = true; box.textContent = ""; }
      });
    }

    function showError(box, message) {
      box.hidden = false;
      box.textContent = message;
      box.focus();
      kit.announce(message);
    }

    /* The form's model as OLX, in the OLX view. Resolves to true when the OLX view is current. */
    function toOlx() {
      olxName.value = form.nameInput.value;
      if (snapshot() === formAt) { return Promise.resolve(true); }
      return kit.post("convert_olx", { content: form.state().content }).then(function (result) {
        if (!result.ok) {
          showError(form.errorBox, t.format(t.gettext("Fix the form first: {error}"), { error: result.data.error }));
          return false;
        }
        olxArea.value = result.data.olx;
        olxAt = olxArea.value;
        formAt = snapshot();
        return true;
      });
    }

    /* The OLX view's model, in the form. Resolves to an error message, or null when the form is current. */
    function toForm() {
      form.nameInput.value = olxName.value;
      if (olxArea.value === olxAt) { return Promise.resolve(null); }
      return kit.post("convert_olx", { olx: olxArea.value }).then(function (result) {
        if (!result.ok) { return result.data.error; }
        form.load(result.data.content);
        formAt = snapshot();
        olxAt = olxArea.value;
        return null;
      });
    }

    function select(name) {
      view = name;
      form.panel.hidden = name !== "form";
      olxView.hidden = name !== "olx";
      Object.keys(tabs).forEach(function (key) {
        tabs[key].setAttribute("aria-selected", String(key === name));
        tabs[key].tabIndex = key === name ? 0 : -1;
      });
    }

    function show(name) {
      if (name === view || busy) { return; }
      busy = true;
      hideErrors();
      var step = name === "olx" ? toOlx() : toForm().then(function (error) {
        if (error) { showError(olxError, t.format(t.gettext("Fix the OLX first: {error}"), { error: error })); }
        return !error;
      });
      step.then(function (ok) {
        busy = false;
        if (ok) { select(name); }
      });
    }

    function onTabKey(event) {
      var order = ["form", "olx"];
      var index = order.indexOf(event.currentTarget.getAttribute("data-view"));
      var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: order.length - 1 }[event.key];
      if (next === undefined) { return; }
      event.preventDefault();
      tabs[order[(next + order.length) % order.length]].focus();
    }

    function buildTabs() {
      var list = el("div", { className: "nt-views", role: "tablist", "aria-label": t.gettext("Editor view") });
      var views = [
        ["form", t.gettext("Form"), form.panel],
        ["olx", t.gettext("OLX"), olxView]
      ];
      views.forEach(function (spec) {
        var panel = spec[2];
        var panelId = uid + "-view-" + spec[0];
        var tabId = panelId + "-tab";
        var tab = el("button", { type: "button", role: "tab", className: "nt-button", id: tabId,
                                 "aria-controls": panelId, "data-view": spec[0] }, spec[1]);
        panel.id = panelId;
        panel.setAttribute("role", "tabpanel");
        panel.setAttribute("aria-labelledby", tabId);
        tab.addEventListener("click", function () { show(spec[0]); });
        tab.addEventListener("keydown", onTabKey);
        tabs[spec[0]] = tab;
        list.appendChild(tab);
      });
      form.panel.parentNode.insertBefore(list, form.panel);
      select("form");
    }

    function saveContent(errorBox) {
      var state = form.state();
      kit.studioSave("save_content", { display_name: form.nameInput.value, content: state.content,
                                       settings: state.settings }, errorBox).then(function (result) {
        busy = false;
        if (result.ok) {
          hideErrors();
          if (form.saved) { form.saved(result); }
        }
      });
    }

    /* The one save. It returns nothing, so that Studio's modal does not write field data of its own. */
    function save() {
      if (busy) { return; }
      busy = true;
      if (!form) {
        kit.studioSave("save_olx", { display_name: olxName.value, olx: olxArea.value }, olxError)
          .then(function () { busy = false; });
        return;
      }
      if (view === "form") {
        var problem = form.check ? form.check() : null;
        if (problem) { busy = false; kit.studioError(problem, form.errorBox); return; }
        saveContent(form.errorBox);
        return;
      }
      toForm().then(function (error) {
        if (error) { busy = false; kit.studioError(error, olxError); return; }
        saveContent(olxError);
      });
    }

    /* In Studio's modal its own Save and Cancel are the editor's: the editor's buttons step aside. */
    function modalButtons() { actions.hidden = true; }

    if (form) { buildTabs(); }
    olxForm.addEventListener("submit", function (event) { event.preventDefault(); save(); });
    actions.querySelector("[data-save]").addEventListener("click", function (event) {
      event.preventDefault();
      save();
    });
    actions.querySelector("[data-cancel]").addEventListener("click", kit.cancel);
    if (kit.root.closest(".modal-window")) { modalButtons(); }
    if (typeof runtime.listenTo === "function") {
      runtime.listenTo("modal-shown", modalButtons);
    }
    return { save: save };
  }

  Kit.studioEditor = studioEditor;
}(window));

/* The OLX editor alone (a block without a form editor): the same save contract. */
function NoturibaOlxEditor(runtime, element, args) {
  "use strict";
  return window.NoturibaKit.studioEditor(runtime, element, { namespace: args.namespace });
}
