/* Crisis drill, shared DOM helpers for the learner view (loaded first; crisisdrill_debrief.js and
   crisisdrill.js use them through window.NoturibaCrisisdrill). */
(function () {
  "use strict";
  var ns = window.NoturibaCrisisdrill = window.NoturibaCrisisdrill || {};

  /* contentLang: the language of the author's texts (the root's data-content-lang); every element holding
     author content says it, so a screen reader reads Latvian content with a Latvian voice (issue 14). */
  ns.dom = function (contentLang) {
    var el = window.NoturibaKit.dom.el;

    function inContent(node) {
      if (contentLang) { node.setAttribute("lang", contentLang); }
      return node;
    }

    function markup(tag, html, className) {
      /* Server-sanitised author markup only (noturiba.html.sanitize). */
      var node = inContent(el(tag, className ? { className: className } : {}));
      node.innerHTML = html || "";
      return node;
    }

    function text(tag, value, className) {
      /* Author plain text (a variable's label). */
      return inContent(el(tag, className ? { className: className } : {}, value));
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

    /* authored: the titles are the author's (the action card's built-in ones are in the interface language). */
    function sourcesList(sources, authored) {
      var list = el("ul", { className: "nt-cd-sources" });
      (sources || []).forEach(function (source) {
        var item = el("li");
        var link = el("a", { href: source.href, rel: "noopener noreferrer", target: "_blank" }, source.title);
        item.appendChild(authored === false ? link : inContent(link));
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

    return { el: el, markup: markup, text: text, plain: plain, button: button, clear: clear, sourcesList: sourcesList,
             labelledList: labelledList, inContent: inContent };
  };
}());
