"""Design a reader trusts (issue 11), checked in Chromium on every page of the real site.

Sentence case, headings that never break inside a word on a phone, a heading hierarchy that can be seen,
lines short enough to read, a Danish 404 page and "Sidst opdateret" on every page. The in-page checks are
ksDesign in wcag.js.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

from browser.conftest import site_urls
from conftest import record_check
from macros.shaping import danish_date

WCAG_JS = Path(__file__).with_name("wcag.js")


DESKTOP = {"width": 1280, "height": 900}
PHONES = ({"width": 320, "height": 640}, {"width": 390, "height": 844})
MAX_LINE = 75  # characters
MAIN_SECTIONS = {
    "Forside": "",
    "Strategier": "strategier/",
    "Hvad kan du gøre?": "hvad-kan-du-g%C3%B8re/",
    "Vær med": "vaer-med/",
    "Ordliste": "ordliste/",
}


def every_page(browser, urls: list[str], viewports) -> Iterator[tuple[str, object]]:
    """Each URL with the in-page checks loaded, in each viewport: yields ("<width>px <url>", page)."""
    for viewport in viewports:
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for url in urls:
            page.goto(url, wait_until="load")
            page.add_script_tag(path=str(WCAG_JS))
            yield f"{viewport['width']}px {url}", page
        context.close()


def test_no_text_is_set_in_capitals_by_the_stylesheet(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    for label, page in every_page(browser, urls, (DESKTOP, PHONES[1])):
        capitals = page.evaluate("ksDesign.capitals()")
        if capitals:
            found[label] = capitals
    record_check("no text in capitals by CSS (sentence case)", len(urls))
    assert found == {}


def test_no_heading_breaks_inside_a_word_at_320_and_390_px(real_site, server, browser):
    urls = site_urls(real_site, server)
    found, checked = {}, 0
    for label, page in every_page(browser, urls, PHONES):
        result = page.evaluate("ksDesign.brokenHeadingWords()")
        checked += result["checked"]
        if result["out"]:
            found[label] = result["out"]
    assert checked > 3 * len(urls)  # the check saw the headings (every page has an h1, most many more)
    record_check("no heading breaks inside a word at 320 and 390 px", len(urls))
    assert found == {}


def test_card_titles_keep_their_longest_word_whole_at_320_px(server, browser):
    """The front-page card titles were cut inside "Forebyggelsesstrategi" on phones."""
    page = browser.new_page(viewport=PHONES[0])
    page.goto(server, wait_until="load")
    page.add_script_tag(path=str(WCAG_JS))
    words = page.evaluate("""[...document.querySelectorAll('.md-content [class*=card] :is(h2,h3,h4,h5,h6)')]
        .map(h => h.textContent)""")
    assert any("Forebyggelsesstrategi" in text for text in words), words
    assert page.evaluate("ksDesign.brokenHeadingWords('.md-content [class*=card]').out") == []
    page.close()


def _assert_ordered(levels: dict[str, list[dict]], where: str) -> None:
    """Each heading level present is larger than the next present level, and at least as heavy."""
    present = [f"h{n}" for n in range(1, 7) if levels.get(f"h{n}")]
    for upper, lower in zip(present, present[1:], strict=False):
        smallest_upper = min(h["size"] for h in levels[upper])
        largest_lower = max(h["size"] for h in levels[lower])
        assert smallest_upper > largest_lower, (
            f"{where}: {upper} {levels[upper]} not larger than {lower} {levels[lower]}"
        )
        lightest_upper = min(h["weight"] for h in levels[upper])
        heaviest_lower = max(h["weight"] for h in levels[lower])
        assert lightest_upper >= heaviest_lower, f"{where}: {upper} lighter than {lower}"


def test_each_heading_level_is_stronger_than_the_next(real_site, server, browser):
    urls = site_urls(real_site, server)
    for label, page in every_page(browser, urls, (DESKTOP, PHONES[0])):
        _assert_ordered(page.evaluate("ksDesign.headingLevels()"), label)
        # All six levels, also those a page does not use today, in the article's own styles.
        sample = page.evaluate("""() => {
            const box = document.createElement('div');
            box.id = 'ks-sample';
            box.innerHTML = [1, 2, 3, 4, 5, 6].map(n => `<h${n}>Overskrift ${n}</h${n}>`).join('');
            document.querySelector('.md-content article').append(box);
            return ksDesign.headingLevels('#ks-sample');
        }""")
        assert len(sample) == 6
        _assert_ordered(sample, f"{label} (all levels)")
        strict = [sample[f"h{n}"][0]["size"] for n in range(1, 7)]
        assert strict == sorted(strict, reverse=True) and len(set(strict)) == 6, strict
    record_check("heading sizes and weights ordered h1 > h2 > ... > h6", len(urls))


def test_body_lines_are_at_most_75_characters_on_a_desktop(real_site, server, browser):
    urls = site_urls(real_site, server)
    found, measured = {}, 0
    for label, page in every_page(browser, urls, (DESKTOP,)):
        lines = page.evaluate("ksDesign.lineLengths()")
        measured += len(lines)
        over = [line for line in lines if line["longest"] > MAX_LINE]
        if over:
            found[label] = over[:5]
    assert measured > len(urls)  # many paragraphs ran to more than one line: the measure was taken
    record_check(f"body text at most {MAX_LINE} characters a line at 1280 px", len(urls))
    assert found == {}


def test_longest_paragraph_fills_its_measure(server, browser):
    """The limit is not met by making text needlessly narrow: a long paragraph runs over 55 characters a line."""
    page = browser.new_page(viewport=DESKTOP)
    page.goto(server + "strategier/kalundborg-forebyggelse-voksne/", wait_until="load")
    page.add_script_tag(path=str(WCAG_JS))
    longest = max(line["longest"] for line in page.evaluate("ksDesign.lineLengths()"))
    assert 55 <= longest <= MAX_LINE
    page.close()


def test_missing_page_is_danish_with_search_and_the_main_sections(server, browser):
    page = browser.new_page(viewport=PHONES[1])
    response = page.goto(server + "findes-ikke/", wait_until="load")
    assert response is not None and response.status == 404
    # The test server answers 404 with its own text; the site's 404 page is what a web host serves instead.
    page.goto(server + "404.html", wait_until="load")
    assert page.evaluate("document.documentElement.lang") == "da"
    assert page.locator("h1").inner_text().strip() == "Siden findes ikke"
    assert "Siden findes ikke" in page.title()
    text = page.locator(".md-content").inner_text()
    assert "Not found" not in text and "404 -" not in text
    links = page.evaluate("""[...document.querySelectorAll('.md-content a[href]')]
        .map(a => [a.textContent.trim(), new URL(a.href).pathname])""")
    for name, path in MAIN_SECTIONS.items():
        assert [name, "/" + path] in links, (name, links)
    # The search is offered in the text and opens from it.
    page.locator(".md-content label[for=__search], .md-content button.ks-search").first.click()
    assert page.evaluate("document.getElementById('__search').checked")
    page.close()


def test_every_page_says_when_it_was_last_updated(real_site, server, browser):
    urls = site_urls(real_site, server)
    found = {}
    today = dt.date.today()
    for label, page in every_page(browser, urls, (PHONES[1],)):
        shown = page.evaluate("""[...document.querySelectorAll('.md-content .ks-updated')]
            .filter(p => ksDesign.shown(p))
            .map(p => ({text: p.textContent.replace(/\\s+/g, ' ').trim(),
                        datetime: p.querySelector('time') && p.querySelector('time').getAttribute('datetime')}))""")
        if len(shown) != 1 or not shown[0]["datetime"] or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", shown[0]["datetime"]):
            found[label] = shown
            continue
        when = dt.date.fromisoformat(shown[0]["datetime"])
        if shown[0]["text"] != f"Sidst opdateret {danish_date(when)}" or not dt.date(2020, 1, 1) <= when <= today:
            found[label] = shown
    record_check("'Sidst opdateret <dato>' with a machine-readable date", len(urls))
    assert found == {}


def _last_commit(path: str) -> dt.date:
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        ["git", "-C", str(root), "log", "-1", "--format=%cs", "--", path], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out, f"{path} has no commit: the check needs the project's git history"
    return dt.date.fromisoformat(out)


def test_last_updated_is_the_last_commit_of_the_page_source(real_site):
    """A hand-written page shows its Markdown file's last commit, a strategy page its data file's."""
    for url, source in (
        ("om/", "docs/om.md"),
        ("strategier/faxe-voksne/", "data/strategier/faxe-voksne.yml"),
        ("strategier/faxe-voksne/dialog-og-tillid/", "data/strategier/faxe-voksne.yml"),
    ):
        found = re.search(r'class="ks-updated">Sidst opdateret <time datetime="([0-9-]+)">', real_site.html(url))
        assert found, url
        assert dt.date.fromisoformat(found.group(1)) == _last_commit(source), url
