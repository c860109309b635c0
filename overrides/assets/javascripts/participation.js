/* The reader's municipality, carried by the address (?kommune=<id>), never by cookies or storage.

   "Vær med": filter the entries by municipality and theme. Every entry is in the HTML; this only hides entries
   that do not match. Choosing a municipality leaves only its themes in the theme list, so no choice shows zero
   entries; the count is announced (role="status"); a reset button is shown whenever a filter is set; the choice
   is written to the address (shareable, survives a reload).

   Guides ("Hvad kan du gøre?"): ?kommune=<id> shows only that municipality, with a way back to all.
   On any page, links marked data-ks-carry-municipality keep the choice. */
(function () {
  "use strict";

  function params() { return new URLSearchParams(window.location.search); }

  function writeParams(values) {
    var query = new URLSearchParams();
    Object.keys(values).forEach(function (key) { if (values[key]) { query.set(key, values[key]); } });
    var text = query.toString();
    var url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function carry(municipality) {
    document.querySelectorAll("a[data-ks-carry-municipality]").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      if (municipality) { url.searchParams.set("kommune", municipality); } else { url.searchParams.delete("kommune"); }
      link.setAttribute("href", url.pathname + url.search + url.hash);
    });
  }

  function initFilter(form) {
    var entries = Array.prototype.slice.call(document.querySelectorAll(".ks-entry"));
    var count = document.querySelector("[data-ks-filter-count]");
    var municipality = form.querySelector("#ks-filter-municipality");
    var radios = Array.prototype.slice.call(form.querySelectorAll("input[name='tema']"));
    var groups = Array.prototype.slice.call(form.querySelectorAll(".ks-filter__group"));
    var reset = form.querySelector("[data-ks-filter-reset]");

    function theme() {
      var checked = radios.filter(function (r) { return r.checked; })[0];
      return checked ? checked.value : "";
    }
    function setTheme(value) {
      var match = radios.filter(function (r) { return r.value === value && !r.closest(".ks-filter__group[hidden]"); })[0];
      (match || radios[0]).checked = true;
    }

    /* Only the chosen municipality's themes are offered; a theme of another municipality goes back to "all". */
    function narrowThemes() {
      var chosen = municipality ? municipality.value : "";
      groups.forEach(function (group) {
        group.hidden = Boolean(chosen) && group.getAttribute("data-ks-municipality") !== chosen;
      });
      setTheme(theme());
    }

    function matches(entry) {
      if (municipality && municipality.value && entry.getAttribute("data-municipality") !== municipality.value) {
        return false;
      }
      if (theme()) {
        return (entry.getAttribute("data-themes") || "").split(/\s+/).indexOf(theme()) !== -1;
      }
      return true;
    }

    function apply() {
      narrowThemes();
      var shown = 0;
      entries.forEach(function (entry) {
        var match = matches(entry);
        entry.hidden = !match;
        if (match) { shown += 1; }
      });
      var filtered = Boolean((municipality && municipality.value) || theme());
      reset.hidden = !filtered;
      count.textContent = filtered
        ? "Viser " + shown + " af " + entries.length + " måder at være med på"
        : entries.length + " måder at være med på";
      writeParams({ kommune: municipality ? municipality.value : "", tema: theme() });
      carry(municipality ? municipality.value : "");
    }

    var query = params();
    if (municipality && query.get("kommune")) {
      municipality.value = query.get("kommune");
      if (municipality.value !== query.get("kommune")) { municipality.value = ""; }
    }
    narrowThemes();
    setTheme(query.get("tema") || "");
    if (municipality) { municipality.addEventListener("change", apply); }
    radios.forEach(function (radio) { radio.addEventListener("change", apply); });
    reset.addEventListener("click", function () {
      if (municipality) { municipality.value = ""; }
      setTheme("");
      apply();
      (municipality || radios[0]).focus();
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function initGuide(notice) {
    var sections = Array.prototype.slice.call(document.querySelectorAll("[data-ks-municipality]"))
      .filter(function (el) { return el.tagName === "SECTION"; });
    var chosen = params().get("kommune") || "";
    var match = sections.filter(function (section) {
      return section.getAttribute("data-ks-municipality") === chosen;
    })[0];
    if (!match) { chosen = ""; }
    sections.forEach(function (section) { section.hidden = Boolean(match) && section !== match; });
    document.querySelectorAll("[data-ks-choose-municipality]").forEach(function (link) {
      if (link.getAttribute("data-ks-choose-municipality") === chosen) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
    notice.textContent = "";
    if (match) {
      var name = match.querySelector("h2").textContent;
      var all = document.createElement("a");
      all.href = window.location.pathname;
      all.textContent = "Vis alle kommuner";
      notice.append("Du ser kun " + name + ". ");
      notice.appendChild(all);
      notice.hidden = false;
    } else {
      notice.hidden = true;
    }
    carry(chosen);
  }

  /* The strategy list (front page, "Strategier"): toggle buttons per municipality and target group. */
  function initFinder(filters) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".ks-finder > .ks-card"));
    var buttons = Array.prototype.slice.call(filters.querySelectorAll("[data-ks-finder-key]"));
    var count = filters.querySelector("[data-ks-finder-count]");
    var state = { kommune: "", "målgruppe": "" };
    var query = params();
    Object.keys(state).forEach(function (key) {
      var wanted = query.get(key) || "";
      var exists = buttons.some(function (b) {
        return b.getAttribute("data-ks-finder-key") === key && b.getAttribute("data-ks-finder-value") === wanted;
      });
      state[key] = exists ? wanted : "";
    });
    function fits(card) {
      return (!state.kommune || card.getAttribute("data-municipality") === state.kommune) &&
        (!state["målgruppe"] ||
         (card.getAttribute("data-target-groups") || "").split(/\s+/).indexOf(state["målgruppe"]) !== -1);
    }
    function apply(write) {
      var shown = 0;
      buttons.forEach(function (b) {
        var key = b.getAttribute("data-ks-finder-key");
        b.setAttribute("aria-pressed", String(state[key] === b.getAttribute("data-ks-finder-value")));
      });
      cards.forEach(function (card) {
        var match = fits(card);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      filters.parentNode.querySelectorAll(".ks-finder__municipality").forEach(function (section) {
        section.hidden = !section.querySelector(".ks-card:not([hidden])");
      });
      count.textContent = shown === cards.length
        ? "Viser alle " + cards.length + " strategier"
        : "Viser " + shown + " af " + cards.length + " strategier";
      if (write) { writeParams(state); }
      carry(state.kommune);
    }
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        var key = b.getAttribute("data-ks-finder-key");
        state[key] = b.getAttribute("data-ks-finder-value");
        // A combination without strategies is never shown: the other choice goes back to "Alle".
        if (!cards.some(fits)) { state[key === "kommune" ? "målgruppe" : "kommune"] = ""; }
        apply(true);
      });
    });
    if (!cards.some(fits)) { state["målgruppe"] = ""; }
    filters.hidden = false;
    apply(false);
  }

  function init() {
    var finder = document.querySelector("[data-ks-finder]");
    if (finder) { initFinder(finder); }
    var form = document.querySelector("[data-ks-filter]");
    var notice = document.querySelector("[data-ks-municipality-notice]");
    if (form) {
      initFilter(form);
    } else if (notice) {
      initGuide(notice);
    } else if (!finder) {
      carry(params().get("kommune") || "");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
