/* The navigation drawer on narrow screens (and at high zoom), operable by keyboard.

   Material opens its drawer with a <label> for a hidden checkbox: a mouse or finger can use it, the
   Tab key never reaches it. Here the menu button becomes a real button for keyboard and screen reader
   (Enter or Space opens, Escape closes and returns focus), and the CSS keeps the closed drawer's links
   out of the Tab order (site.css). Without JavaScript the label still works by pointer. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !button) { return; }
  var nav = document.querySelector(".md-sidebar--primary");
  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  var byKey = false;
  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  // Material itself clicks a focused label on Enter; Space is ours. Either way the checkbox changes once.
  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") { return; }
    byKey = true;
    if (event.key === " ") {
      event.preventDefault();
      button.click();
    }
  });
  toggle.addEventListener("change", function () {
    sync();
    if (toggle.checked && byKey && nav) {
      var first = nav.querySelector(".md-nav__list a[href]");
      if (first) { first.focus(); }
    }
    byKey = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    }
  });
  sync();
})();
