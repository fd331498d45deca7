/* Crisis drill offline player, part: the DOM helpers (crisisdrill_dom.js's, for a page without the block's
   scripts). Author markup in `data` is sanitised by the exporter; nothing else goes to innerHTML. */
(function (root) {
  "use strict";
  var ns = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  ns.parts = ns.parts || {};
  var P = ns.parts.crisisdrill = ns.parts.crisisdrill || {};

  /* The helpers of one drill: `contentLang` is the language of the author's text (lang on its nodes). */
  P.dom = function (contentLang) {
    var el = root.NoturibaKit.dom.el;
    function inContent(node) { if (contentLang) { node.setAttribute("lang", contentLang); } return node; }
    function markup(tag, html, className) {
      var node = inContent(el(tag, className ? { className: className } : {}));
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
    function sourcesList(sources, authored) {
      var list = el("ul", { className: "nt-cd-sources" });
      (sources || []).forEach(function (source) {
        var link = el("a", { href: source.href, rel: "noopener noreferrer", target: "_blank" }, source.title);
        list.appendChild(el("li")).appendChild(authored === false ? link : inContent(link));
      });
      return list;
    }
    function labelled(title, labels, tag) {
      var wrap = el("div");
      wrap.appendChild(el("p", {}, title));
      var list = wrap.appendChild(el(tag || "ul"));
      labels.forEach(function (label) { list.appendChild(markup("li", label)); });
      return wrap;
    }
    return { inContent: inContent, markup: markup, plain: plain, button: button, sourcesList: sourcesList,
             labelled: labelled };
  };
}(window));
