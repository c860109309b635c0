"""One owner for addresses: macros/urls.py. Templates never build a URL from pieces, and every page path follows
the one slug rule (each segment is an id as the model validates it)."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from macros import urls
from macros.fields import SLUG_RE
from macros.model import Audience, Document, Strategy, Term, Theme

# Joining strings into an address: 'strategier/' ~ id, x ~ '/' ~ y, url ~ '#' ~ anchor, {{ a }}#{{ b }}, 'x.md'.
CONCATENATION = re.compile(r"""~\s*['"][^'"]*[/#]|[/#]['"]\s*~|['"]strategier/|\.md['"]|\}\}[#/]\{\{|url_of""")


def test_no_component_builds_a_url_by_concatenation():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}"
        for path in sorted((ROOT / "overrides/components").rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "href" in line and CONCATENATION.search(line)
    ]
    assert offenders == []


def test_every_page_path_follows_the_slug_rule(real_site):
    paths = [page.parent.relative_to(real_site.site_dir) for page in real_site.pages() if page.name == "index.html"]
    assert len(paths) > 30
    wrong = [path.as_posix() for path in paths if any(not SLUG_RE.match(part) for part in path.parts)]
    assert wrong == []


def _strategy() -> Strategy:
    return Strategy(
        id="kalundborg-børn",
        municipality="kalundborg",
        title="T",
        kind="Strategi",
        area="A",
        status="vedtaget",
        labels=None,
    )  # type: ignore[arg-type]


def test_urls_of_model_objects():
    strategy = _strategy()
    assert urls.of(strategy) == "strategier/kalundborg-børn/"
    assert urls.of(Theme(id="første", title="Første"), strategy) == "strategier/kalundborg-børn/første/"
    assert (
        urls.of(Document(id="formaal", title="F", kind="Formålspapir"), strategy)
        == "strategier/kalundborg-børn/formaal/"
    )
    assert urls.of(Audience(id="borger", name="Borger", heading="H")) == "hvad-kan-du-gøre/borger/"
    assert urls.of(Term(id="ssp", term="SSP", definition="D")) == "ordliste/#ssp"
    with pytest.raises(TypeError):
        urls.of(Theme(id="første", title="Første"))  # a theme's address needs its strategy


def test_generated_sources_and_urls_agree():
    for url in ("strategier/x/", "strategier/x/y/", "hvad-kan-du-gøre/borger/"):
        assert urls.url_of(urls.page_source(url)) == url
        assert urls.url_of(urls.index_source(url)) == url


@pytest.mark.parametrize(
    ("target", "here", "link"),
    [
        ("strategier/x/", "strategier/x/y/", "../"),
        ("strategier/x/y/", "strategier/x/y/", "./"),
        ("ordliste/#ssp", "strategier/x/", "../../ordliste/#ssp"),
        ("feed-x.xml", "strategier/x/saadan-gaar-det/", "../../../feed-x.xml"),
        ("feed.xml", "", "feed.xml"),
    ],
)
def test_relative_links(target, here, link):
    assert urls.relative(target, here) == link
