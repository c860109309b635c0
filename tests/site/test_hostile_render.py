"""Text is always text: markup, template code and script links in every text field of the data.

The hostile fixture (``hostile_site`` in conftest.py) appends the same hostile text to every text field
the model declares, so a new field is covered without changing this test. The build must succeed and
publish the text literally, on every page and wherever the theme prints it (title, header, navigation,
table of contents, footer), with no script link left.
"""

from __future__ import annotations

import re

from conftest import main_content, visible_text
from page import Page

RAW = ["<b>fed</b>", "<img src=x", "<script>alert(2)", "</title><script>", "Plan A<B"]


def test_hostile_text_never_becomes_markup(hostile_site):
    pages = hostile_site.pages()
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for raw in RAW:
            assert raw not in html, f"{page}: '{raw}' is live markup"
        assert not re.search(r'href="\s*(javascript|data|vbscript)', html, re.I), f"{page}: script link"
        assert "evil.example" not in html, f"{page}: a link or image to another host survived"
        text = visible_text(html).lower()
        assert text.count("{{ 7*7 }}") == text.count("plan a<b"), f"{page}: template code in data ran"


def test_hostile_text_is_shown_as_written(hostile_site):
    overview = hostile_site.html("strategier/testrup-voksne/")
    title = re.search(r"<title>(.*?)</title>", overview, re.S).group(1)
    assert "&lt;b&gt;fed&lt;/b&gt;" in title and "Plan A&lt;B" in title
    assert "Testrup Kommune" in visible_text(title)
    text = visible_text(main_content(overview))
    assert "<b>fed</b> <img src=x onerror=alert(1)>" in text
    assert "{{ 7*7 }}" in text and "Plan A<B &amp;" in text
    # The header, the navigation and the footer print names from data as text too.
    page = visible_text(overview)
    assert "Ansvarlig for indholdet: Testrup Kommune <b>fed</b>" in page
    theme = hostile_site.html("strategier/testrup-voksne/første/")
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', theme, re.S)
    assert toc and "&lt;b&gt;fed" in toc.group(0)
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", theme, re.S).group(1)
    assert "\\" not in heading and "Plan A&lt;B" in heading


def test_a_page_title_with_angle_brackets_keeps_its_navigation_entry(hostile_site):
    page = Page(hostile_site.html("strategier/testrup-voksne/"))
    nav = page.root.find("nav", class_="md-nav--primary")
    assert nav is not None
    assert "Strategi for voksne i Testrup <b>fed</b> <img src=x" in nav.text
