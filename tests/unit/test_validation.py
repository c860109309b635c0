"""Validation of data/: every problem at once, in Danish, with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.loader import check_site, load_site
from macros.problems import DataError

FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "one-municipality" / "data"
STRATEGY = "strategier/testrup-voksne.yml"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit(data_dir: Path, old: str, new: str, file: str = STRATEGY) -> None:
    path = data_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(data_dir: Path) -> list[str]:
    _, problems = check_site(data_dir)
    return [str(p) for p in problems]


def line_of(data_dir: Path, needle: str, file: str = STRATEGY) -> int:
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_fixture_is_valid(data_dir):
    assert messages(data_dir) == []


def test_missing_goal_names_theme_by_the_strategys_own_label(data_dir):
    edit(data_dir, "    mål: Målet for det andet fokusområde.\n", "")
    line = line_of(data_dir, "id: andet")
    assert messages(data_dir) == [
        f"data/{STRATEGY}, linje {line}: Fokusområde 2 mangler feltet 'mål' (de andre fokusområder har et mål)."
    ]


def test_missing_required_field(data_dir):
    edit(data_dir, "    titel: Andet fokusområde\n", "")
    line = line_of(data_dir, "id: andet")
    (message,) = messages(data_dir)
    assert message.startswith(f"data/{STRATEGY}, linje {line}: Fokusområde 2 mangler feltet 'titel'")


def test_unknown_field_suggests_nearest_name(data_dir):
    edit(data_dir, "    mål: Målet for det første", "    maal: Målet for det første")
    (message,) = [m for m in messages(data_dir) if "ukendt" in m]
    assert f"linje {line_of(data_dir, 'maal:')}" in message
    assert "Fokusområde 1 har et ukendt felt 'maal'. Mente du 'mål'?" in message


def test_wrong_type(data_dir):
    edit(data_dir, "målgrupper: [voksne]", "målgrupper: voksne")
    (message,) = messages(data_dir)
    assert "målgrupper skal være en liste" in message.lower() or "Målgrupper skal være en liste" in message
    assert f"linje {line_of(data_dir, 'målgrupper:')}" in message


def test_empty_text(data_dir):
    edit(data_dir, "titel: Strategi for voksne i Testrup", 'titel: ""')
    (message,) = messages(data_dir)
    assert message == f"data/{STRATEGY}, linje 3: Titel er tom. Skriv en tekst, eller fjern feltet."


def test_invalid_date(data_dir):
    edit(data_dir, "dato: 2025-03-01", "dato: 2025-13-01")
    (message,) = messages(data_dir)
    assert "Beslutning › dato: '2025-13-01' er ikke en gyldig dato. Skriv datoen som ÅÅÅÅ-MM-DD" in message


def test_invalid_choice_suggests(data_dir):
    edit(data_dir, "status: vedtaget", "status: vedtagt")
    (message,) = messages(data_dir)
    assert "'vedtagt' er ikke en mulig værdi" in message and "Mente du 'vedtaget'?" in message


def test_duplicate_ids(data_dir):
    edit(data_dir, "  - id: andet\n", "  - id: første\n")
    problems = messages(data_dir)
    second = line_of(data_dir, "Andet fokusområde") - 2
    assert any("Id 'første' bruges allerede" in m and f"linje {second}:" in m for m in problems), problems


def test_reference_to_missing_theme_audience_and_municipality(data_dir):
    edit(data_dir, "temaer: [første]", "temaer: [forste]")
    edit(data_dir, "læsergruppe: borger", "læsergruppe: borgere")
    edit(data_dir, "kommune: testrup", "kommune: testby")
    problems = messages(data_dir)
    assert any("'forste' findes ikke" in m and "Mente du 'første'?" in m for m in problems)
    assert any("'borgere' findes ikke" in m and "Mente du 'borger'?" in m for m in problems)
    assert any("'testby' findes ikke i data/kommuner.yml" in m for m in problems)
    assert len(problems) == 3


def test_problems_in_several_files_are_reported_together(data_dir):
    edit(data_dir, "navn: Testrup Kommune", "navn:", file="kommuner.yml")
    edit(data_dir, "status: vedtaget", "status: vedtagt")
    (data_dir / "site.yml").write_text("målgrupper:\n\t- id: x\n", encoding="utf-8")
    files = {m.split(",")[0] for m in messages(data_dir)}
    assert files == {"data/kommuner.yml", f"data/{STRATEGY}", "data/site.yml"}


def test_vedtaget_requires_decision(data_dir):
    edit(data_dir, "beslutning:\n  organ: Socialudvalget\n  dato: 2025-03-01\n", "")
    (message,) = messages(data_dir)
    assert "status 'vedtaget', men mangler feltet 'beslutning'" in message


def test_file_name_must_match_id(data_dir):
    (data_dir / STRATEGY).rename(data_dir / "strategier" / "andet-navn.yml")
    (message,) = messages(data_dir)
    assert "Filen skal hedde 'testrup-voksne.yml'" in message


def test_load_site_raises_one_error_with_all_problems(data_dir):
    edit(data_dir, "status: vedtaget", "status: vedtagt")
    edit(data_dir, "navn: Testrup Kommune", "navn:", file="kommuner.yml")
    with pytest.raises(DataError) as error:
        load_site(data_dir)
    assert error.value.report().startswith("Der er 2 fejl i data/:")


def test_real_data_is_valid():
    root = Path(__file__).resolve().parent.parent.parent
    assert messages(root / "data") == []
