/* Noturība shared kit: translation, handler calls, live announcements, Studio saves. */
(function (root) {
  "use strict";
  if (root.NoturibaKit) { return; }

  function domElement(element) {
    return element && element.jquery ? element[0] : element;
  }

  function translator(namespace) {
    var catalog = root[namespace];
    return {
      gettext: function (msgid) { return catalog ? catalog.gettext(msgid) : msgid; },
      ngettext: function (singular, plural, n) {
        return catalog ? catalog.ngettext(singular, plural, n) : (n === 1 ? singular : plural);
      },
      format: function (text, params) {
        return text.replace(/\{(\w+)\}/g, function (match, key) {
          return Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : match;
        });
      }
    };
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function create(runtime, element, namespace) {
    var rootElement = domElement(element);
    var t = translator(namespace);
    var live = rootElement.querySelector("[data-live]");

    function post(handler, payload) {
      return fetch(runtime.handlerUrl(rootElement, handler), {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          "X-CSRFToken": csrfToken(),
          "X-Requested-With": "XMLHttpRequest"
        },
        body: JSON.stringify(payload)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok && !data.error) {
            data.error = t.gettext("Something went wrong on the server. Please try again later.");
          }
          return { ok: response.ok, status: response.status, data: data };
        });
      }, function () {
        return { ok: false, status: 0, data: {
          error: t.gettext("The server could not be reached. Check your connection and try again.")
        } };
      });
    }

    function announce(text) {
      if (!live) { return; }
      live.textContent = "";
      root.setTimeout(function () { live.textContent = text; }, 50);
    }

    function studioSave(handler, payload, errorBox) {
      if (runtime.notify) { runtime.notify("save", { state: "start", message: t.gettext("Saving") }); }
      return post(handler, payload).then(function (result) {
        if (result.ok) {
          if (errorBox) { errorBox.hidden = true; errorBox.textContent = ""; }
          if (runtime.notify) { runtime.notify("save", { state: "end" }); }
          announce(t.gettext("Saved."));
        } else {
          if (errorBox) { errorBox.hidden = false; errorBox.textContent = result.data.error; errorBox.focus(); }
          if (runtime.notify) {
            runtime.notify("error", { title: t.gettext("Not saved"), message: result.data.error });
          }
          announce(result.data.error);
        }
        return result;
      });
    }

    return {
      root: rootElement,
      t: t,
      post: post,
      announce: announce,
      studioSave: studioSave,
      cancel: function () { if (runtime.notify) { runtime.notify("cancel", {}); } }
    };
  }

  root.NoturibaKit = { create: create, translator: translator };
}(window));
