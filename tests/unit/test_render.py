"""Rendering without MkDocs: data is text, links are relative to the page, headings are recorded."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from conftest import ROOT
from macros import render as render_module
from macros.loader import load_site
from macros.render import environment, render
from page import Page

SITE = load_site(ROOT / "data")


@pytest.fixture
def components(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A template folder of our own, rendered with the project's environment (its filters and rules)."""

    def make(name: str, source: str) -> str:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source, encoding="utf-8")
        return name

    monkeypatch.setattr(render_module, "environment", lambda: environment(tmp_path))
    return make


def test_text_from_data_is_escaped_and_headings_are_recorded_with_their_text(components):
    name = components("t.html", '{{ heading(2, "om", title) }}<p>{{ title }}</p>')
    rendered = render(name, SITE, "strategier/x/", title='<b>fed</b> & "citat"')
    assert "<b>" not in str(rendered) and "&lt;b&gt;fed&lt;/b&gt;" in str(rendered)
    (heading,) = rendered.headings
    assert (heading.level, heading.id) == (2, "om") and heading.name == "&lt;b&gt;fed&lt;/b&gt; &amp; &#34;citat&#34;"


def test_a_heading_holding_a_link_is_listed_by_its_text(components):
    name = components(
        "t.html", '{% call heading(3, "s", class_="k") %}<a href="{{ link("a/") }}">Titel</a>{% endcall %}'
    )
    rendered = render(name, SITE, "b/")
    page = Page(str(rendered))
    (h3,) = page.root.find_all("h3")
    assert h3.attrs == {"id": "s", "class": "k"} and h3.text == "Titel"
    assert [(h.level, h.name) for h in rendered.headings] == [(3, "Titel")]


def test_links_come_out_relative_to_the_page_they_are_rendered_on(components):
    strategy = SITE.strategies[0]
    name = components(
        "t.html", '<a href="{{ link(strategy | url) }}">x</a> <a href="{{ link("ordliste/", "a") }}">y</a>'
    )
    html = str(render(name, SITE, "hvad-kan-du-gøre/borger/", strategy=strategy))
    assert Page(html).links() == [("x", f"../../strategier/{strategy.id}/"), ("y", "../../ordliste/#a")]


def test_an_unknown_name_in_a_template_fails_loudly(components):
    name = components("t.html", "{{ not_given }}")
    with pytest.raises(jinja2.UndefinedError):
        render(name, SITE, "")


def test_the_real_components_render_with_the_real_environment():
    # Every component compiles (syntax) under the project's environment.
    env = environment()
    for path in (ROOT / "overrides" / "components").rglob("*.html"):
        env.get_template(path.relative_to(ROOT / "overrides" / "components").as_posix())


def test_the_contact_block_lists_only_what_the_source_gives_without_stray_separators(components):
    from types import SimpleNamespace

    name = components("t.html", '{% from "partials/contact.html" import contact_facts %}{{ contact_facts(c) }}')
    environment_dir = ROOT / "overrides" / "components"
    only_email = SimpleNamespace(name=None, phone=None, email="a@b.example", url=None)
    everything = SimpleNamespace(
        name="Fiktiv Person", phone="11 22 33 44", email="a@b.example", url="https://b.example/"
    )
    components("partials/contact.html", (environment_dir / "partials" / "contact.html").read_text(encoding="utf-8"))
    assert Page(str(render(name, SITE, "", c=only_email))).root.text == "E-mail: a@b.example"
    text = Page(str(render(name, SITE, "", c=everything))).root.text
    assert text == "Fiktiv Person · Telefon: 11 22 33 44 · E-mail: a@b.example · https://b.example/"
