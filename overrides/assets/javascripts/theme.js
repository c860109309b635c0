/* What Material's JavaScript bundle did that readers of this site use, in a few lines instead of 35 KB
   (issue 15: first visit). The bundle is not loaded (overrides/main.html, block scripts); the site's own
   scripts do search (search.js), the drawer (drawer.js) and glossary terms (terms.js). Left out on purpose:
   the one-letter page shortcuts ("n", "p"; WCAG 2.1.4), the header title swap and the tabs hiding on scroll.

   1. The "js" class Material's CSS expects once scripts run.
   2. A navigation section's label (focusable, tabindex="0") opens or closes with Enter or Space, and its
      list says whether it is open (aria-expanded).
   3. "Tilbage til start" (Material's button): shown once the reader has scrolled a screen down and turns back up.
   4. The page's table of contents marks the section being read (wide screens). */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  document.querySelectorAll("label[tabindex][for]").forEach(function (label) {
    var toggle = document.getElementById(label.htmlFor);
    var list = document.querySelector('[aria-labelledby="' + label.id + '"]');
    if (!toggle) { return; }
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
    if (list) {
      toggle.addEventListener("change", function () {
        list.setAttribute("aria-expanded", String(toggle.checked));
      });
    }
  });

  var top = document.querySelector(".md-top");
  var lastY = window.scrollY;
  function showTop() {
    var y = window.scrollY;
    if (top) { top.hidden = !(y < lastY && y > window.innerHeight); }
    lastY = y;
  }
  if (top) {
    top.addEventListener("click", function () {
      top.hidden = true;
      window.scrollTo({ top: 0 });
      top.blur();
    });
  }

  var tocLinks = Array.prototype.slice.call(document.querySelectorAll(".md-sidebar--secondary .md-nav__link[href^='#']"));
  var targets = tocLinks.map(function (link) {
    return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  });
  function markSection() {
    var sidebar = tocLinks.length && tocLinks[0].closest(".md-sidebar--secondary");
    if (!sidebar || sidebar.offsetParent === null) { return; }
    var header = document.querySelector(".md-header");
    // A heading in the top quarter of the screen (below the header) starts the section being read.
    var line = (header ? header.offsetHeight : 0) + Math.min(window.innerHeight / 4, 160);
    var current = -1;
    targets.forEach(function (target, index) {
      if (target && target.getBoundingClientRect().top <= line) { current = index; }
    });
    tocLinks.forEach(function (link, index) {
      link.classList.toggle("md-nav__link--passed", index < current);
      link.classList.toggle("md-nav__link--active", index === current);
    });
  }

  var pending = false;
  function onScroll() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      showTop();
      markSection();
    });
  }
  window.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll, { passive: true });
  markSection();
})();
