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
      // The first link the reader can see: on a phone the main sections (partials/ks-drawer.html).
      var links = nav.querySelectorAll("a[href]");
      for (var i = 0; i < links.length; i++) {
        if (links[i].offsetParent !== null) { links[i].focus(); break; }
      }
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

  // Labels that work a checkbox by pointer become buttons for keyboard and screen reader too: the drawer's
  // visible "Luk menu" and the 404 page's "Søg på sitet".
  function asButton(label, onPress) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      // Material clicks a focused label on Enter from its document listener: after onPress moved focus, that
      // click would land on the menu button and open the drawer again.
      event.preventDefault();
      event.stopPropagation();
      onPress();
    });
  }
  var close = document.querySelector(".ks-drawer__close");
  if (close) {
    asButton(close, function () {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      button.focus();
    });
  }
  var search = document.querySelector("label.ks-search[for=__search]");
  var query = document.querySelector(".md-search__input");
  if (search && query) {
    asButton(search, function () { query.focus(); });
  }
})();
