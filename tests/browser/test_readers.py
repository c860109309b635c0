"""Readers first (issue 11) on a 390×844 phone, on the real site in Chromium: "Det kan du gøre" starts within two
screens on every strategy page, every action has a route link that works, and no "Læs, hvor det står" link leads
to a place that shows the same sentence."""

from __future__ import annotations

from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT
from macros.loader import load_site
from macros.shaping import has_own_text

SITE = load_site(ROOT / "data")
PHONE = {"width": 390, "height": 844}
TWO_SCREENS = 2 * PHONE["height"]
WEBSITES = {m.website for m in SITE.municipalities}
STRATEGY_URLS = [f"strategier/{s.id}/" for s in SITE.strategies]
THEME_URLS = [f"strategier/{s.id}/{t.id}/" for s in SITE.strategies for t in s.themes if has_own_text(t)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def top_of(page, selector: str) -> float:
    """Distance in CSS pixels from the top of the document to the element."""
    return page.evaluate(
        "(sel) => { const e = document.querySelector(sel); return e.getBoundingClientRect().top + window.scrollY; }",
        selector,
    )


@pytest.mark.parametrize("url", STRATEGY_URLS)
def test_det_kan_du_gøre_starts_within_two_phone_screens(server, phone, url):
    phone.goto(server + url, wait_until="networkidle")
    assert phone.locator("#hvad-kan-du-gøre").inner_text() == "Det kan du gøre"
    top = top_of(phone, "#hvad-kan-du-gøre")
    assert 0 < top <= TWO_SCREENS, (url, top)
    assert top_of(phone, "#kort-fortalt") < top


@pytest.mark.parametrize("url", STRATEGY_URLS + THEME_URLS)
def test_every_action_has_a_route_link_that_works(server, phone, url):
    phone.goto(server + url, wait_until="networkidle")
    items = phone.locator("#hvad-kan-du-gøre ~ .ks-guidance .ks-actions__item")
    assert items.count() > 0 or url in THEME_URLS, url
    for index in range(items.count()):
        item = items.nth(index)
        links = item.locator("a.ks-route__link")
        assert links.count() >= 1, item.inner_text()
        for n in range(links.count()):
            check_route(server, phone, url, item.inner_text(), urljoin(phone.url, links.nth(n).get_attribute("href")))


def check_route(server: str, phone, url: str, item_text: str, target: str) -> None:
    """An internal route answers 200 and has its anchor; an external one is the municipality's own website."""
    if not target.startswith(server):
        assert target in WEBSITES, (url, target)  # from data/kommuner.yml, never typed into a page
        assert "Kontakt" in item_text or "Strategien siger:" in item_text
        return
    response = phone.request.get(target.split("#")[0])
    assert response.status == 200, (url, target)
    fragment = unquote(urlsplit(target).fragment)
    if fragment:
        assert f'id="{fragment}"' in response.text(), (url, target)


def test_source_links_never_lead_to_a_box_with_the_same_sentence(server, phone):
    checked = 0
    for audience in SITE.settings.audiences:
        phone.goto(server + f"hvad-kan-du-gøre/{audience.id}/", wait_until="networkidle")
        links = phone.evaluate("""() => [...document.querySelectorAll('a.ks-actions__source')]
            .map(a => ({ href: a.href, text: a.closest('li').innerText }))""")
        for link in links:
            sentence = link["text"].split("\n")[0].strip()[:60]
            target = phone.context.new_page()
            target.goto(link["href"], wait_until="domcontentloaded")
            region = target.evaluate("""() => {
                const id = decodeURIComponent(location.hash.slice(1));
                const el = id ? document.getElementById(id) : null;
                if (!el) return null;
                const box = el.closest('section') || el;
                return { text: box.innerText,
                         boxes: [...box.querySelectorAll('.ks-actions__item')].map(li => li.innerText) };
            }""")
            target.close()
            assert region is not None, ("link has no place to land", link["href"])
            assert region["text"].strip(), link["href"]
            assert not any(b.startswith(sentence) for b in region["boxes"]), (link["href"], sentence)
            checked += 1
    assert checked > 0
