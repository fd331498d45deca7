/* Crisis drill, shared DOM helpers for the learner view (loaded first; crisisdrill_debrief.js and
   crisisdrill.js use them through window.NoturibaCrisisdrill). */
(function () {
  "use strict";
  var ns = window.NoturibaCrisisdrill = window.NoturibaCrisisdrill || {};

  ns.dom = function () {
    var el = window.NoturibaKit.dom.el;

    function markup(tag, html, className) {
      /* Server-sanitised author markup only (noturiba.html.sanitize). */
      var node = el(tag, className ? { className: className } : {});
      node.innerHTML = html || "";
      return node;
    }

    function plain(html) {
      var box = document.createElement("div");
      box.innerHTML = html || "";
      return (box.textContent || "").trim();
    }

    function button(label, className, onClick) {
      var node = el("button", { type: "button", className: "nt-button" + (className ? " " + className : "") }, label);
      node.addEventListener("click", onClick);
      return node;
    }

    var clear = window.NoturibaKit.dom.clear;

    function sourcesList(sources) {
      var list = el("ul", { className: "nt-cd-sources" });
      (sources || []).forEach(function (source) {
        var item = el("li");
        item.appendChild(el("a", { href: source.href, rel: "noopener noreferrer", target: "_blank" }, source.title));  // i18n-ignore
        list.appendChild(item);
      });
      return list;
    }

    function labelledList(title, labels, tag) {
      var wrap = el("div");
      wrap.appendChild(el("p", {}, title));
      var list = el(tag || "ul");
      labels.forEach(function (label) { list.appendChild(markup("li", label)); });
      wrap.appendChild(list);
      return wrap;
    }

    return { el: el, markup: markup, plain: plain, button: button, clear: clear, sourcesList: sourcesList,
             labelledList: labelledList };
  };
}());
