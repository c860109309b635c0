"""The benchmark's synthetic data is valid data: the validator finds nothing, at every size the tests use.

bench.synthetic writes through the model's YAML keys; if the model or the validator changes so that the
generator writes something an editor would be told to fix, the benchmark and the page-weight test would
measure a site that cannot be built. These tests say so first, with the validator's own messages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.corpus import danish_sentences
from bench.synthetic import add_strategies, municipality_count, write_data
from macros.loader import check_site

FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "one-municipality" / "data"


def _problems(data: Path) -> list[str]:
    return [str(p) for p in check_site(data)[1]]


@pytest.mark.parametrize("strategies", [1, 4, 13])
def test_generated_data_validates(tmp_path: Path, strategies: int) -> None:
    write_data(tmp_path / "data", strategies, danish_sentences())
    site, problems = check_site(tmp_path / "data")
    assert [str(p) for p in problems] == []
    assert site is not None
    assert len(site.strategies) == strategies
    assert len(site.municipalities) == municipality_count(strategies)
    assert all(len(s.themes) == 4 for s in site.strategies)


@pytest.mark.parametrize("count", [2, 7])
def test_strategies_added_to_the_fixture_validate(tmp_path: Path, count: int) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    ids = add_strategies(data, count)
    site, problems = check_site(data)
    assert [str(p) for p in problems] == []
    assert site is not None
    assert ids == [f"strategi-{n}" for n in range(count)]
    assert {s.id for s in site.strategies} == {"testrup-voksne", *ids}
    added = [s for s in site.strategies if s.id in ids]
    assert {s.municipality for s in added} == {"testrup", "kærby"}  # two municipalities, one of them new
    assert all([t.id for t in s.themes][2] == "tredje-tema" for s in added)
    assert all(s.terms == [] for s in added)  # the glossary page stays the same size


def test_a_strategy_is_the_same_whatever_the_number_added(tmp_path: Path) -> None:
    """The page-weight test compares strategy 1 on sites of different sizes: its file must not change."""
    small, large = tmp_path / "small", tmp_path / "large"
    for data, count in ((small, 2), (large, 9)):
        shutil.copytree(FIXTURE_DATA, data)
        add_strategies(data, count)
    assert (small / "strategier/strategi-1.yml").read_bytes() == (large / "strategier/strategi-1.yml").read_bytes()
    assert _problems(small) == [] and _problems(large) == []
