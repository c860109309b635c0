/*
 * Load search only when the reader uses it.
 *
 * Material for MkDocs fetches the whole search index and starts the search worker on every page
 * load, whether or not the reader ever searches: on a phone that is most of a page's transfer, and
 * it grows with the site. This script runs before Material's bundle and holds both back until the
 * reader opens or focuses the search field (or arrives from a search result, ?h=...). Nothing else
 * changes: Material's own code does the searching.
 */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json([?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js([?#]|$)/;
  var wanted = /[?&]h=/.test(window.location.search);
  var held = [];

  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (call) { call(); });
  }

  // The index: Material requests it with XMLHttpRequest; its send() waits until search is wanted.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.ksSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (request.ksSearchIndex && !wanted) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };

  // The worker: a stand-in that creates the real one on the first message (the index, sent once loaded).
  var RealWorker = window.Worker;
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      var events = new EventTarget();
      var real = null;
      events.postMessage = function (message, transfer) {
        if (!real) {
          real = new RealWorker(url, options);
          ["message", "messageerror", "error"].forEach(function (type) {
            real.addEventListener(type, function (event) {
              events.dispatchEvent(type === "error" ? new Event("error")
                : new MessageEvent(type, { data: event.data }));
            });
          });
        }
        real.postMessage(message, transfer);
      };
      events.terminate = function () { if (real) real.terminate(); };
      return events;
    };
  }

  function isSearch(target) {
    return target && target.closest && target.closest("[data-md-component=search], #__search");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) want(); });
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) want();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target && event.target.closest && event.target.closest("label[for=__search]")) want();
  });
})();
