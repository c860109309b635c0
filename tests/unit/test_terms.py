"""Terms in running text: a link to the glossary; the short definition waits outside the sentence."""

from __future__ import annotations

import re

from macros.checks import short_definitions
from macros.model import Loc, Site, SiteSettings, Strategy, Term, ThemeLabels
from macros.terms import mark_terms

SHORT = "En kort forklaring af begrebet."


def _term(short: str | None, **extra) -> Term:
    return Term(
        id="test-begreb",
        term="Testbegreb",
        definition="Den lange definition fra kilden.",
        short_definition=short,
        forms=["testbegrebet"],
        **extra,
    )


def test_term_keeps_the_sentence_and_its_short_definition_follows_outside_the_text():
    html = str(mark_terms("<p>Vi bruger testbegrebet i en hel sætning.</p>", [_term(SHORT)], "../ordliste/"))
    paragraph = re.search(r"<p>.*?</p>", html).group(0)
    assert paragraph == (
        '<p>Vi bruger <a class="ks-term" href="../ordliste/#test-begreb" data-ks-term="test-begreb">'
        "testbegrebet</a> i en hel sætning.</p>"
    )
    assert SHORT not in paragraph
    template = html[len(paragraph) :]
    assert template.startswith('<template class="ks-term-explanations" data-search-exclude>')
    assert 'data-ks-term-explanation="test-begreb"' in template and SHORT in template
    assert 'href="../ordliste/#test-begreb"' in template
    assert "title=" not in html


def test_term_without_short_definition_is_only_a_link():
    html = str(mark_terms("<p>Vi bruger testbegrebet her.</p>", [_term(None)], "../ordliste/"))
    assert "<template" not in html
    assert 'data-ks-term="test-begreb">testbegrebet</a>' in html


def test_only_the_first_use_outside_headings_and_links_is_marked():
    html = str(
        mark_terms(
            "<h2>Testbegreb</h2><p><a href='x'>testbegreb</a> og testbegreb og testbegreb</p>", [_term(SHORT)], "o/"
        )
    )
    assert html.count('class="ks-term"') == 1
    assert "<h2>Testbegreb</h2>" in html


def _site_with(term: Term) -> Site:
    labels = ThemeLabels(singular="tema", plural="temaer")
    strategy = Strategy(
        id="s",
        municipality="m",
        title="S",
        kind="Strategi",
        area="A",
        target_groups=["voksne"],
        status="udkast",
        labels=labels,
        terms=[term],
    )
    return Site(settings=SiteSettings(), municipalities=[], strategies=[strategy], participation=[])


def test_short_definition_longer_than_25_words_is_reported_at_its_line():
    long_text = " ".join(["ord"] * 26)
    term = _term(long_text, loc=Loc("data/strategier/s.yml", 10, {"short_definition": 12}))
    problems = short_definitions(_site_with(term))
    assert [(p.file, p.line, p.code) for p in problems] == [("data/strategier/s.yml", 12, "too-long")]
    assert "26 ord" in problems[0].message and "højst have 25" in problems[0].message
    assert short_definitions(_site_with(_term(" ".join(["ord"] * 25)))) == []
