/* Glossary terms in running text. Each term is a link to the glossary; where the page carries a short
   definition for it (in <template class="ks-term-explanations">, outside the visible text and the search
   index), the link becomes a disclosure button. Its panel is placed after the paragraph (or at the end of
   the list item or cell), so the sentence is never split: the paragraph's own text stays the same.
   No hover, no title tooltip: a native button works with touch, Enter, Space and screen readers. */
(function () {
  "use strict";
  var BLOCKS = "p, li, dd, td, th, blockquote, figcaption, h1, h2, h3, h4, h5, h6";
  var INSIDE = { LI: true, DD: true, TD: true, TH: true };

  function explanations() {
    var found = {};
    document.querySelectorAll("template.ks-term-explanations").forEach(function (template) {
      template.content.querySelectorAll("[data-ks-term-explanation]").forEach(function (body) {
        found[body.getAttribute("data-ks-term-explanation")] = body;
      });
    });
    return found;
  }

  function place(panel, link) {
    var block = link.closest(BLOCKS);
    if (!block) {
      link.parentNode.insertBefore(panel, link.nextSibling);
    } else if (INSIDE[block.tagName]) {
      block.appendChild(panel);
    } else {
      block.parentNode.insertBefore(panel, block.nextSibling);
    }
  }

  function enhance(link, body) {
    var id = "ks-term-panel-" + link.getAttribute("data-ks-term");
    if (document.getElementById(id)) { return; }
    var panel = document.createElement("div");
    panel.className = "ks-term-panel";
    panel.id = id;
    panel.hidden = true;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "Forklaring: " + link.textContent);
    panel.appendChild(document.importNode(body, true));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ks-term";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", id);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "ks-term-panel__close";
    close.textContent = "Luk forklaringen";
    panel.appendChild(close);
    function set(open) {
      button.setAttribute("aria-expanded", String(open));
      panel.hidden = !open;
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    close.addEventListener("click", function () { set(false); button.focus(); });
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { set(false); button.focus(); }
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") { set(false); }
    });
    place(panel, link);
    link.replaceWith(button);
  }

  function init() {
    var found = explanations();
    document.querySelectorAll("a.ks-term[data-ks-term]").forEach(function (link) {
      var body = found[link.getAttribute("data-ks-term")];
      if (body) { enhance(link, body); }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
