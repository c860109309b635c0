"""WCAG 2.1 AA properties axe-core cannot judge alone, checked in Chromium on every page of the real site.

Reflow (1.4.10), text spacing (1.4.12), focus visible with 3:1 contrast (2.4.7, 1.4.11), links not told apart by
colour alone (1.4.1), reduced motion, keyboard operation of search, navigation tabs and glossary explanations
(2.1.1), language of parts (3.1.2) and print. The in-page checks are in wcag.js.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from browser.conftest import site_urls
from conftest import record_check

WCAG_JS = Path(__file__).with_name("wcag.js")
# WCAG 1.4.12's minimum text spacing, forced on every element.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


DESKTOP, PHONE = {"width": 1280, "height": 800}, {"width": 375, "height": 740}


def _open(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.add_script_tag(path=str(WCAG_JS))


def _every_page(browser, urls: list[str], viewports, **options) -> Iterator[tuple[str, object]]:
    """Each URL with wcag.js loaded, in each viewport: yields ("<width>px <url>", page)."""
    for viewport in viewports:
        context = browser.new_context(viewport=viewport, **options)
        page = context.new_page()
        for url in urls:
            _open(page, url)
            yield f"{viewport['width']}px {url}", page
        context.close()


def test_nothing_scrolls_sideways_at_320px_or_at_200_percent_zoom(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    # 320 CSS px is a 1280 px window at 400 % zoom; 640 x 400 is a 1280 x 800 window at 200 % zoom.
    for label, page in _every_page(browser, urls, ({"width": 320, "height": 640}, {"width": 640, "height": 400})):
        result = page.evaluate("ksWcag.reflow()")
        if result["scroll"] > 0 or result["offenders"]:
            found[label] = result
    record_check("reflow at 320 px and at 200 % zoom (WCAG 1.4.10)", len(urls))
    assert found == {}


def test_text_spacing_override_loses_no_content(real_site, server, browser):
    """Each page is read twice, before and after WCAG 1.4.12's spacing: nothing may become cut off.

    Comparing with the same page unspaced keeps Material's sliding mobile drawer (panes parked beside each
    other in a clipping box by design) out of the result; text cut off in the content is reported either way.
    """
    urls = site_urls(real_site, server)
    found = {}

    def element(entry: str) -> str:  # "tag.class "text" 480x27 in 240x27" -> the element, not its sizes
        return entry.split(" in ")[0].rsplit(" ", 1)[0]

    for label, page in _every_page(browser, urls, (DESKTOP, {"width": 320, "height": 640})):
        before = page.evaluate("ksWcag.clipped()")
        page.add_style_tag(content=TEXT_SPACING)
        clipped_before = {element(entry) for entry in before}
        lost = [entry for entry in page.evaluate("ksWcag.clipped()") if element(entry) not in clipped_before]
        lost += [entry for entry in before if entry in page.evaluate("ksWcag.clipped('.md-content')")]
        reflow = page.evaluate("ksWcag.reflow()")
        if lost or reflow["scroll"] > 0:
            found[label] = {"cut off": lost, **reflow}
    record_check("text spacing override (WCAG 1.4.12)", len(urls))
    assert found == {}


def test_focus_is_always_visible_with_three_to_one_contrast(real_site, server, browser):
    """Tab through every page, on a desktop and on a phone: each focused element is on screen with a clear ring."""
    urls = site_urls(real_site, server)
    found: dict[str, list] = {}
    # Reduced motion: each check sees where focus ends up, not a panel halfway through sliding in.
    for label, page in _every_page(browser, urls, (DESKTOP, PHONE), reduced_motion="reduce"):
        seen = set()
        for _ in range(200):
            page.keyboard.press("Tab")
            focus = page.evaluate("ksWcag.focusIndicator()")
            if focus is None or focus["element"] in seen:
                break
            seen.add(focus["element"])
            if focus["visible"] and not focus["ok"]:
                found.setdefault(label, []).append(focus)
        assert len(seen) >= 4, f"{label}: only {len(seen)} elements reachable by Tab"
    record_check("focus visible and on screen, 3:1 ring (WCAG 2.4.7, 1.4.11), desktop and phone", len(urls))
    assert found == {}


def test_navigation_drawer_works_by_keyboard_on_a_phone(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server + "om/", wait_until="load")
    _tab_to(page, ".md-header__button[for=__drawer]")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    assert not page.evaluate(
        "document.querySelector('.md-sidebar--primary').checkVisibility({visibilityProperty: true})"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    page.wait_for_timeout(400)  # the drawer slides in
    assert page.evaluate("document.getElementById('__drawer').checked")
    labels = []
    for _ in range(40):
        inside = page.evaluate("""() => { const e = document.activeElement; const r = e.getBoundingClientRect();
            return e.closest('.md-sidebar--primary') ? [e.textContent.trim(), r.left >= 0 && r.right <= innerWidth] : null; }""")
        if inside is None:
            break
        assert inside[1], f"focused drawer link off screen: {inside[0]}"
        labels.append(inside[0])
        if inside[0] == "Vær med":
            break
        page.keyboard.press("Tab")
    assert "Vær med" in labels, labels
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/vaer-med/")
    _tab_to(page, ".md-header__button[for=__drawer]")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.md-header__button[for=__drawer]')")
    page.keyboard.press(" ")  # Space opens it too
    assert page.evaluate("document.getElementById('__drawer').checked")
    menu = "document.querySelector('.md-header__button[for=__drawer]')"
    assert page.evaluate(f"{menu}.getAttribute('aria-expanded')") == "true"
    page.close()


def test_links_in_text_are_underlined_not_only_coloured(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in _every_page(browser, urls, (DESKTOP,)):
        if bad := page.evaluate("ksWcag.linksWithoutUnderline()"):
            found[label] = bad
    record_check("links distinguishable without colour (WCAG 1.4.1)", len(urls))
    assert found == {}


def test_icons_have_three_to_one_contrast(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in _every_page(browser, urls, (DESKTOP, PHONE)):
        icons = page.evaluate("ksWcag.icons()")
        assert icons["checked"] >= 2, f"{label}: no icons found to check (header search and menu icons expected)"
        if icons["weak"]:
            found[label] = icons["weak"]
    record_check("icons 3:1 against their background (WCAG 1.4.11)", len(urls))
    assert found == {}


def test_reduced_motion_leaves_no_animation_or_smooth_scrolling(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in _every_page(browser, urls, (DESKTOP,), reduced_motion="reduce"):
        if moving := page.evaluate("ksWcag.motion()"):
            found[label] = moving
    # The check can fail: without the preference, Material animates (e.g. the header and the drawer).
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    _open(page, server)
    assert page.evaluate("ksWcag.motion()"), "expected some motion without the preference"
    context.close()
    record_check("prefers-reduced-motion: no animation or smooth scrolling", len(urls))
    assert found == {}


def _tab_to(page, selector: str, limit: int = 150) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_search_works_by_keyboard_alone(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + "om/", wait_until="networkidle")
    _tab_to(page, "input[name=query]")
    page.keyboard.type("netværksinddragelse")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/strategier/" in page.url and "netv" in page.content().lower()
    page.close()


def test_navigation_tabs_work_by_keyboard(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server, wait_until="networkidle")
    _tab_to(page, ".md-tabs__link")
    labels = []
    while page.evaluate("document.activeElement.matches('.md-tabs__link')"):
        labels.append(page.evaluate("document.activeElement.textContent.trim()"))
        if labels[-1] == "Vær med":
            break
        page.keyboard.press("Tab")
    assert labels[:4] == ["Forside", "Strategier", "Hvad kan du gøre?", "Vær med"], labels
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/vaer-med/")
    page.close()


def test_glossary_explanation_opens_and_closes_by_keyboard(real_site, server, browser):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + "strategier/kalundborg-børn-og-unge/", wait_until="networkidle")
    _tab_to(page, "button.ks-term", limit=300)
    term = page.evaluate("document.activeElement.textContent")
    definition_id = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    assert not page.is_visible(f"[id='{definition_id}']")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    assert page.is_visible(f"[id='{definition_id}']"), term
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    assert not page.is_visible(f"[id='{definition_id}']")
    page.close()


def test_every_page_is_danish_and_other_languages_are_marked(real_site, server, browser, one_municipality_site):
    urls = site_urls(real_site, server)
    page = browser.new_page()
    for url in urls:
        page.goto(url)
        assert page.evaluate("document.documentElement.lang") == "da", url
        codes = page.evaluate("[...document.querySelectorAll('body [lang]')].map(e => e.lang)")
        assert all(code and code.replace("-", "").isalnum() for code in codes), (url, codes)
    page.close()
    # Passages in another language are written [text]{sprog=en} in data and get lang (fixture site).
    assert '<span lang="en">Housing First</span>' in one_municipality_site.html("strategier/testrup-voksne/")
    record_check('lang="da" on the page, lang on passages in other languages (WCAG 3.1.1, 3.1.2)', len(urls))


def test_every_page_prints_without_navigation_and_with_link_targets(real_site, server, browser):
    urls = site_urls(real_site, server)
    page = browser.new_page()
    page.emulate_media(media="print")
    found = {}
    for url in urls:
        page.goto(url, wait_until="networkidle")
        shown = page.evaluate("""() => [...document.querySelectorAll(
            '.md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top, .md-skip')]
            .filter(e => e.checkVisibility()).map(e => e.className)""")
        content = page.evaluate("document.querySelector('.md-content').checkVisibility()")
        # External links print their address; links from guides and "Vær med" to the strategy text print theirs.
        external = page.evaluate("""() => [...document.querySelectorAll(
            '.md-content a[href^="http"], .ks-actions__source, .ks-card__meta a')]
            .filter(a => { const target = a.dataset.ksPrint || a.getAttribute('href');
                           return !target || !getComputedStyle(a, '::after').content.includes(target); })
            .map(a => a.getAttribute('href'))""")
        if shown or not content or external:
            found[url] = {"shown": shown, "content": content, "links without printed target": external}
    page.close()
    record_check("print: no navigation, search or footer; link targets printed", len(urls))
    assert found == {}
