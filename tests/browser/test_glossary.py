"""Glossary explanations in Chromium on the real site: the sentence stays whole, the explanation opens by
keyboard, touch and screen reader, and explanation text never reaches the search index."""

from __future__ import annotations

import re

from conftest import ROOT
from macros.loader import load_site
from macros.shaping import terms

SITE = load_site(ROOT / "data")
TERM_PAGE = "strategier/kalundborg-børn-og-unge/øget-netværksinddragelse-og-tættere-samarbejde/"
TERM_ID = "netværksinddragelse"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _term(term_id: str):
    return next(t for t, _ in terms(SITE) if t.id == term_id)


def _paragraph_text(page, button) -> str:
    return button.evaluate("b => b.closest('p, li, dd, td, th, blockquote').textContent")


def test_opening_an_explanation_keeps_the_sentence_whole(server, browser):
    term = _term(TERM_ID)
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + TERM_PAGE, wait_until="networkidle")
    button = page.get_by_role("button", name=re.compile(r"^netværksinddragelse$", re.I)).first
    before = _paragraph_text(page, button)
    assert "netværksinddragelse" in before.lower() and term.short_definition not in before
    panel_id = button.get_attribute("aria-controls")
    assert button.get_attribute("aria-expanded") == "false" and not page.is_visible(f"[id='{panel_id}']")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    panel = page.locator(f"[id='{panel_id}']")
    assert panel.is_visible() and term.short_definition in panel.inner_text()
    assert _paragraph_text(page, button) == before  # the same sentence, nothing inserted into it
    assert button.evaluate(f"b => !b.closest('p').contains(document.getElementById('{panel_id}'))")
    # The panel follows the paragraph and leads on to the full definition with its source.
    assert button.evaluate(f"b => b.closest('p').nextElementSibling.id === '{panel_id}'")
    link = panel.get_by_role("link", name=re.compile("ordliste"))
    assert link.get_attribute("href").endswith(f"ordliste/#{TERM_ID}")
    button.click()
    assert button.get_attribute("aria-expanded") == "false" and not panel.is_visible()
    page.close()


def test_every_term_button_is_named_by_its_word_with_no_title_tooltip(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    checked = 0
    for strat in SITE.strategies:
        if not strat.terms:
            continue
        for theme in strat.themes:
            page.goto(server + f"strategier/{strat.id}/{theme.id}/", wait_until="networkidle")
            buttons = page.locator("button.ks-term")
            for i in range(buttons.count()):
                button = buttons.nth(i)
                assert button.get_attribute("title") is None
                name = button.text_content()
                assert page.get_by_role("button", name=name, exact=True).count() >= 1
                panel = page.locator(f"[id='{button.get_attribute('aria-controls')}']")
                assert panel.count() == 1 and button.get_attribute("aria-expanded") == "false"
                checked += 1
    assert checked >= 5
    page.close()


def test_explanation_opens_and_closes_with_enter_space_and_escape(server, browser):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + TERM_PAGE, wait_until="networkidle")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.ks-term')"):
            break
    else:
        raise AssertionError("no term button reachable with Tab")
    panel_id = page.evaluate("document.activeElement.getAttribute('aria-controls')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    assert page.is_visible(f"[id='{panel_id}']")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    page.keyboard.press("Space")
    assert page.is_visible(f"[id='{panel_id}']")
    # Tab into the panel, Escape closes it and puts focus back on the term.
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.getElementById('{panel_id}').contains(document.activeElement)")
    page.keyboard.press("Escape")
    assert not page.is_visible(f"[id='{panel_id}']")
    assert page.evaluate("document.activeElement.matches('button.ks-term')")
    page.close()


def test_explanation_opens_and_closes_by_touch_on_a_phone(server, browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(server + TERM_PAGE, wait_until="networkidle")
    button = page.locator("button.ks-term").first
    before = _paragraph_text(page, button)
    button.tap()
    panel = page.locator(f"[id='{button.get_attribute('aria-controls')}']")
    assert panel.is_visible() and button.get_attribute("aria-expanded") == "true"
    assert _paragraph_text(page, button) == before
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    panel.get_by_role("button", name="Luk forklaringen").tap()
    assert not panel.is_visible() and button.get_attribute("aria-expanded") == "false"
    context.close()


def test_without_javascript_a_term_is_a_link_to_the_glossary(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + TERM_PAGE, wait_until="load")
    link = page.locator(f"a.ks-term[data-ks-term='{TERM_ID}']")
    assert link.count() == 1 and link.get_attribute("href").endswith(f"ordliste/#{TERM_ID}")
    assert _term(TERM_ID).short_definition not in page.locator("article").inner_text()
    context.close()


def test_search_index_holds_no_explanation_text_outside_the_glossary(real_site):
    # Issue 15: what Pagefind indexed, page by page (macros/engine/search.py reads its fragments).
    from macros.engine.search import indexed_pages

    docs = [
        {"location": d["url"].lstrip("/"), "title": d["meta"].get("title", ""), "text": d["content"]}
        for d in indexed_pages(real_site.site_dir)
        if not d["url"].lstrip("/").startswith("ordliste/")
    ]
    explained = [t for t, _ in terms(SITE) if t.short_definition]
    assert explained
    # The explanations are on the pages (for terms.js) ...
    page_html = (real_site.site_dir / TERM_PAGE / "index.html").read_text(encoding="utf-8")
    assert _term(TERM_ID).short_definition in page_html
    # ... but no search snippet runs a definition into the sentence, as "netværksinddragelseNetværksinddragelse".
    for doc in docs:
        text = doc["title"] + " " + doc["text"]
        assert "netværksinddragelseNetværksinddragelse" not in text
        for term in explained:
            assert term.short_definition not in text, (doc["location"], term.id)
    assert any("netværksinddragelse" in d["text"] for d in docs)  # the word itself is still found


def test_glossary_has_an_a_to_aa_jump_list_and_terms_from_every_strategy(server, browser):
    page = browser.new_page(viewport=PHONE)
    page.goto(server + "ordliste/", wait_until="networkidle")
    nav = page.get_by_role("navigation", name="Begreber efter forbogstav")
    letters = [a.text_content() for a in nav.get_by_role("link").all()]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ"
    assert letters == sorted(letters, key=alphabet.index) and len(letters) > 1
    expected = sorted({t.term[0].upper() for t, _ in terms(SITE)}, key=alphabet.index)
    assert letters == expected
    for letter in letters:
        assert page.locator(f"h2#bogstav-{letter.lower()}").count() == 1
    for strat in SITE.strategies:
        for term in strat.terms:
            assert page.locator(f"dt[id='{term.id}']").text_content() == term.term
    assert len({s.id for t, s in terms(SITE)}) > 1
    page.close()
