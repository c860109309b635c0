"""Document titles are text escaped once: a '<', '&' or quote in data shows as written, drafts included."""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup

from conftest import FIXTURES
from macros.engine.titles import as_text, html_title
from macros.loader import load_site


def test_a_drafts_title_with_markup_characters_is_escaped_once():
    site = load_site(FIXTURES / "progress-site" / "data")
    draft = next(s for s in site.strategies if s.status == "udkast")
    page = SimpleNamespace(is_homepage=False, title=as_text('Plan A<B & "C"'), meta={"kommune": draft.municipality})
    title = html_title(site, page, "Sitet", draft.id)  # type: ignore[arg-type]
    assert isinstance(title, Markup)
    assert str(title).startswith("Plan A&lt;B &amp; &#34;C&#34; (udkast) – ")
    assert "&amp;lt;" not in str(title) and str(title).endswith(" – Sitet")
