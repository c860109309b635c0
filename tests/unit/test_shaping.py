"""Shaping without MkDocs: grouping, labels, filters that never dead-end, and resolved lookups."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import FIXTURES, ROOT
from macros import progress_page, shaping
from macros.loader import load_site

REAL = load_site(ROOT / "data")
PROGRESS = load_site(FIXTURES / "progress-site" / "data")


def test_strategies_are_grouped_under_their_municipality_in_alphabetical_order():
    groups = shaping.strategies_by_municipality(REAL)
    names = [m.name for m, _ in groups]
    assert names == sorted(names) and len(names) == len({s.municipality for s in REAL.strategies})
    for municipality, strategies in groups:
        assert strategies and all(s.municipality == municipality.id for s in strategies)
    assert sum(len(s) for _, s in groups) == len(REAL.strategies)


def test_a_theme_is_numbered_the_same_way_wherever_it_stands_alone():
    strategy = REAL.strategies[0]
    theme = strategy.themes[0]
    numbered = dataclasses.replace(theme, number="IV")
    assert shaping.theme_label(numbered) == f"IV. {theme.title}"
    assert shaping.theme_label(dataclasses.replace(theme, number=None)) == theme.title
    assert shaping.theme_kicker(strategy, numbered) == f"{strategy.labels.singular.capitalize()} IV"
    assert shaping.theme_kicker(strategy, dataclasses.replace(theme, number=None)) == ""


def test_every_status_a_strategy_uses_is_explained_and_an_unexplained_one_names_site_yml():
    for strategy in REAL.strategies:
        assert shaping.status_definition(REAL, strategy).description
    with pytest.raises(KeyError, match="data/site.yml"):
        shaping.status_definition(REAL, dataclasses.replace(REAL.strategies[0], status="ukendt"))


def test_vaer_med_filters_only_offer_choices_that_have_entries():
    entries = shaping.participation(PROGRESS)
    assert entries
    for option in shaping.participation_filter_themes(PROGRESS):
        assert option.count == sum(
            1
            for e in entries
            if e.strategy.id == option.strategy.id and any(f"{e.strategy.id}/{t.id}" == option.value for t in e.themes)
        )
        assert option.count > 0
    offered = {m.id for m in shaping.participation_municipalities(PROGRESS)}
    assert offered == {e.municipality.id for e in entries}


def test_the_website_label_is_the_address_a_reader_would_type():
    municipality = REAL.municipalities[0]
    for website, label in (("https://www.kalundborg.dk/", "kalundborg.dk"), ("https://faxe.dk", "faxe.dk")):
        assert shaping.website_label(dataclasses.replace(municipality, website=website)) == label


def test_target_groups_are_named_as_site_yml_names_them():
    names = {g.id: g.name for g in REAL.settings.target_groups}
    for strategy in REAL.strategies:
        assert shaping.target_group_names(REAL, strategy) == ", ".join(names[g] for g in strategy.target_groups)


def test_the_progress_view_model_resolves_statuses_and_puts_dates_in_order():
    strategy = next(s for s in PROGRESS.strategies if s.progress and s.progress.initiatives)
    context = progress_page.context(PROGRESS, strategy, dt.date(2026, 1, 1))
    statuses = {s.id: s for s in PROGRESS.settings.initiative_statuses}
    seen = 0
    for group in context["groups"]:
        assert group.anchor.startswith("indsatser-") and group.label
        for view in group.initiatives:
            assert view.status == statuses.get(view.initiative.status)
            assert [m.date for m in view.milestones] == sorted(m.date for m in view.initiative.milestones)
            for shown in view.indicators:
                assert [m.date for m in shown.measurements] == sorted(m.date for m in shown.indicator.measurements)
                assert (shown.chart is None) == (not shown.indicator.measurements)
            seen += 1
    assert seen == len(strategy.progress.initiatives)


def test_a_shape_every_page_needs_is_made_once_per_site_and_let_go_with_it():
    import gc
    import weakref

    from macros.shaping.lookups import per_object

    calls = []

    @per_object
    def shape(site):
        calls.append(1)
        return [s.id for s in site.strategies]

    site = dataclasses.replace(load_site(FIXTURES / "one-municipality" / "data"))  # an object of this test's own
    assert shape(site) is shape(site) and len(calls) == 1
    other = dataclasses.replace(site)  # the next build's site: equal data, a new object
    assert shape(other) == shape(site) and len(calls) == 2
    alive = weakref.ref(site)
    del site
    gc.collect()
    assert alive() is None  # the cache does not keep an old build's site in memory (make serve)


def test_the_vaer_med_entries_of_a_strategy_are_those_of_the_whole_list():
    for strategy in PROGRESS.strategies:
        whole = [i for i in shaping.participation(PROGRESS) if i.strategy.id == strategy.id]
        assert shaping.participation_for(PROGRESS, strategy.id) == whole
        for theme in strategy.themes:
            assert shaping.participation_for(PROGRESS, strategy.id, theme.id) == [i for i in whole if theme in i.themes]
