/* mediacheck, Studio: the body and rich text of an item as plain text for the form editor, and back.
 *
 * A body the form can edit is text and <flag id note> elements, optionally in <p> paragraphs. In the form
 * it is plain text (paragraphs separated by an empty line) plus flags as character ranges
 * {id, note, start, end}. Anything richer (links, emphasis, images, other attributes) is left to the
 * OLX editor: toForm() returns null and the form edits such a body as markup. Author text is parsed
 * with DOMParser as XML (never inserted into the page) and written back escaped.
 */
(function (root) {
  "use strict";
  if (root.MediacheckStudioText) { return; }

  function parseXml(markup) {
    var doc = new root.DOMParser().parseFromString("<body>" + (markup || "") + "</body>", "application/xml");
    if (doc.getElementsByTagName("parsererror").length) { return null; }
    return doc.documentElement;
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function escapeAttr(text) {
    return escapeText(text).replace(/"/g, "&quot;").replace(/[\n\r\t]/g, " ");
  }

  function isText(node) { return node.nodeType === 3 || node.nodeType === 4; }

  function flagNode(node) {
    if (node.nodeType !== 1 || node.localName !== "flag") { return false; }
    for (var i = 0; i < node.attributes.length; i += 1) {
      if (["id", "note"].indexOf(node.attributes[i].name) < 0) { return false; }
    }
    return Array.prototype.every.call(node.childNodes, isText);
  }

  /* The paragraphs of a parsed body as node lists, or null when the form cannot edit it. */
  function paragraphsOf(body) {
    var kids = Array.prototype.slice.call(body.childNodes);
    var hasP = kids.some(function (n) { return n.nodeType === 1 && n.localName === "p"; });
    if (!hasP) { return { useP: false, paragraphs: [kids] }; }
    var paragraphs = [];
    for (var i = 0; i < kids.length; i += 1) {
      var kid = kids[i];
      if (kid.nodeType === 1 && kid.localName === "p" && kid.attributes.length === 0) {
        paragraphs.push(Array.prototype.slice.call(kid.childNodes));
      } else if (!(isText(kid) && !kid.nodeValue.trim())) {
        return null;
      }
    }
    return { useP: true, paragraphs: paragraphs };
  }

  /* {text, flags: [{id, note, start, end}], useP} or null. */
  function toForm(markup) {
    var body = parseXml(markup);
    var shape = body && paragraphsOf(body);
    if (!shape) { return null; }
    var text = "";
    var flags = [];
    for (var p = 0; p < shape.paragraphs.length; p += 1) {
      var nodes = shape.paragraphs[p];
      var para = "";
      var local = [];
      for (var i = 0; i < nodes.length; i += 1) {
        var node = nodes[i];
        var flag = flagNode(node);
        if (!isText(node) && !flag) { return null; }
        var value = node.textContent.replace(/\s+/g, " ");
        if (!para || para.charAt(para.length - 1) === " ") { value = value.replace(/^ /, ""); }
        if (flag) {
          var start = para.length + (value.length - value.replace(/^ +/, "").length);
          local.push({ id: node.getAttribute("id") || "", note: node.getAttribute("note") || "", start: start,
                       end: para.length + value.replace(/ +$/, "").length });
        }
        para += value;
      }
      para = para.replace(/ +$/, "");
      if (!para && !local.length) { continue; }
      var offset = text ? text.length + 2 : 0;
      text += (text ? "\n\n" : "") + para;
      local.forEach(function (f) {
        flags.push({ id: f.id, note: f.note, start: offset + Math.min(f.start, para.length),
                     end: offset + Math.min(Math.max(f.end, f.start), para.length) });
      });
    }
    return { text: text, flags: flags, useP: shape.useP };
  }

  /* Paragraph ranges [start, end) of form text, without surrounding whitespace. */
  function paragraphRanges(text) {
    var ranges = [];
    var re = /\n[ \t\r]*\n\s*/g;
    var start = 0;
    var match;
    while ((match = re.exec(text))) {
      ranges.push([start, match.index]);
      start = match.index + match[0].length;
    }
    ranges.push([start, text.length]);
    return ranges.map(function (r) {
      var a = r[0];
      var b = r[1];
      while (a < b && /\s/.test(text.charAt(a))) { a += 1; }
      while (b > a && /\s/.test(text.charAt(b - 1))) { b -= 1; }
      return [a, b];
    }).filter(function (r) { return r[1] > r[0]; });
  }

  function toMarkup(form) {
    var text = form.text;
    var flags = form.flags.slice().sort(function (a, b) { return a.start - b.start; });
    var ranges = paragraphRanges(text);
    var parts = ranges.map(function (range) {
      var out = "";
      var pos = range[0];
      flags.forEach(function (f) {
        var start = Math.max(f.start, pos);
        var end = Math.min(f.end, range[1]);
        if (f.start < range[0] || f.start >= range[1] || end <= start) { return; }
        out += escapeText(text.slice(pos, start)) + "<flag id=\"" + escapeAttr(f.id) + "\" note=\"" +
          escapeAttr(f.note) + "\">" + escapeText(text.slice(start, end)) + "</flag>";
        pos = end;
      });
      return out + escapeText(text.slice(pos, range[1]));
    });
    if (form.useP || parts.length > 1) {
      return parts.map(function (part) { return "<p>" + part + "</p>"; }).join("");
    }
    return parts.join("");
  }

  /* Move flag ranges along an edit of the text; flags whose text is gone are dropped. */
  function shiftFlags(flags, before, after) {
    var p = 0;
    while (p < before.length && p < after.length && before.charAt(p) === after.charAt(p)) { p += 1; }
    var s = 0;
    while (s < before.length - p && s < after.length - p &&
           before.charAt(before.length - 1 - s) === after.charAt(after.length - 1 - s)) { s += 1; }
    var oldEnd = before.length - s;
    var newEnd = after.length - s;
    var delta = newEnd - oldEnd;
    var kept = [];
    var dropped = [];
    flags.forEach(function (f) {
      var start = f.start < p ? f.start : (f.start >= oldEnd ? f.start + delta : newEnd);
      var end = f.end <= p ? f.end : (f.end >= oldEnd ? f.end + delta : p);
      if (end > start && after.slice(start, end).trim()) {
        kept.push({ id: f.id, note: f.note, start: start, end: end });
      } else {
        dropped.push(f.id);
      }
    });
    return { flags: kept, dropped: dropped };
  }

  /* Rich text (lead, explanation) as plain paragraphs, or null when it holds more than text. */
  function richToPlain(markup) {
    var form = toForm(markup);
    if (!form || form.flags.length) { return null; }
    return form.text;
  }

  function plainToRich(text, useP) {
    return toMarkup({ text: text, flags: [], useP: useP });
  }

  /* The text of any markup (for the preview of bodies the form cannot edit, pasted HTML too): the kit's reader. */
  function textOf(markup) { return root.NoturibaKit.dom.text(markup); }

  function domain(url) {
    var match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:@]+)/i.exec(url || "");
    if (!match) { return ""; }
    var host = match[1].toLowerCase();
    return host.indexOf("www.") === 0 ? host.slice(4) : host;
  }

  root.MediacheckStudioText = {
    toForm: toForm, toMarkup: toMarkup, shiftFlags: shiftFlags, richToPlain: richToPlain,
    plainToRich: plainToRich, textOf: textOf, domain: domain, paragraphRanges: paragraphRanges
  };
}(window));
