/* Studio: edit a Noturība block as OLX; the server validates before it saves. */
function NoturibaOlxEditor(runtime, element, args) {
  "use strict";
  var kit = window.NoturibaKit.create(runtime, element, args.namespace);
  var form = kit.root.querySelector(".nt-olx-form");
  var errorBox = kit.root.querySelector(".nt-error");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    kit.studioSave("save_olx", {
      display_name: form.elements.display_name.value,
      olx: form.elements.olx.value
    }, errorBox);
  });
  kit.root.querySelector("[data-cancel]").addEventListener("click", kit.cancel);
}
