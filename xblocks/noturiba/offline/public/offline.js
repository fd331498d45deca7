/* Noturība offline pack: the shell. Starts every activity's player with its `ui`, keeps progress in
 * the browser's storage, shows it, and reports to a SCORM 1.2 API when the page runs inside an LMS
 * (Kolibri, Moodle, the Open edX SCORM block). No network: nothing here makes a request.
 *
 * Who the progress belongs to: on the plain site, whoever uses this browser (the start page and the
 * unit pages offer to forget it, for a shared library computer). Under an LMS, the LMS's learner:
 * the keys hold cmi.core.student_id, so the next learner on the same computer starts afresh; an LMS
 * that gives no id gets storage for its session only (sessionStorage, emptied at LMSFinish).
 *
 * SCORM 1.2 values: on start cmi.core.lesson_status "incomplete" (unless already set); on every
 * ui.finish(fraction): cmi.core.score.min 0, max 100, raw round(100 x fraction), or the score the
 * LMS already holds for this learner's attempt if that is higher (never another learner's or this
 * device's), lesson_status "completed" (practice has no pass mark, so never "passed"/"failed"),
 * cmi.core.session_time, LMSCommit; LMSFinish when the page goes away (not on a language switch,
 * whose next page goes on with the same session). */
(function (root) {
  "use strict";
  var NO = root.NoturibaOffline = root.NoturibaOffline || {};
  NO.players = NO.players || {};
  NO.grade = NO.grade || {};
  NO.activities = [];
  var PREFIX = "noturiba-offline";
  var ASSET = /(<img\b[^>]*?\ssrc=")nt-static:([^"]+)"/g;  // content.py's offline_markup
  var memory = {};  // storage refused (private mode, some file:// setups): progress for this visit only
  var place = { session: false, scope: "" };  // set by scormStart: whose progress, kept how long

  function storage() {
    try {
      var store = place.session ? root.sessionStorage : root.localStorage;
      store.setItem(PREFIX + ":probe", "1");
      store.removeItem(PREFIX + ":probe");
      return store;
    } catch (error) { return null; }
  }

  function read(key) {
    var store = storage();
    var text = store ? store.getItem(key) : memory[key];
    if (!text) { return null; }
    try { return JSON.parse(text); } catch (error) { return null; }
  }

  function write(key, value) {
    var store = storage();
    var text = value === null || value === undefined ? null : JSON.stringify(value);
    try {
      if (store && text === null) { store.removeItem(key); return; }
      if (store) { store.setItem(key, text); return; }
    } catch (error) { /* full or refused: keep it for this visit */ }
    if (text === null) { delete memory[key]; } else { memory[key] = text; }
  }

  function key(course, activity, what) { return PREFIX + ":" + course + ":" + place.scope + activity + ":" + what; }

  /* Remove every key of `course` (every learner's) from the store in use and from memory. */
  function forget(course) {
    var start = PREFIX + ":" + course + ":";
    var store = storage();
    var names = store ? Object.keys(store) : [];
    names.concat(Object.keys(memory)).forEach(function (name) {
      if (name.indexOf(start) !== 0) { return; }
      if (store) { store.removeItem(name); }
      delete memory[name];
    });
  }

  function fallbackTranslator() {
    return {
      gettext: function (msgid) { return msgid; },
      ngettext: function (singular, plural, n) { return n === 1 ? singular : plural; },
      format: function (text, params) {
        return text.replace(/\{(\w+)\}/g, function (match, name) {
          return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match;
        });
      }
    };
  }

  function translatorFor(body) {
    return root.NoturibaKit ? root.NoturibaKit.translator(body.getAttribute("data-i18n")) : fallbackTranslator();
  }

  function percent(fraction) { return String(Math.round(100 * fraction)) + "\u00a0%"; }

  /* SCORM 1.2: the API object is on this window, a parent frame or the opener (or their parents). */
  function apiIn(win) {
    for (var depth = 0; win && depth < 10; depth += 1) {
      try { if (win.API) { return win.API; } } catch (error) { return null; }  // a frame of another origin
      if (win.parent === win) { return null; }
      win = win.parent;
    }
    return null;
  }

  var scorm = { api: null, finished: false, started: new Date().getTime(), stay: false };

  function call(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    try { return String(scorm.api[method].apply(scorm.api, args)); } catch (error) { return "false"; }
  }

  function scormStart() {
    var api = apiIn(root);
    if (!api) { try { api = root.opener ? apiIn(root.opener) : null; } catch (error) { api = null; } }
    if (!api || typeof api.LMSInitialize !== "function") { return; }
    scorm.api = api;
    call("LMSInitialize", "");  // "false" when a page before this one began the session: go on with it
    var learner = call("LMSGetValue", "cmi.core.student_id");
    if (learner && learner !== "false" && learner !== "undefined" && learner !== "null") {
      place.scope = "@" + encodeURIComponent(learner) + ":";
    } else {
      place.session = true;
    }
    var status = call("LMSGetValue", "cmi.core.lesson_status");
    if (status === "not attempted" || status === "" || status === "false") {
      call("LMSSetValue", "cmi.core.lesson_status", "incomplete");
      call("LMSCommit", "");
    }
  }

  function two(n) { return n < 10 ? "0" + n : String(n); }

  function sessionTime() {
    var seconds = Math.floor((new Date().getTime() - scorm.started) / 1000);
    var hours = Math.min(Math.floor(seconds / 3600), 9999);
    return ("000" + hours).slice(-4) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60);
  }

  function scormReport(fraction) {
    if (!scorm.api || scorm.finished) { return; }
    var raw = Math.round(100 * fraction);
    var held = parseFloat(call("LMSGetValue", "cmi.core.score.raw"));  // this attempt's, from an earlier page
    if (held > raw && held <= 100) { raw = Math.round(held); }
    call("LMSSetValue", "cmi.core.score.min", "0");
    call("LMSSetValue", "cmi.core.score.max", "100");
    call("LMSSetValue", "cmi.core.score.raw", String(raw));
    call("LMSSetValue", "cmi.core.lesson_status", "completed");
    call("LMSSetValue", "cmi.core.session_time", sessionTime());
    call("LMSCommit", "");
  }

  function scormFinish() {
    if (!scorm.api || scorm.finished || scorm.stay) { return; }
    scorm.finished = true;
    if (place.session) { forget(document.body.getAttribute("data-course")); }  // the session is over
    call("LMSFinish", "");
  }

  function result(course, activity) { return read(key(course, activity, "result")); }

  function doneCount(course, names) {
    var done = 0;
    names.forEach(function (name) { var r = result(course, name); if (r && r.done) { done += 1; } });
    return done;
  }

  function showProgress(body, t) {
    var course = body.getAttribute("data-course");
    var nodes = body.querySelectorAll("[data-offline-progress], [data-offline-activities]");
    Array.prototype.forEach.call(nodes, function (node) {
      var list = node.getAttribute("data-offline-progress") || node.getAttribute("data-offline-activities") || "";
      var names = list.split(" ").filter(function (name) { return name; });
      var done = doneCount(course, names);
      if (!node.hasAttribute("data-offline-progress") && done === 0) { node.textContent = ""; return; }
      node.textContent = t.format(t.ngettext("{done} of {count} activity done", "{done} of {count} activities done",
                                             names.length), { done: done, count: names.length });
      node.classList.toggle("nt-offline-all-done", names.length > 0 && done === names.length);
    });
    NO.activities.forEach(function (entry) { entry.showStatus(); });
  }

  function announcer(body) {
    var live = body.querySelector("[data-offline-live]");
    return function (text) {
      if (!live) { return; }
      live.textContent = "";
      root.setTimeout(function () { live.textContent = text; }, 50);
    };
  }

  function makeUi(body, element, t) {
    var course = body.getAttribute("data-course");
    var activity = element.getAttribute("data-activity");
    var kind = element.getAttribute("data-kind");
    var base = body.getAttribute("data-root") || "";
    return {
      t: t,
      lang: body.getAttribute("data-lang") || "lv",
      load: function () { return read(key(course, activity, "state")); },
      save: function (state) { write(key(course, activity, "state"), state); },
      finish: function (fraction) {
        var value = Math.max(0, Math.min(1, Number(fraction) || 0));
        var before = result(course, activity) || {};
        var best = Math.max(before.best || 0, value);
        write(key(course, activity, "result"), { done: true, best: best, last: value });
        scormReport(value);
        showProgress(body, t);
      },
      asset: function (path) {
        var text = String(path);
        if (text.indexOf("/static/") === 0) { return base + "assets/static/" + text.slice("/static/".length); }
        return base + "assets/" + kind + "/" + text;
      },
      announce: announcer(body)
    };
  }

  function statusLine(body, element, t) {
    var course = body.getAttribute("data-course");
    var activity = element.getAttribute("data-activity");
    var line = document.createElement("p");
    line.className = "nt-offline-status";
    element.parentNode.insertBefore(line, element);
    return function () {
      var r = result(course, activity);
      line.hidden = !(r && r.done);
      line.textContent = r && r.done ? t.format(t.gettext("Done before; your best score here: {score}."),
                                                { score: percent(r.best) }) : "";
    };
  }

  /* The pack's copy of every course image in the activity's markup (no src a browser would fetch before). */
  function withAssets(value, ui) {
    if (typeof value === "string") {
      return value.replace(ASSET, function (match, head, name) { return head + ui.asset("/static/" + name) + '"'; });
    }
    if (Array.isArray(value)) { return value.map(function (item) { return withAssets(item, ui); }); }
    if (value && typeof value === "object") {
      Object.keys(value).forEach(function (name) { value[name] = withAssets(value[name], ui); });
    }
    return value;
  }

  function startActivity(body, element, t) {
    var ui = makeUi(body, element, t);
    var entry = { element: element, ui: ui, showStatus: statusLine(body, element, t) };
    NO.activities.push(entry);
    var player = NO.players[element.getAttribute("data-kind")];
    var island = document.getElementById(element.getAttribute("data-island"));
    try {
      if (!player || !island) { throw new Error("no-player"); }
      player(element, withAssets(JSON.parse(island.textContent), ui), ui);
    } catch (error) {
      element.textContent = t.gettext("This activity cannot be shown here.");
      if (root.console) { root.console.error(error); }
    }
  }

  var FORGOTTEN = PREFIX + ":forgotten";  // survives the reload that clears the players' screens

  /* "Forget my progress on this computer" (start and unit pages, plain site only): asks in the page,
     removes every key of the course, says so; a page with activities reloads so that none shows old answers. */
  function forgetButtons(body, t) {
    var course = body.getAttribute("data-course");
    var announce = announcer(body);
    var said = false;
    try { said = root.sessionStorage.getItem(FORGOTTEN) === course; root.sessionStorage.removeItem(FORGOTTEN); }
    catch (error) { said = false; }
    var done = t.gettext("Your progress in this course is forgotten on this computer.");
    Array.prototype.forEach.call(body.querySelectorAll("[data-offline-forget]"), function (box, number) {
      var button = box.querySelector("button");
      if (scorm.api || !button || !root.NoturibaKit) { return; }
      box.hidden = false;
      button.addEventListener("click", function () {
        root.NoturibaKit.confirm(button, "nt-offline-forget-confirm-" + number,
          t.gettext("Forget every answer and all progress in this course on this computer? This cannot be undone."),
          t.gettext("Forget my progress"), t.gettext("Cancel"), function (yes) {
            if (!yes) { return; }
            forget(course);
            if (NO.activities.length) {
              try { root.sessionStorage.setItem(FORGOTTEN, course); } catch (error) { /* said after reload, or not */ }
              root.location.reload();
              return;
            }
            showProgress(body, t);
            button.focus();
            announce(done);
          });
      });
      if (said && number === 0) { announce(done); }
    });
  }

  function start() {
    var body = document.body;
    var t = translatorFor(body);
    NO.t = t;
    scormStart();
    Array.prototype.forEach.call(body.querySelectorAll(".noturiba-offline-activity"), function (element) {
      startActivity(body, element, t);
    });
    showProgress(body, t);
    forgetButtons(body, t);
    Array.prototype.forEach.call(body.querySelectorAll("[data-offline-lang]"), function (link) {
      link.addEventListener("click", function (event) {
        // Only a switch in this frame continues the session (not a link opened in a new tab or window).
        scorm.stay = !(event.ctrlKey || event.metaKey || event.shiftKey || event.button);
      });
    });
    root.addEventListener("pagehide", scormFinish);  // the unload that also fires where "unload" no longer does
    root.addEventListener("pageshow", function (event) {
      if (event.persisted) { scorm.stay = false; showProgress(body, t); }
    });
  }

  NO.scorm = scorm;
  NO.start = start;
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}(window));
