/* "Vær med": filter the list by municipality and theme. Every entry is in the HTML;
   this only hides entries that do not match, and announces the count (role="status"). */
(function () {
  "use strict";
  function init() {
    var form = document.querySelector("[data-ks-filter]");
    if (!form) { return; }
    var entries = Array.prototype.slice.call(document.querySelectorAll(".ks-entry"));
    var count = document.querySelector("[data-ks-filter-count]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-ks-filter-key]"));
    function apply() {
      var shown = 0;
      entries.forEach(function (entry) {
        var match = selects.every(function (select) {
          if (!select.value) { return true; }
          var key = select.getAttribute("data-ks-filter-key");
          var values = (entry.getAttribute("data-" + key) || "").split(/\s+/);
          return values.indexOf(select.value) !== -1;
        });
        entry.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = shown === entries.length
        ? entries.length + " måder at være med på"
        : "Viser " + shown + " af " + entries.length + " måder at være med på";
    }
    selects.forEach(function (select) {
      select.addEventListener("change", apply);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
