/* The navigation drawer on narrow screens (and at high zoom), operable by keyboard.

   Material opens its drawer with a <label> for a hidden checkbox: a mouse or finger can use it, the
   Tab key never reaches it, and a label may not take the button role. Here the menu label becomes a real
   <button> for keyboard and screen reader (Enter or Space opens, Escape closes and returns focus), and the
   CSS keeps the closed drawer's links out of the Tab order (site.css). Without JavaScript the label still
   works by pointer. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('label.md-header__button[for="__drawer"]');
  if (!toggle || !label) { return; }
  var nav = document.querySelector(".md-sidebar--primary");
  var button = asButton(label);
  button.setAttribute("aria-label", "Menu");
  var byKey = false;
  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  function setOpen(open) {
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }
  // A <button> in place of a label, same classes, content and "for" (Material's CSS keys on it).
  function asButton(old) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = old.className;
    made.innerHTML = old.innerHTML;
    if (old.htmlFor) { made.setAttribute("for", old.htmlFor); }
    old.replaceWith(made);
    // Material clicks the focused element's label on Enter from its document listener: keep it out.
    made.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.stopPropagation(); }
    });
    return made;
  }
  button.addEventListener("click", function (event) {
    byKey = event.detail === 0;  // Enter or Space: a click without a pointer
    setOpen(!toggle.checked);
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
      setOpen(false);
      button.focus();
    }
  });
  sync();

  // The drawer's visible "Luk menu" (a label, so a pointer closes the drawer without JavaScript).
  var closeLabel = document.querySelector("label.ks-drawer__close");
  if (closeLabel) {
    asButton(closeLabel).addEventListener("click", function (event) {
      setOpen(false);
      if (event.detail === 0) { button.focus(); }
    });
  }
  // The 404 page's "Søg på sitet" (hidden without JavaScript, where search cannot work) opens the search.
  var search = document.querySelector("button.ks-search");
  var query = document.querySelector(".md-search__input");
  if (search && query) {
    search.hidden = false;
    search.addEventListener("click", function () { query.focus(); });
  }
})();
