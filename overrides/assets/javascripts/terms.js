/* Glossary terms in running text: turn each link to the glossary into a button that
   shows the definition right after the word. Without JavaScript the link still works. */
(function () {
  "use strict";
  function enhance(link) {
    var definition = document.getElementById("ks-def-" + link.getAttribute("data-ks-term"));
    if (!definition) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ks-term";
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", definition.id);
    button.setAttribute("title", "Vis forklaring");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", String(!open));
      definition.hidden = open;
    });
    definition.setAttribute("role", "note");
    link.replaceWith(button);
  }
  function init() {
    document.querySelectorAll("a.ks-term[data-ks-term]").forEach(enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
