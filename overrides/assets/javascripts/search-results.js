/*
 * Site search results (issue 15), loaded by search.js only when the reader starts to search, together
 * with Pagefind itself: searching, the ae/oe/aa variants, suggestions and the Danish result list.
 *
 * Danish readers often type ae/oe/aa for æ/ø/å (foreign keyboards, dyslexia): a query with ae/oe/aa is
 * also searched in its æ/ø/å form, and the results are merged. (Not the reverse: the site's text is
 * written with æ/ø/å, and a second form would fetch a second part of the index on every search.)
 * Pagefind already forgives small typos; a query with still no results suggests fewer words or a part
 * of the last word that does find something, and always the Ordliste and Strategier.
 * Result text from Pagefind is never inserted as HTML: only its <mark> highlights are kept.
 */
const PAGE_SIZE = 10;

export async function start(root, dialog) {
  const module = await import(new URL("pagefind/pagefind.js", root).href);
  // noWorker: the search runs in this page's thread; a Web Worker would be one more 12 KB script to
  // fetch before the first results, and the index is searched in a few milliseconds.
  await module.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true });
  module.init();
  var input = dialog.querySelector("input[name=query]");
  var status = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var suggest = dialog.querySelector(".ks-search-suggest");
  var tryLine = dialog.querySelector(".ks-search-suggest__try");
  var tryButton = dialog.querySelector(".ks-search-suggest__button");
  var more = dialog.querySelector(".ks-search-more");
  var moreButton = dialog.querySelector(".ks-search-more__button");
  var sequence = 0;      // the newest query; older answers arriving late are dropped
  var pending = [];      // merged results not shown yet ("Vis flere resultater")

  /* The query as typed, and with ae/oe/aa read as æ/ø/å. */
  function variants(query) {
    var lower = query.toLowerCase();
    var danish = lower.replace(/aa/g, "å").replace(/ae/g, "æ").replace(/oe/g, "ø");
    return danish === lower ? [query] : [query, danish];
  }

  /* Every variant searched; one entry per page, best score first. */
  function searchAll(query) {
    return Promise.all(variants(query).map(function (form) { return module.search(form); })).then(function (answers) {
      var best = {};
      answers.forEach(function (answer) {
        (answer && answer.results || []).forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) best[result.id] = result;
        });
      });
      return Object.keys(best).map(function (id) { return best[id]; })
        .sort(function (a, b) { return b.score - a.score; });
    });
  }

  /*
   * Something shorter that finds pages. Pagefind already matches word beginnings and small typos, so
   * what is left is mostly Danish compounds the site does not use ("hundeborger"): their later parts
   * ("borger") are tried, longest first, after the query without its last word and shorter beginnings.
   */
  function suggestion(query) {
    var words = query.trim().split(/\s+/);
    var head = words.slice(0, -1);
    var last = words[words.length - 1];
    var candidates = [];
    if (head.length) candidates.push(head.join(" "));
    for (var start = 1; last.length - start >= 4; start++) candidates.push(head.concat(last.slice(start)).join(" "));
    for (var cut = 1; cut <= 3 && last.length - cut >= 4; cut++) {
      candidates.push(head.concat(last.slice(0, last.length - cut)).join(" "));
    }
    candidates = candidates.slice(0, 16);
    function next(i) {
      if (i >= candidates.length) return Promise.resolve(null);
      return searchAll(candidates[i]).then(function (results) {
        return results.length ? candidates[i] : next(i + 1);
      });
    }
    return next(0);
  }

  /* Pagefind's excerpt as nodes: its text as text, its <mark> elements as marks, nothing else. */
  function excerptNodes(excerpt) {
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body;
    var out = document.createDocumentFragment();
    (function walk(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) out.appendChild(document.createTextNode(child.nodeValue));
        else if (child.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = child.textContent;
          out.appendChild(mark);
        } else walk(child);
      });
    })(parsed);
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var title = document.createElement("span");
    title.className = "ks-search-result__title";
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("span");
    excerpt.className = "ks-search-result__excerpt";
    excerpt.appendChild(excerptNodes(data.excerpt || ""));
    link.appendChild(title);
    link.appendChild(excerpt);
    li.appendChild(link);
    return li;
  }

  function showMore(mine) {
    var batch = pending.splice(0, PAGE_SIZE);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (mine !== sequence) return;
      pages.forEach(function (data) { list.appendChild(item(data)); });
      more.hidden = pending.length === 0;
    });
  }

  function count(n, query) {
    return (n === 1 ? "1 resultat" : n + " resultater") + " for »" + query + "«";
  }

  function run(query) {
    var mine = ++sequence;
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      suggest.hidden = true;
      more.hidden = true;
      status.textContent = "Skriv et eller flere ord for at søge.";
      return Promise.resolve();
    }
    return searchAll(query).then(function (results) {
      if (mine !== sequence) return null;
      list.replaceChildren();
      pending = results.slice();
      more.hidden = true;
      if (results.length) {
        suggest.hidden = true;
        return showMore(mine).then(function () {
          if (mine === sequence) status.textContent = count(results.length, query) + ".";
        });
      }
      return suggestion(query).then(function (better) {
        if (mine !== sequence) return;
        tryLine.hidden = !better;
        tryButton.textContent = better || "";
        suggest.hidden = false;
        status.textContent = "Ingen resultater for »" + query + "«." + (better ? " Prøv i stedet »" + better + "«." : "");
      });
    });
  }

  tryButton.addEventListener("click", function () {
    input.value = tryButton.textContent;
    run(input.value).then(function () { input.focus(); });
  });
  moreButton.addEventListener("click", function () {
    var first = list.children.length;
    showMore(sequence).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  return run;
}
