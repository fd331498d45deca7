"""Studio's legacy editor modal, emulated in Chromium around each block's studio_view, on the installed wheel.

The Authoring MFE edits a third-party block in Studio's legacy modal, inside its iframe (docs/platform.md section 6).
What the emulation below does comes from reading these openedx-platform files (none is copied):

- cms/static/js/views/modals/edit_xblock.js (EditXBlockModal): the modal loads the block's studio_view and
  hides its action bar until the block is initialised. `canSave()` is `xblock.save || xblock.collectFieldData`
  on the object the init function returned; without either, `disableSave()` hides Save and turns Cancel into
  "Close", which closes without saving. An editor with an `.editor-with-buttons` element keeps its own
  buttons and the modal shows none. Save calls `getXBlockFieldData()` and, only if that returns data, writes
  it itself (`xblockInfo.save(data)`), then `onSave()`: it tells the MFE (postMessage), hides and refreshes.
  After the block is shown the modal notifies the runtime 'modal-shown' with itself.
- cms/static/js/views/xblock_editor.js (XBlockEditorView.getXBlockFieldData): `collectFieldData()` if the
  block has it, otherwise `save()`; `hasCustomButtons()` looks for `.editor-with-buttons`.
- cms/static/js/xblock/cms.runtime.v1.js (BaseRuntime.v1): notify() dispatches to listeners; 'save' with
  state 'start' shows a "Saving" notice, with state 'end' calls the shown modal's onSave(); 'cancel' calls
  modal.cancel(); 'error' shows an error notice with data.title and data.message; 'modal-shown' and
  'modal-hidden' remember the modal.
- common/static/js/xblock/core.js (constructBlock): the init function is called with `new`, as
  (runtime, element, init args); the object it returns (or the new instance) is the block, and it gets
  `.runtime` and `.element`. The init args are read from, and removed from, the element.

The harness fetches a block's studio_view afresh (as the modal does), puts it in a modal window in place of
the workbench's own copy and initialises it like core.js with a runtime that behaves as above (its handler
URLs are the workbench's), so what is asserted is the contract, with the block's real handlers behind it.
"""

import pytest

pytestmark = pytest.mark.browser

BLOCKS = {  # block type: (workbench scenario, studio init function, the student view's title)
    "mediacheck": ("mediacheck.0", "MediacheckStudio", ".nt-mc-title"),
    "crisisdrill": ("crisisdrill.0", "CrisisdrillStudio", ".nt-cd-title"),
    "civicquiz": ("civicquiz.0", "CivicquizStudio", ".nt-title"),
}

MODAL = r"""async (initName) => {
  const response = await fetch(location.href, {credentials: "same-origin"});
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = doc.querySelector(`[data-init="${initName}"]`);
  const shown = document.querySelector(`[data-init="${initName}"]`);
  const modal = document.createElement("div");
  modal.className = "modal-window modal-editor confirm";
  modal.setAttribute("role", "dialog");
  modal.innerHTML = '<div class="modal-content"><div class="xblock-editor"></div></div>' +
    '<div class="modal-actions"><button type="button" class="action-save">Save</button> ' +
    '<button type="button" class="action-cancel">Cancel</button></div>';
  shown.replaceWith(modal);
  const element = document.importNode(fresh, true);
  modal.querySelector(".xblock-editor").appendChild(element);
  const argsNode = element.querySelector(":scope > .xblock_json_init_args, :scope > .xblock-json-init-args");
  const initArgs = argsNode ? JSON.parse(argsNode.textContent) : {};
  if (argsNode) { argsNode.remove(); }

  const state = {calls: [], alerts: [], notice: null, open: true, refreshed: 0, restSaves: []};
  const listeners = {};
  const workbench = RuntimeProvider.getRuntime(1);
  const runtime = {
    handlerUrl: (el, name, suffix, query) => workbench.handlerUrl(el, name, suffix, query),
    notify(name, data) {
      state.calls.push([name, name === "modal-shown" || data === undefined ? null : JSON.parse(JSON.stringify(data))]);
      (listeners[name] || []).forEach((callback) => callback.call(runtime, data));
    },
    listenTo(name, callback) { (listeners[name] = listeners[name] || []).push(callback); },
  };
  runtime.listenTo("save", function (data) {
    if (data.state === "start") { state.notice = data.message || "Saving"; }
    if (data.state === "end") {
      state.notice = null;
      if (this.modal && this.modal.onSave) { this.modal.onSave(); }
    }
  });
  runtime.listenTo("cancel", function () { if (this.modal) { this.modal.cancel(); this.notify("modal-hidden"); } });
  runtime.listenTo("error", function (data) {
    const message = data.message || data.msg;
    if (message) { state.alerts.push({title: data.title, message: message}); }
  });
  runtime.listenTo("modal-shown", function (data) { this.modal = data; });
  runtime.listenTo("modal-hidden", function () { this.modal = null; });

  const initFn = window[initName];
  function Block() { return initFn.apply(this, [runtime, element, initArgs]); }
  Block.prototype = initFn.prototype;
  const block = new Block();
  block.runtime = runtime;
  block.element = element;

  const saveButton = modal.querySelector(".action-save");
  const cancelButton = modal.querySelector(".action-cancel");
  const editModal = {
    onSave() { state.open = false; state.refreshed += 1; modal.hidden = true; },
    cancel() { state.open = false; modal.hidden = true; },
    save() {
      let data = null;
      try {
        if (block.collectFieldData) { data = block.collectFieldData(); }
        else if (block.save) { data = block.save(); }
      } catch (error) { state.parseError = String(error); return; }
      if (data) { state.restSaves.push(data); editModal.onSave(); }
    },
  };
  saveButton.addEventListener("click", () => editModal.save());
  cancelButton.addEventListener("click", () => editModal.cancel());
  runtime.notify("modal-shown", editModal);
  const customButtons = element.querySelector(".editor-with-buttons") !== null;
  if (!customButtons && !(block.save || block.collectFieldData)) {
    saveButton.hidden = true;
    cancelButton.textContent = "Close";
  }
  window.__modal = {state, block, element};
  return {hasSave: typeof block.save === "function", customButtons: customButtons,
          saveShown: !customButtons && !saveButton.hidden, cancelText: cancelButton.textContent};
}"""

# The save pressed after call number `from` has ended: the runtime heard 'save' end or 'error'.
DONE = """(from) => __modal.state.calls.slice(from).some(
    c => c[0] === 'error' || (c[0] === 'save' && c[1].state === 'end'))"""


def open_in_modal(page, workbench, block_type):
    scenario, init, _ = BLOCKS[block_type]
    page.goto(f"{workbench}/scenario/{scenario}/studio_view/?lang=lv")
    page.locator(".nt-olx-editor").wait_for()
    shown = page.evaluate(MODAL, init)
    return page.locator(".modal-window .xblock-editor"), shown


def press_modal_save(page):
    before = page.evaluate("__modal.state.calls.length")
    page.locator(".modal-window .action-save").click()
    page.wait_for_function(DONE, arg=before)
    return page.evaluate("__modal.state")


def save_calls(state):
    return [call for call in state["calls"] if call[0] in ("save", "error")]


def student_title(page, workbench, block_type):
    scenario, _, title = BLOCKS[block_type]
    page.goto(f"{workbench}/scenario/{scenario}/student_view/?lang=lv")
    return page.locator(title).inner_text()


@pytest.mark.parametrize("block_type", list(BLOCKS))
def test_the_modal_shows_its_save_and_its_save_stores_the_edit(workbench, page, block_type):
    editor, shown = open_in_modal(page, workbench, block_type)
    assert shown == {"hasSave": True, "customButtons": False, "saveShown": True, "cancelText": "Cancel"}, shown
    # One save control in the modal: the editor's own Save and Cancel step aside for the modal's.
    assert editor.locator("[data-save]").is_hidden()
    editor.locator("[data-form-view] [data-name]").fill("Nosaukums no modālā loga")
    state = press_modal_save(page)
    assert [call[1].get("state") for call in save_calls(state)] == ["start", "end"], state["calls"]
    assert state["alerts"] == [] and state["open"] is False and state["refreshed"] == 1
    assert state["restSaves"] == [], "save() must not hand the modal field data to write a second time"
    assert student_title(page, workbench, block_type) == "Nosaukums no modālā loga"
    assert page.js_errors == [], page.js_errors


@pytest.mark.parametrize("block_type", list(BLOCKS))
def test_a_title_changed_in_the_form_survives_the_save_button_a_new_user_presses(workbench, page, block_type):
    """The reported loss: a new title in the form, then the editor's "Saglabāt"; it said saved, the title was gone."""
    scenario, _, _ = BLOCKS[block_type]
    page.goto(f"{workbench}/scenario/{scenario}/studio_view/?lang=lv")
    page.locator(".nt-olx-editor").wait_for()
    page.locator(".noturiba [data-name]").fill("Jauns nosaukums veidlapā")
    with page.expect_response(lambda response: "/save_" in response.url) as saved:
        page.get_by_role("button", name="Saglabāt", exact=True).click()
    assert saved.value.ok
    page.wait_for_function("document.querySelector('[data-live]').textContent.includes('Saglabāts')")
    assert student_title(page, workbench, block_type) == "Jauns nosaukums veidlapā"
    assert page.js_errors == [], page.js_errors


def test_olx_saved_then_a_form_edit_saved_keeps_both(workbench, page):
    """Edit the OLX and save: the form shows it; a later form save keeps it (no stale copy either way)."""
    page.goto(f"{workbench}/scenario/crisisdrill.0/studio_view/?lang=lv")
    page.locator(".nt-olx-editor").wait_for()
    page.locator("[role=tab][data-view=olx]").click()
    olx = page.locator("textarea[name=olx]")
    olx.wait_for()
    olx.fill(olx.input_value().replace("Ko jūs darāt vispirms?", "Ko jūs darāt pirmām kārtām?"))
    with page.expect_response(lambda response: "/save_content/" in response.url) as saved:
        page.locator("[data-save]").click()
    assert saved.value.ok
    page.locator("[role=tab][data-view=form]").click()
    page.locator("[data-form-view]").wait_for()
    texts = page.evaluate("Array.from(document.querySelectorAll('[data-form-view] textarea')).map(a => a.value)")
    assert any("pirmām kārtām" in text for text in texts), "the form does not show the saved OLX"
    page.locator("[data-form-view] [data-name]").fill("Sirēna: jauns nosaukums")
    with page.expect_response(lambda response: "/save_content/" in response.url) as saved:
        page.locator("[data-save]").click()
    assert saved.value.ok
    assert student_title(page, workbench, "crisisdrill") == "Sirēna: jauns nosaukums"
    assert "Ko jūs darāt pirmām kārtām?" in page.locator(".nt-crisisdrill").inner_text()
    assert page.js_errors == [], page.js_errors


def test_switching_views_carries_the_edits_and_the_tabs_work_by_keyboard(workbench, page):
    editor, _ = open_in_modal(page, workbench, "crisisdrill")
    editor.locator("[data-form-view] [data-name]").fill("Pārnests nosaukums")
    editor.locator("[data-add-node]").click()  # a new step, "step1", only in the form so far
    form_tab = editor.locator("[role=tab][data-view=form]")
    form_tab.focus()
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.getAttribute('data-view')") == "olx"
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.modal-window [role=tab][data-view=olx]')"
                           ".getAttribute('aria-selected') === 'true'")
    assert editor.locator("[data-form-view]").is_hidden()
    assert 'id="step1"' in editor.locator("textarea[name=olx]").input_value()
    assert editor.locator("input[name=display_name]").input_value() == "Pārnests nosaukums"
    # Save from the OLX view stores the carried edits; the refused step is reported, nothing is written.
    state = press_modal_save(page)
    assert [call[0] for call in save_calls(state)] == ["save", "error"] and state["open"] is True
    assert "step1" in state["alerts"][0]["message"]
    assert "step1" in editor.locator(".nt-error").inner_text()
    assert page.js_errors == [], page.js_errors


def test_a_failed_save_keeps_the_modal_open_with_the_reason_and_loses_nothing(workbench, page):
    editor, _ = open_in_modal(page, workbench, "crisisdrill")
    before = page.evaluate("__modal.element.querySelector('[data-name]').value")
    editor.locator("[data-form-view] [data-name]").fill("Nosaukums pēc kļūdas")
    editor.locator("[data-add-node]").click()  # unreachable: the server refuses the content
    state = press_modal_save(page)
    assert [call[1].get("state", "error") for call in save_calls(state)] == ["start", "error"], state["calls"]
    assert state["open"] is True and state["refreshed"] == 0
    assert state["alerts"][0]["title"] == "Nav saglabāts" and "step1" in state["alerts"][0]["message"]
    error = editor.locator("[data-form-error]")
    assert error.is_visible() and "step1" in error.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-form-error')")
    # The OLX view refuses broken OLX the same way, at the OLX.
    editor.locator("[role=tab][data-view=olx]").click()
    olx = editor.locator("textarea[name=olx]")
    olx.wait_for()
    olx.fill(olx.input_value() + "<broken")
    state = press_modal_save(page)
    assert save_calls(state)[-1][0] == "error" and "rinda" in state["alerts"][-1]["message"]  # "Line N: ..."
    assert state["open"] is True and "rinda" in editor.locator(".nt-error").inner_text()
    # Nothing was written: the learner still sees the saved drill, under its old title.
    other = page.context.new_page()
    other.goto(page.url.replace("studio_view", "student_view"))
    assert other.locator(".nt-cd-title").inner_text() == before
    other.close()
    # The editor kept the trainer's work: fix the OLX, drop the step, and the title is saved.
    olx.fill(olx.input_value().replace("<broken", ""))
    editor.locator("[role=tab][data-view=form]").click()
    editor.get_by_role("button", name="Dzēst mezglu step1").click()
    state = press_modal_save(page)
    assert save_calls(state)[-1] == ["save", {"state": "end"}] and state["open"] is False
    assert student_title(page, workbench, "crisisdrill") == "Nosaukums pēc kļūdas"
    assert page.js_errors == [], page.js_errors
