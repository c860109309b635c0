"""Finding your way (issue 12), checked in Chromium on every page of the real site.

Breadcrumbs below the front page that name the municipality on strategy and theme pages, a phone menu from
which every main section is one tap away with every label once, and navigation landmarks with unique
Danish names.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

from browser.conftest import site_urls
from browser.test_accessibility import axe_violations
from browser.test_design import DESKTOP, MAIN_SECTIONS, WCAG_JS, every_page
from conftest import record_check

PHONE = {"width": 390, "height": 844}
# Strategy and theme pages live at strategier/<strategy id>/, the id being the data file's name.
STRATEGY_IDS = sorted(path.stem for path in (Path(__file__).resolve().parents[2] / "data" / "strategier").glob("*.yml"))
STRATEGY_PAGE = "strategier/kalundborg-børn-og-unge/øget-netværksinddragelse-og-tættere-samarbejde/"

BREADCRUMBS = """() => {
  const navs = [...document.querySelectorAll('nav[aria-label="Brødkrumme"]')].filter(n => ksDesign.shown(n));
  if (navs.length !== 1) return {count: navs.length};
  const items = [...navs[0].querySelectorAll(':scope > ol > li')];
  return {count: 1,
          steps: items.map(li => li.textContent.replace(/\\s+/g, ' ').trim()),
          links: items.map(li => { const a = li.querySelector('a[href]'); return a ? a.href : null; }),
          current: items.map(li => li.getAttribute('aria-current'))};
}"""

# The accessible name of every navigation landmark a reader can reach (not hidden by CSS or aria-hidden).
LANDMARKS = """() => {
  const named = el => {
    if (el.getAttribute('aria-labelledby')) {
      return el.getAttribute('aria-labelledby').split(/\\s+/)
        .map(id => (document.getElementById(id) || {textContent: ''}).textContent).join(' ')
        .replace(/\\s+/g, ' ').trim();
    }
    return (el.getAttribute('aria-label') || '').trim();
  };
  const exposed = el => el.checkVisibility({visibilityProperty: true}) && !el.closest('[aria-hidden="true"]');
  return [...document.querySelectorAll('nav, [role="navigation"]')].filter(exposed).map(named);
}"""


def _path(url: str) -> str:
    return unquote(urlsplit(url).path)


def test_breadcrumbs_on_every_page_below_the_front_page(real_site, server, browser):
    urls = site_urls(real_site, server)
    found, strategy_pages = {}, 0
    for label, page in every_page(browser, urls, (PHONE, DESKTOP)):
        crumbs = page.evaluate(BREADCRUMBS)
        path = _path(page.url)
        if path == "/":
            if crumbs["count"] != 0:
                found[label] = "the front page has breadcrumbs"
            continue
        if crumbs["count"] != 1:
            found[label] = f"{crumbs['count']} breadcrumb navigations"
            continue
        steps, links, current = crumbs["steps"], crumbs["links"], crumbs["current"]
        h1 = page.locator("h1").first.inner_text().strip()
        problems = []
        if steps[0] != "Forside" or _path(links[0]) != "/":
            problems.append(f"first step {steps[0]} {links[0]}")
        if current[-1] != "page" or links[-1] is not None or not (steps[-1] in h1 or h1 in steps[-1]):
            problems.append(f"last step {steps[-1]!r} is not the current page {h1!r}")
        if any(link is None for link in links[:-1]) or any(c for c in current[:-1]):
            problems.append("a step above the current page is not a link")
        in_strategy = path.split("/")[1:3] in ([["strategier", sid] for sid in STRATEGY_IDS])
        strategy_pages += in_strategy
        if in_strategy and (steps[1] != "Strategier" or not any(step.endswith("Kommune") for step in steps[2:-1])):
            problems.append(f"strategy page without its municipality: {steps}")
        if problems:
            found[label] = problems + [" › ".join(steps)]
    assert strategy_pages >= 2 * len(STRATEGY_IDS)  # every strategy's pages were seen, in both viewports
    record_check("breadcrumbs below the front page, municipality on strategy pages (390 and 1280 px)", len(urls))
    assert found == {}


def test_breadcrumb_links_lead_to_pages_and_headings_that_exist(real_site, server, browser):
    """Every step resolves: a page of the site, and where a step points into a page, a heading on it."""
    page = browser.new_page(viewport=PHONE)
    page.goto(server + STRATEGY_PAGE, wait_until="load")
    page.add_script_tag(path=str(WCAG_JS))
    crumbs = page.evaluate(BREADCRUMBS)
    assert [step for step in crumbs["steps"][:3]] == ["Forside", "Strategier", "Kalundborg Kommune"]
    for link in crumbs["links"][:-1]:
        page.goto(link, wait_until="load")
        assert page.locator("h1").count() == 1, link
        fragment = urlsplit(link).fragment
        if fragment:
            assert page.locator(f"[id='{unquote(fragment)}']").count() == 1, link
    page.close()


def _open_menu(page) -> None:
    page.click(".md-header__button[for=__drawer]")
    page.wait_for_function(
        "getComputedStyle(document.querySelector('.md-sidebar--primary')).transform !== 'none'"
        " && document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )


MENU = """() => {
  const drawer = document.querySelector('.md-sidebar--primary');
  const shown = el => {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= 0 && r.right <= innerWidth + 1;
  };
  const links = [...drawer.querySelectorAll('a[href]')].filter(shown)
    .map(a => ({text: a.textContent.replace(/\\s+/g, ' ').trim(), href: a.href,
                current: a.getAttribute('aria-current')}));
  const spoken = [...drawer.querySelectorAll('a[href], label, span.ks-sections__group')]
    .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.closest('[aria-hidden="true"]'))
    .map(el => el.textContent.replace(/\\s+/g, ' ').trim()).filter(Boolean);
  const close = [...drawer.querySelectorAll('label[for="__drawer"], button')].filter(shown)
    .find(el => /^Luk/.test(el.textContent.trim()));
  return {links, spoken, close: close ? close.textContent.replace(/\\s+/g, ' ').trim() : null};
}"""


def test_phone_menu_reaches_every_main_section_in_one_tap_from_every_page(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in every_page(browser, urls, (PHONE,)):
        _open_menu(page)
        menu = page.evaluate(MENU)
        targets = {link["text"]: _path(link["href"]) for link in menu["links"]}
        problems = [
            f"no link to {name}" for name, path in MAIN_SECTIONS.items() if targets.get(name) != "/" + unquote(path)
        ]
        repeated = [text for text, count in Counter(menu["spoken"]).items() if count > 1]
        if repeated:
            problems.append(f"read aloud twice: {repeated}")
        if not menu["close"]:
            problems.append("no visible close button")
        here = [link for link in menu["links"] if link["current"] == "page"]
        if len(here) != 1 or _path(here[0]["href"]) != _path(page.url):
            problems.append(f"the menu does not show where the reader is: {here}")
        if problems:
            found[label] = problems
    record_check("phone menu: five main sections one tap away, no repeated labels, close button", len(urls))
    assert found == {}


def test_phone_menu_opens_the_current_strategy(server, browser):
    """On a theme page the menu shows its municipality, its strategy and the strategy's other themes."""
    page = browser.new_page(viewport=PHONE)
    page.goto(server + STRATEGY_PAGE, wait_until="load")
    page.add_script_tag(path=str(WCAG_JS))
    _open_menu(page)
    menu = page.evaluate(MENU)
    texts = [link["text"] for link in menu["links"]]
    assert "Strategi på det specialiserede børne- og ungeområde" in texts
    assert sum(text.startswith(("I. ", "II. ", "III. ", "IV. ")) for text in texts) == 4, texts  # shaping.theme_label
    assert "Kalundborg Kommune" in menu["spoken"]
    # The visible close button closes the menu, by pointer and by keyboard.
    page.click(".ks-drawer__close")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    _open_menu(page)
    page.focus(".ks-drawer__close")
    page.keyboard.press("Enter")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.md-header__button[for=__drawer]')")
    page.close()


def test_phone_header_shows_the_whole_site_name(real_site, server, browser):
    for width in (320, 390):
        page = browser.new_page(viewport={"width": width, "height": 700})
        page.goto(server + STRATEGY_PAGE, wait_until="load")
        name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
        box = name.evaluate("""el => ({scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent.trim(),
            bottom: el.getBoundingClientRect().bottom, header: el.closest('.md-header').getBoundingClientRect().bottom,
            overflow: getComputedStyle(el).textOverflow})""")
        assert box["text"] == "Strategier for det specialiserede socialområde"
        assert box["scroll"] <= box["client"] and box["overflow"] != "ellipsis", box
        assert box["bottom"] <= box["header"], box
        page.close()


def test_no_two_navigation_landmarks_share_a_name(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in every_page(browser, urls, (DESKTOP, PHONE)):
        names = page.evaluate(LANDMARKS)
        problems = [name for name, count in Counter(names).items() if count > 1]
        problems += [f"unnamed or English: {name!r}" for name in names if name in {"", "Navigation", "Faner"}]
        if problems:
            found[label] = {"problems": problems, "landmarks": names}
    record_check("navigation landmarks named uniquely in Danish (1280 and 390 px)", len(urls))
    assert found == {}


def test_axe_finds_no_violations_on_a_phone_with_the_menu_open(real_site, server, browser):
    """The desktop run in test_accessibility.py never sees the phone header or the drawer."""
    urls = site_urls(real_site, server)
    found = {}
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for url in urls:
        page.goto(url, wait_until="networkidle")
        _open_menu(page)
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    context.close()
    record_check("axe-core on a phone with the menu open: zero violations", len(urls))
    assert found == {}
