/* civicquiz offline player, part: small helpers on lists of {id} and on the DOM, shared by the other parts.
   Author markup (sanitized by the exporter, noturiba.html.sanitize) is the only thing put in innerHTML. */
(function (root) {
  "use strict";
  var offline = root.NoturibaOffline = root.NoturibaOffline || { players: {}, grade: {} };
  offline.parts = offline.parts || {};
  var P = offline.parts.civicquiz = offline.parts.civicquiz || {};

  P.has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
  P.find = function (list, id) { return list.filter(function (part) { return part.id === id; })[0]; };

  /* The DOM helpers of one quiz: `contentLang` is the language of the author's text (lang on its nodes). */
  P.dom = function (kit, contentLang) {
    function el(tag, className, text, attrs) {
      var node = kit.dom.el(tag, attrs || {}, text);
      if (className) { node.className = className; }
      return node;
    }
    function inContent(node) { if (contentLang) { node.setAttribute("lang", contentLang); } return node; }
    function authored(node, html) {  // author markup, sanitized by the exporter (noturiba.html.sanitize)
      node.innerHTML = html;
      return inContent(node);
    }
    return { el: el, inContent: inContent, authored: authored };
  };
}(window));
