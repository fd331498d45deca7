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
      },
      percent: function (value) { return percent(value); }
    };
  }

  /* Small DOM helpers the blocks' form editors share (text only: never innerHTML). */
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "className") { node.className = attrs[key]; } else { node.setAttribute(key, attrs[key]); }
    });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  /* One way to write a percentage in every block and language: the number, a no-break space, "%"
   * ("50 %", as Latvian, Russian and Ukrainian typography ask); noturiba.messages.percent is its twin. */
  function percent(value) { return String(Math.round(value)) + "\u00a0%"; }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  /* The one way data that holds author or learner text reaches a block's script: the JSON island
   * noturiba.fragments.json_island wrote, found by the id the init args carry (null if absent). */
  function island(id) {
    var node = id && document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  /* Ask before an irreversible step, in the page (not window.confirm, which blocks the page, cannot
     be styled or translated in its buttons and is suppressed in some embedded views). The question
     takes the focus, so screen readers read it; Tab reaches the two buttons; Escape or `no` cancel
     and give the focus back to `opener`. Calls `then(true|false)` once. */
  function confirm(opener, id, text, yes, no, then) {
    var old = document.getElementById(id);
    if (old) { old.parentNode.removeChild(old); }
    var box = el("div", { className: "nt-card nt-confirm", id: id, role: "group", "aria-labelledby": id + "-text",
                          "data-confirm": "" });
    var question = el("p", { className: "nt-confirm-text", id: id + "-text", tabindex: "-1" }, text);
    var yesButton = el("button", { className: "nt-button", type: "button", "data-confirm-yes": "" }, yes);
    var noButton = el("button", { className: "nt-button nt-secondary", type: "button", "data-confirm-no": "" }, no);
    var actions = el("div", { className: "nt-confirm-actions" });
    actions.appendChild(yesButton);
    actions.appendChild(noButton);
    box.appendChild(question);
    box.appendChild(actions);
    function done(answer) {
      if (!box.parentNode) { return; }
      box.parentNode.removeChild(box);
      if (!answer) { opener.focus(); }
      then(answer);
    }
    yesButton.addEventListener("click", function () { done(true); });
    noButton.addEventListener("click", function () { done(false); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { event.preventDefault(); done(false); }
    });
    opener.parentNode.insertBefore(box, opener.nextSibling);
    question.focus();
  }

  /* Swap array[index] with its neighbour `delta` away; false when that is off either end. */
  function move(array, index, delta) {
    var other = index + delta;
    if (other < 0 || other >= array.length) { return false; }
    var item = array[index];
    array[index] = array[other];
    array[other] = item;
    return true;
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

    /* A save that failed: the reason at the editor (focused), to Studio (its error notice), and spoken. */
    function studioError(message, errorBox) {
      if (errorBox) { errorBox.hidden = false; errorBox.textContent = message; errorBox.focus(); }
      if (runtime.notify) { runtime.notify("error", { title: t.gettext("Not saved"), message: message }); }
      announce(message);
    }

    /* Studio's save contract (cms.runtime.v1): notify save start, then end (the modal closes and the
     * block is refreshed) or error (the modal stays open with the editor's changes). */
    function studioSave(handler, payload, errorBox) {
      if (runtime.notify) { runtime.notify("save", { state: "start", message: t.gettext("Saving") }); }
      return post(handler, payload).then(function (result) {
        if (result.ok) {
          if (errorBox) { errorBox.hidden = true; errorBox.textContent = ""; }
          if (runtime.notify) { runtime.notify("save", { state: "end" }); }
          announce(t.gettext("Saved."));
        } else {
          studioError(result.data.error, errorBox);
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
      studioError: studioError,
      cancel: function () { if (runtime.notify) { runtime.notify("cancel", {}); } }
    };
  }

  root.NoturibaKit = { create: create, translator: translator, percent: percent, confirm: confirm, island: island,
                       dom: { el: el, clear: clear, move: move } };
}(window));
