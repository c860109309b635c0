/*
 * Site search (issue 15): the part every page loads, kept small. It moves the search form
 * (partials/search.html) into Material's header slot, where Material's CSS and its #__search toggle
 * show it as a header field on wide screens and a full-screen panel on phones, and handles opening,
 * closing and the keys. Everything else (search-results.js, Pagefind's script, WebAssembly and index)
 * is fetched when the reader starts to search: focus on the field, the magnifier button or "/".
 */
(function () {
  "use strict";
  var DEBOUNCE_MS = 150;
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : window.location.href);
  var dialog = document.getElementById("ks-search");
  var opener = document.querySelector(".ks-search-open");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var form = dialog.querySelector("form");
  var input = dialog.querySelector("input[name=query]");
  var list = dialog.querySelector(".md-search-result__list");

  var header = document.querySelector(".md-header__inner");
  if (header) {
    var before = header.querySelector(".md-header__source");
    if (opener) header.insertBefore(opener, before);
    header.insertBefore(dialog, before);
  }
  if (opener) opener.hidden = false;
  dialog.hidden = false;

  var search = null;     // a promise of run(query) from search-results.js, once search is wanted
  var timer = 0;
  var closing = false;   // focus returns to the field on closing; that focus must not reopen the search

  function load() {
    if (!search) {
      search = import(new URL("search-results.js", script.src).href).then(function (ui) {
        return ui.start(root, dialog);
      });
      search.catch(function () {
        search = null;
        dialog.querySelector(".md-search-result__meta").textContent = "Søgningen kunne ikke indlæses. Prøv igen om lidt.";
      });
    }
    return search;
  }

  function run(query) {
    return load().then(function (runQuery) { return runQuery(query); });
  }

  function setOpen(open) {
    if (toggle.checked !== open) toggle.checked = open;
    if (opener) opener.setAttribute("aria-expanded", String(open));
  }

  function open() {
    setOpen(true);
    load();
    input.focus();
  }

  function close() {
    setOpen(false);
    closing = true;
    if (opener && window.getComputedStyle(opener).display !== "none") opener.focus();
    else input.focus();
    closing = false;
  }

  input.addEventListener("input", function () {
    setOpen(true);
    window.clearTimeout(timer);
    var query = input.value;
    timer = window.setTimeout(function () { run(query); }, DEBOUNCE_MS);
  });
  input.addEventListener("focus", function () {
    if (closing) return;
    setOpen(true);
    load();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { run(""); input.focus(); }, 0);
  });
  if (opener) opener.addEventListener("click", open);
  toggle.addEventListener("change", function () {
    if (opener) opener.setAttribute("aria-expanded", String(toggle.checked));
  });

  // Keys: "/" opens the search from anywhere; in it, arrows move between the field and the results, Esc closes.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing) {
      event.preventDefault();
      open();
      return;
    }
    if (!dialog.contains(target)) return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(target);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" && links.length && (target === input || at >= 0)) {
      event.preventDefault();
      setOpen(true);
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    }
  });
})();
