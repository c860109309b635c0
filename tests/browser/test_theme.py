"""What Material's JavaScript bundle did for readers, now done by assets/javascripts/theme.js (issue 15).

The bundle (35 KB gzipped) is no longer loaded; these journeys check that a reader loses nothing of what
the site used: opening and closing a navigation section by keyboard, "Tilbage til start" on a long page, the
table of contents marking the section being read, and sidebars that scroll on their own.
"""

from __future__ import annotations

from urllib.parse import quote

from conftest import record_check

THEME_PAGE = "strategier/kalundborg-børn-og-unge/øget-netværksinddragelse-og-tættere-samarbejde/"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# A closed section is collapsed (visibility: collapse, a few pixels high) once its transition has run.
SHOWN = "nav => getComputedStyle(nav).visibility === 'visible' && nav.getBoundingClientRect().height > 40"


def _open(browser, server: str, viewport: dict[str, int], path: str = THEME_PAGE):
    page = browser.new_page(viewport=viewport)
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(server + quote(path), wait_until="networkidle")
    assert not [url for url in loaded if "/bundle." in url], "Material's bundle is loaded again"
    assert page.evaluate("document.documentElement.className") == "js"
    return page


def test_a_navigation_section_opens_and_closes_by_keyboard(server, browser):
    page = _open(browser, server, DESKTOP)
    label = "#__nav_2_2_label"
    section = '[aria-labelledby="__nav_2_2_label"]'
    assert page.get_attribute(section, "aria-expanded") == "true"
    assert page.evaluate(f"({SHOWN})(document.querySelector('{section}'))")
    page.focus(label)
    page.keyboard.press("Enter")
    assert page.get_attribute(section, "aria-expanded") == "false"
    assert not page.is_checked("#__nav_2_2")
    page.wait_for_function(f"!({SHOWN})(document.querySelector('{section}'))", polling=100, timeout=2_000)
    page.keyboard.press(" ")
    assert page.get_attribute(section, "aria-expanded") == "true"
    page.wait_for_function(f"({SHOWN})(document.querySelector('{section}'))", polling=100, timeout=2_000)
    assert page.evaluate("window.scrollY") == 0, "Space scrolled the page instead of opening the section"
    page.close()
    record_check("a navigation section opens and closes with Enter and Space, aria-expanded follows", 1)


def test_back_to_top_shows_when_the_reader_turns_back_and_takes_them_up(server, browser):
    page = _open(browser, server, PHONE)
    top = page.locator(".md-top")
    assert top.get_attribute("hidden") is not None, "'Tilbage til start' is shown at the top of the page"
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 3 * PHONE["height"], "the page is too short for this journey"
    page.mouse.wheel(0, 2 * PHONE["height"])
    page.wait_for_function("window.scrollY > 1.5 * innerHeight")
    page.wait_for_timeout(100)
    assert top.get_attribute("hidden") is not None, "'Tilbage til start' is shown while reading on"
    page.mouse.wheel(0, -200)
    page.wait_for_function("!document.querySelector('.md-top').hidden")
    assert top.inner_text().strip() == "Tilbage til start"  # Material's Danish text
    top.click()
    page.wait_for_function("window.scrollY === 0")
    assert top.get_attribute("hidden") is not None
    page.close()
    record_check("'Tilbage til start' appears when a phone reader scrolls back up, and takes them to the top", 1)


def test_the_table_of_contents_marks_the_section_being_read(server, browser):
    page = _open(browser, server, DESKTOP)
    toc = ".md-sidebar--secondary .md-nav__link"
    assert page.is_visible(".md-sidebar--secondary")
    target = page.eval_on_selector_all(toc, "links => links.map(a => a.getAttribute('href'))")[2]
    page.evaluate(
        "id => { const h = document.getElementById(decodeURIComponent(id.slice(1)));"
        " window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 60); }",
        target,
    )
    page.wait_for_function(
        "href => document.querySelector(`.md-sidebar--secondary .md-nav__link--active`)?.getAttribute('href') === href",
        arg=target,
    )
    assert page.eval_on_selector_all(f"{toc}.md-nav__link--active", "links => links.length") == 1
    assert page.eval_on_selector_all(f"{toc}.md-nav__link--passed", "links => links.length") == 2
    page.close()
    record_check("the table of contents marks the section on screen (wide screens)", 1)


def test_sidebars_fit_the_screen_and_scroll_on_their_own(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 400})
    page.goto(server + quote(THEME_PAGE), wait_until="networkidle")
    for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary"):
        box = page.eval_on_selector(
            f"{sidebar} .md-sidebar__scrollwrap",
            "el => ({height: el.getBoundingClientRect().height, scroll: el.scrollHeight})",
        )
        assert 0 < box["height"] <= 400, (sidebar, box)
        assert box["scroll"] > box["height"], f"{sidebar}: a long list should scroll within the sidebar"
    page.close()
    record_check("desktop sidebars are no taller than the screen and scroll on their own", 1)
