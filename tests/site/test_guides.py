"""The "Hvad kan du gøre?" guides on the real site: by municipality, then strategy; each action once;
the municipality's intentions apart; the civil-society guide leads on to "Vær med"."""

from __future__ import annotations

import re

from conftest import ROOT, main_content, visible_text
from macros import shaping
from macros.loader import load_site

SITE = load_site(ROOT / "data")


def _municipality_sections(html: str) -> list[tuple[str, str]]:
    """(municipality id, section HTML) in page order; a section runs to the next one (or the end)."""
    parts = re.split(r'(?=<section class="ks-guide-municipality")', html)[1:]
    return [(re.match(r'[^>]*data-ks-municipality="([^"]+)"', part).group(1), part) for part in parts]


def _actions(audience_id: str):
    return [(s, a) for s in SITE.strategies for g in s.guidance if g.audience == audience_id for a in g.actions]


def test_each_guide_groups_strategies_under_their_municipality_with_a_jump_list(real_site):
    names = {m.id: m.name for m in SITE.municipalities}
    for audience in SITE.settings.audiences:
        html = main_content(real_site.html(f"hvad-kan-du-gøre/{audience.id}/"))
        sections = _municipality_sections(html)
        expected = sorted({s.municipality for s, _ in _actions(audience.id)}, key=lambda m: names[m])
        assert [m for m, _ in sections] == expected, audience.id
        for municipality, section in sections:
            assert f'<h2 id="kommune-{municipality}">{names[municipality]}</h2>' in section
            strategies_here = re.findall(r'<h3 id="([^"]+)">', section)
            assert strategies_here and all(
                SITE.strategies_by_id[s].municipality == municipality for s in strategies_here
            ), (audience.id, municipality)
        if len(expected) > 1:
            jump = re.search(r'<nav class="ks-jumplist" aria-label="Vælg kommune">(.*?)</nav>', html, re.S).group(1)
            assert re.findall(r'href="\?kommune=([^"#]+)#kommune-\1"', jump) == expected


def test_each_action_is_listed_once_with_its_themes_named(real_site):
    for audience in SITE.settings.audiences:
        html = main_content(real_site.html(f"hvad-kan-du-gøre/{audience.id}/"))
        text = visible_text(html)
        actions = _actions(audience.id)
        # Each action once, with a link to where the strategy says it (or a note that it is in its own list).
        assert html.count('class="ks-actions__source"') + html.count('class="ks-actions__note"') == len(actions)
        for strat, action in actions:
            assert text.count(visible_text(action.text)) == 1, action.text
            for theme_id in action.themes:
                theme = shaping.theme(strat, theme_id)
                assert theme.title in text
    several = [(s, a) for s, a in _actions("medarbejder") if len(a.themes) > 1]
    assert several, "the data should have an action concerning several themes"
    html = main_content(real_site.html("hvad-kan-du-gøre/medarbejder/"))
    strat, action = several[0]
    item = re.search(r'<li class="ks-actions__item">' + re.escape(action.text) + r".*?</li>", html, re.S).group(0)
    for theme_id in action.themes:
        assert shaping.theme(strat, theme_id).title in item


def test_intentions_of_the_municipality_stand_apart_from_what_the_reader_can_do(real_site):
    intentions = [(s, a) for s, a in _actions("medarbejder") if a.kind == "hensigt"]
    assert intentions, "the data marks the municipality's intentions ('type: hensigt')"
    html = main_content(real_site.html("hvad-kan-du-gøre/medarbejder/"))
    for strat, action in intentions:
        block = re.search(rf'<h3 id="{re.escape(strat.id)}">.*?(?=<h3 |</section>\s*</section>|$)', html, re.S).group(0)
        parts = block.split(f'<h4 id="{strat.id}-kommunen-vil">Det vil kommunen arbejde for</h4>')
        assert len(parts) == 2, strat.id
        assert action.text in parts[1] and action.text not in parts[0]
        assert f'<h4 id="{strat.id}-det-kan-du-gøre">Det kan du gøre</h4>' in parts[0]


def test_civil_society_guide_links_to_vaer_med(real_site):
    html = main_content(real_site.html(f"hvad-kan-du-gøre/{shaping.PARTICIPATION_AUDIENCE}/"))
    assert re.search(r'<a href="\.\./\.\./vaer-med/" data-ks-carry-municipality>[^<]*Vær med', html)
    assert (real_site.site_dir / "vaer-med" / "index.html").exists()
    other = main_content(real_site.html("hvad-kan-du-gøre/borger/"))
    assert "vaer-med/" not in other


def test_participation_for_gives_a_strategy_or_themes_entries():
    for strat in SITE.strategies:
        entries = shaping.participation_for(SITE, strat.id)
        assert [i.entry.id for i in entries] == [e.id for e in SITE.participation if e.strategy == strat.id]
        for theme in strat.themes:
            ids = [i.entry.id for i in shaping.participation_for(SITE, strat.id, theme.id)]
            assert ids == [e.id for e in SITE.participation if e.strategy == strat.id and theme.id in e.themes]
    assert any(shaping.participation_for(SITE, s.id, t.id) for s in SITE.strategies for t in s.themes)
