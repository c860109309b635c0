"""The front page in Chromium: says what the site is, shows each strategy once with a way to narrow the list,
whole cards are clickable, and it leads to "Hvad kan du gøre?" and "Vær med"."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from conftest import ROOT
from macros.loader import load_site

SITE = load_site(ROOT / "data")
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _strategy_links(page) -> list[str]:
    """Paths of the links in the article that lead to a strategy's overview page."""
    hrefs = page.evaluate("[...document.querySelectorAll('article a[href]')].map(a => a.pathname)")
    overviews = {f"/strategier/{s.id}/" for s in SITE.strategies}
    return [unquote(h) for h in hrefs if unquote(h) in overviews]


def _visible_cards(page) -> list[str]:
    return page.evaluate(
        "[...document.querySelectorAll('.ks-finder > .ks-card')].filter(c => !c.hidden)"
        ".map(c => c.querySelector('a').pathname)"
    )


def test_each_strategy_once_and_headings_never_skip_a_level(server, browser):
    for viewport in (PHONE, DESKTOP):
        page = browser.new_page(viewport=viewport)
        page.goto(server, wait_until="networkidle")
        links = _strategy_links(page)
        assert sorted(links) == sorted(f"/strategier/{s.id}/" for s in SITE.strategies)  # each exactly once
        levels = page.evaluate(
            "[...document.querySelectorAll('article :is(h1,h2,h3,h4,h5,h6)')].map(h => +h.tagName[1])"
        )
        assert levels[0] == 1
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
        page.close()


def test_front_page_says_what_the_site_is_and_leads_to_guides_and_vaer_med(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server, wait_until="networkidle")
    intro = page.locator("article p").first.inner_text()
    assert "strategier" in intro.lower() and "socialområde" in intro
    body = page.locator("article")
    targets = body.evaluate("a => [...a.querySelectorAll('a[href]')].map(l => decodeURI(l.pathname))")
    assert "/hvad-kan-du-gøre/" in targets and "/vaer-med/" in targets
    page.close()


def test_the_whole_card_opens_its_strategy(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server, wait_until="networkidle")
    card = page.locator(".ks-finder > .ks-card").last
    assert card.locator("a").count() == 1
    target = card.locator("a").evaluate("a => a.pathname")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    with page.expect_navigation():
        page.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 8)  # the corner, not the title
    assert urlsplit(page.url).path == target
    page.close()


def test_narrowing_by_municipality_and_target_group_never_empties_the_list(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server, wait_until="networkidle")
    status = page.locator("[data-ks-finder-count]")
    assert status.get_attribute("role") == "status"
    municipalities = sorted({s.municipality for s in SITE.strategies})
    groups = sorted({g for s in SITE.strategies for g in s.target_groups})
    for m in [""] + municipalities:
        for g in [""] + groups:
            page.locator(f"[data-ks-finder-key='kommune'][data-ks-finder-value='{m}']").click()
            page.locator(f"[data-ks-finder-key='målgruppe'][data-ks-finder-value='{g}']").click()
            shown = _visible_cards(page)
            assert shown, (m, g)
            state = page.evaluate(
                "[...document.querySelectorAll('[data-ks-finder-key][aria-pressed=true]')]"
                ".map(b => [b.dataset.ksFinderKey, b.dataset.ksFinderValue])"
            )
            chosen = dict(state)
            expected = [
                f"/strategier/{s.id}/"
                for s in SITE.strategies
                if (not chosen["kommune"] or s.municipality == chosen["kommune"])
                and (not chosen["målgruppe"] or chosen["målgruppe"] in s.target_groups)
            ]
            assert sorted(unquote(p) for p in shown) == sorted(expected), (m, g, chosen)
            assert chosen["målgruppe"] == g  # the last choice is kept; the other one gives way if needed
            assert str(len(shown)) in status.text_content()
    page.locator("[data-ks-finder-key='kommune'][data-ks-finder-value='kalundborg']").click()
    page.locator("[data-ks-finder-key='målgruppe'][data-ks-finder-value='']").click()
    assert parse_qs(urlsplit(page.url).query) == {"kommune": ["kalundborg"]}
    page.reload(wait_until="networkidle")
    expected = sorted(f"/strategier/{s.id}/" for s in SITE.strategies if s.municipality == "kalundborg")
    assert sorted(unquote(p) for p in _visible_cards(page)) == expected
    page.close()


def test_without_javascript_every_strategy_is_shown(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "?kommune=faxe", wait_until="load")
    assert len(_visible_cards(page)) == len(SITE.strategies)
    assert not page.is_visible("[data-ks-finder]")
    context.close()


def test_a_municipality_chosen_on_the_front_page_carries_to_guides_and_vaer_med(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server, wait_until="networkidle")
    page.locator("[data-ks-finder-key='kommune'][data-ks-finder-value='kalundborg']").click()
    with page.expect_navigation():
        page.locator("article a.md-button", has_text="Vær med").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/vaer-med/" and parse_qs(urlsplit(page.url).query) == {"kommune": ["kalundborg"]}
    assert page.evaluate("document.getElementById('ks-filter-municipality').value") == "kalundborg"
    page.go_back(wait_until="networkidle")
    with page.expect_navigation():
        page.locator("article a.md-button", has_text="Hvad kan du gøre?").click()
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.locator("article .ks-card a").first.click()
    page.wait_for_load_state("networkidle")
    assert unquote(urlsplit(page.url).path).startswith("/hvad-kan-du-gøre/")
    assert parse_qs(urlsplit(page.url).query) == {"kommune": ["kalundborg"]}
    page.close()
