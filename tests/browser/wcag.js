// In-page checks used by test_wcag.py. Each function is evaluated by Playwright in the page.
window.ksWcag = {
  // WCAG 1.4.10: content that sticks out to the right and makes the page scroll sideways.
  reflow() {
    const doc = document.documentElement;
    const width = doc.clientWidth;
    const offenders = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
      if (el.closest("table, .md-typeset__table, .md-typeset__scrollwrap")) continue;  // data tables may scroll
      let clipped = false;  // inside something that clips or scrolls on its own (e.g. an off-canvas drawer)
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== "visible" && p.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
      }
      if (!clipped && getComputedStyle(el).visibility !== "hidden") offenders.push(this.describe(el) + ` right=${Math.round(r.right)}`);
      if (offenders.length >= 5) break;
    }
    return { scroll: doc.scrollWidth - width, offenders };
  },
  // WCAG 1.4.12: text that is cut off once spacing is increased (overflow hidden/clip with more content than room).
  clipped(scope = "body") {
    const out = [];
    for (const el of document.querySelectorAll(`${scope} *`)) {
      const s = getComputedStyle(el);
      if (!["hidden", "clip"].includes(s.overflowX) && !["hidden", "clip"].includes(s.overflowY)) continue;
      if (!el.offsetParent || !el.textContent.trim() || s.visibility === "hidden") continue;
      if (el.closest("[hidden], .md-search, .md-sidebar--secondary:not([data-md-state])") && !el.checkVisibility()) continue;
      if (!el.checkVisibility()) continue;
      // The header repeats the site name and, once scrolled, the page's h1 in one line: a shortened copy of
      // text the page shows in full, not content of its own.
      if (el.closest(".md-header__topic")) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        out.push(this.describe(el) + ` ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
      }
    }
    return out;
  },
  describe(el) {
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls} "${(el.textContent || "").trim().slice(0, 40)}"`;
  },
  rgb(color) {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  },
  luminance({ r, g, b }) {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  },
  contrast(a, b) {
    const [x, y] = [this.luminance(a), this.luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  },
  background(el) {
    for (let p = el; p; p = p.parentElement) {
      const c = this.rgb(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  },
  // What is painted just outside an element (where its outline is drawn), on each side: positioned elements
  // included, invisible ones (opacity 0, e.g. closed overlays and tooltips) skipped.
  around(el, distance) {
    const r = el.getBoundingClientRect();
    const points = [[r.left - distance - 1, r.top + r.height / 2], [r.right + distance + 1, r.top + r.height / 2],
                    [r.left + r.width / 2, r.top - distance - 1], [r.left + r.width / 2, r.bottom + distance + 1]];
    const shown = e => { for (let p = e; p; p = p.parentElement) if (getComputedStyle(p).opacity === "0") return false; return true; };
    const found = [];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const under = document.elementsFromPoint(x, y).find(e => e !== el && !el.contains(e) && shown(e));
      if (under) found.push(under);
    }
    return found.length ? found : [el.parentElement || el];
  },
  // WCAG 2.4.7 and 1.4.11: the focused element shows an indicator that stands out at 3:1, either against what
  // surrounds it on every side or, for a two-colour ring, between its own two colours.
  focusIndicator() {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const colours = [];
    if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) colours.push(this.rgb(s.outlineColor));
    if (s.boxShadow && s.boxShadow !== "none") colours.push(this.rgb(s.boxShadow));
    const box = el.getBoundingClientRect();
    const inView = box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight;
    const result = { element: this.describe(el), visible: el.checkVisibility(), inView, colours: colours.length };
    const sides = this.around(el, parseFloat(s.outlineOffset || 0) + parseFloat(s.outlineWidth || 0) / 2)
      .map(e => this.background(e));
    result.contrast = colours.length ? Math.min(...sides.map(bg => Math.max(...colours.map(c => this.contrast(c, bg))))) : 0;
    result.ring = colours.length >= 2 ? this.contrast(colours[0], colours[1]) : 0;
    result.ok = inView && colours.length > 0 && (result.contrast >= 3 || result.ring >= 3);
    return result;
  },
  // WCAG 1.4.11: icons that carry meaning (Material's inline SVGs) stand out 3:1 from what is behind them.
  icons() {
    const out = [];
    let checked = 0;
    for (const svg of document.querySelectorAll("body svg")) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || !svg.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (r.right < 0 || r.bottom < 0 || r.left > innerWidth) continue;  // parked off screen (closed drawer)
      const fill = this.rgb(getComputedStyle(svg).fill) || this.rgb(getComputedStyle(svg).color);
      if (!fill || fill.a === 0) continue;
      const ratio = this.contrast(fill, this.background(svg.parentElement));
      checked += 1;
      if (ratio < 3) out.push(`${this.describe(svg.closest("a, button, label") || svg.parentElement)} ${ratio.toFixed(2)}:1`);
    }
    return { checked, weak: out };
  },
  // WCAG 1.4.1: links in running text are told apart from text by more than colour (an underline).
  linksWithoutUnderline() {
    const out = [];
    for (const a of document.querySelectorAll(".md-content .md-typeset a[href]")) {
      if (a.classList.contains("headerlink") || !a.textContent.trim() || !a.checkVisibility()) continue;
      const line = getComputedStyle(a).textDecorationLine;
      if (!line.includes("underline")) out.push(this.describe(a));
    }
    return out;
  },
  // WCAG 2.3.3 / prefers-reduced-motion: nothing animates, transitions or scrolls smoothly.
  motion() {
    const out = [];
    for (const el of [document.documentElement, ...document.querySelectorAll("body, body *")]) {
      for (const pseudo of [null, "::before", "::after"]) {
        const s = getComputedStyle(el, pseudo);
        const moving = s.animationName !== "none" && parseFloat(s.animationDuration) > 0.001;
        const transition = s.transitionDuration.split(",").some(d => parseFloat(d) > 0.001);
        if (moving || transition) out.push(`${this.describe(el)}${pseudo || ""} ${s.animationName} ${s.transitionDuration}`);
      }
      if (getComputedStyle(el).scrollBehavior === "smooth") out.push(`${this.describe(el)} scroll-behavior: smooth`);
      if (out.length >= 5) break;
    }
    return out;
  },
};

// In-page checks used by test_design.py and test_navigation.py: typography and navigation as a reader meets them.
window.ksDesign = {
  shown(el) { return el.checkVisibility({ opacityProperty: true, visibilityProperty: true }); },
  // Sentence case: elements with text of their own that the browser shows in capitals (or capitalised).
  capitals() {
    const out = [];
    for (const el of document.querySelectorAll("body *")) {
      const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      if (!own || !this.shown(el)) continue;
      const t = getComputedStyle(el).textTransform;
      if (t === "uppercase" || t === "capitalize") out.push(`${ksWcag.describe(el)} ${t}`);
    }
    return out;
  },
  // The text nodes of an element, in order.
  texts(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  },
  // Headings that break a word across lines or let it stick out of the heading's box. A break after a hyphen,
  // a dash or a slash is a break between words ("børne- og ungeområdet").
  brokenHeadingWords(scope = ".md-content") {
    const out = [];
    let checked = 0;
    for (const h of document.querySelectorAll(`${scope} :is(h1, h2, h3, h4, h5, h6)`)) {
      if (!this.shown(h)) continue;
      checked += 1;
      const box = h.getBoundingClientRect();
      for (const node of this.texts(h)) {
        for (const m of node.textContent.matchAll(/[^\s\-\u2010\u2013\u2014\/\u00ad]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter(r => r.width > 0);
          const tops = new Set(rects.map(r => Math.round(r.top / 4)));
          const right = Math.max(...rects.map(r => r.right));
          if (tops.size > 1) out.push(`"${m[0]}" breaks in ${ksWcag.describe(h)}`);
          else if (right > box.right + 1 || right > document.documentElement.clientWidth) {
            out.push(`"${m[0]}" sticks out of ${ksWcag.describe(h)} (${Math.round(right)} > ${Math.round(box.right)})`);
          }
        }
      }
    }
    return { checked, out };
  },
  // Size and weight of every shown heading in the article, by level.
  headingLevels(scope = ".md-content") {
    const levels = {};
    for (const h of document.querySelectorAll(`${scope} :is(h1, h2, h3, h4, h5, h6)`)) {
      if (!this.shown(h)) continue;
      const s = getComputedStyle(h);
      (levels[h.tagName.toLowerCase()] ||= []).push({ size: parseFloat(s.fontSize), weight: Number(s.fontWeight),
        text: h.textContent.trim().slice(0, 40) });
    }
    return levels;
  },
  // Characters on each full line of every paragraph and list item of the article (the last line of each is short
  // by nature and not counted): a line is the run of characters whose boxes share a top.
  lineLengths(scope = ".md-content article") {
    const out = [];
    for (const el of document.querySelectorAll(`${scope} :is(p, li, dd)`)) {
      if (!this.shown(el) || el.querySelector("p, ul, ol, dl, br")) continue;
      const lines = [];
      let count = 0, top = null;
      for (const node of this.texts(el)) {
        const text = node.textContent;
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i]) && (i === 0 || /\s/.test(text[i - 1]))) continue;  // collapsed white space
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = [...range.getClientRects()].find(b => b.width > 0);
          if (!r) continue;
          const t = Math.round(r.top);
          if (top !== null && Math.abs(t - top) > r.height / 2) { lines.push(count); count = 0; }
          if (top === null || Math.abs(t - top) > r.height / 2) top = t;
          count += 1;
        }
        if (lines.length >= 3) break;  // the first full lines tell the measure
      }
      if (lines.length) out.push({ element: ksWcag.describe(el), longest: Math.max(...lines) });
    }
    return out;
  },
};
