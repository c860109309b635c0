"""Validation of data/: every problem at once, in Danish, with file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from macros.loader import check_site, load_site
from macros.problems import CODES, DataError

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


# --- Stable codes, one mistake one message, and hardening (issues 14, 16 and 17) -------------------------

ROOT = Path(__file__).resolve().parent.parent.parent


def located(data_dir: Path) -> list[tuple[str, int, str]]:
    """(file, line, code) of every problem; every code must be one that pipelines and tools can look up."""
    _, problems = check_site(data_dir)
    assert all(p.code in CODES for p in problems), [p.code for p in problems]
    return sorted((p.file, p.line, p.code) for p in problems)


@pytest.mark.parametrize(
    ("old", "new", "needle", "code"),
    [
        ("    titel: Andet fokusområde\n", "", "id: andet", "missing-field"),
        ("    mål: Målet for det første", "    maal: Målet for det første", "maal:", "unknown-field"),
        ("målgrupper: [voksne]", "målgrupper: voksne", "målgrupper:", "wrong-type"),
        ("titel: Strategi for voksne i Testrup", 'titel: ""', "titel:", "empty"),
        ("dato: 2025-03-01", "dato: 2025-13-01", "dato:", "invalid-date"),
        ("status: vedtaget", "status: vedtagt", "status:", "invalid-choice"),
        ("  - id: andet\n", "  - id: første\n", "Andet fokusområde", "duplicate-id"),
        ("temaer: [første]", "temaer: [forste]", "temaer: [forste]", "unknown-reference"),
        ("  - id: andet\n", "  - id: Andet\n", "id: Andet", "invalid-id"),
        ("dokumenttype: Strategi\n", "dokumenttype: Strategi\ntitel: Igen\n", "titel: Igen", "duplicate-key"),
        (
            "titel: Strategi for voksne i Testrup",
            "titel: |\n  Strategi for voksne\n  i Testrup",
            "titel: |",
            "multiline-title",
        ),
        ("titel: Strategi for voksne i Testrup", "titel: <Strategiens titel>", "titel:", "placeholder"),
        ("titel: Strategi for voksne i Testrup", "titel: &a Strategi", "titel:", "alias"),
    ],
)
def test_each_mistake_has_a_stable_code_at_its_line(data_dir, old, new, needle, code):
    edit(data_dir, old, new)
    line = line_of(data_dir, needle)
    if code == "duplicate-id":
        line -= 2  # the repeated id stands two lines above the title
    assert (f"data/{STRATEGY}", line, code) in located(data_dir), located(data_dir)


def test_yaml_error_in_a_strategy_gives_no_follow_on_errors_elsewhere(data_dir):
    edit(data_dir, "titel: Første fokusområde", "titel: Første: fokusområde")
    assert located(data_dir) == [(f"data/{STRATEGY}", line_of(data_dir, "Første: fokusområde"), "yaml-syntax")]


def test_invalid_strategy_id_gives_no_follow_on_errors_elsewhere(data_dir):
    edit(data_dir, "id: testrup-voksne", "id: Testrup-voksne")
    assert located(data_dir) == [(f"data/{STRATEGY}", 1, "invalid-id")]


def test_vedtaget_without_decision_is_reported_at_the_status_line_with_the_allowed_statuses(data_dir):
    edit(data_dir, "beslutning:\n  organ: Socialudvalget\n  dato: 2025-03-01\n", "")
    (problem,) = check_site(data_dir)[1]
    assert (problem.line, problem.code) == (line_of(data_dir, "status: vedtaget"), "missing-decision")
    assert "vedtaget, offentliggjort, udkast, udgået" in problem.message


@pytest.mark.parametrize(
    ("value", "code", "words"),
    [
        ("{{ titel }} og mere", "yaml-syntax", "Sæt teksten i anførselstegn"),
        ("{{ titel }}", "wrong-type", "Sæt teksten i anførselstegn"),
        ("[Udkast] Strategi", "yaml-syntax", "Sæt teksten i anførselstegn"),
    ],
)
def test_text_starting_with_a_brace_gets_a_quoting_hint_not_an_indentation_one(data_dir, value, code, words):
    edit(data_dir, "titel: Strategi for voksne i Testrup", f"titel: {value}")
    _, problems = check_site(data_dir)
    assert [(p.line, p.code) for p in problems] == [(3, code)]
    assert words in problems[0].message and "Indrykning" not in problems[0].message


def test_a_list_used_as_a_key_gets_a_danish_message(data_dir):
    edit(data_dir, "dokumenttype: Strategi\n", "dokumenttype: Strategi\n[a, b]: x\n")
    _, problems = check_site(data_dir)
    assert [(p.line, p.code) for p in problems] == [(5, "invalid-key")]
    assert "feltnavn skal være et ord" in problems[0].message and "Node" not in problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("  - id: baggrund\n", "  - id: vision\n", "id: vision"),
        ("  - id: baggrund\n", "  - id: hvad-kan-du-gøre\n", "id: hvad-kan-du-gøre"),
        ("  - id: baggrund\n", "  - id: kilder\n", "id: kilder"),
        ("  - id: baggrund\n", "  - id: fokusområder\n", "id: fokusområder"),  # the themes heading's anchor
        ("  - id: andet\n", "  - id: relaterede\n", "id: relaterede"),
        ("  - id: andet\n", "  - id: index\n", "id: index"),
    ],
)
def test_ids_the_pages_use_themselves_are_reserved(data_dir, old, new, needle):
    edit(data_dir, old, new)
    assert (f"data/{STRATEGY}", line_of(data_dir, needle), "reserved-id") in located(data_dir)


def test_audience_id_index_is_reserved(data_dir):
    edit(data_dir, "  - id: medarbejder\n", "  - id: index\n", file="site.yml")
    assert located(data_dir) == [("data/site.yml", line_of(data_dir, "id: index", "site.yml"), "reserved-id")]


def _nested_sections(depth: int) -> str:
    lines = []
    for level in range(depth):
        pad = "  " * (2 * level + 1)
        lines += [f"{pad}- id: niveau-{level}", f"{pad}  titel: Niveau {level}", f"{pad}  underafsnit:"]
    lines[-1] = lines[-1].replace("  underafsnit:", "  tekst: Dybest.")
    return "\n".join(lines) + "\n"


def test_subsections_deeper_than_h6_are_reported_at_the_deepest_section(data_dir):
    edit(data_dir, "betegnelser:\n", "gennemførelse:\n" + _nested_sections(6) + "betegnelser:\n")
    assert located(data_dir) == [(f"data/{STRATEGY}", line_of(data_dir, "id: niveau-5"), "too-deep")]


def test_subsections_down_to_h6_are_fine(data_dir):
    edit(data_dir, "betegnelser:\n", "gennemførelse:\n" + _nested_sections(5) + "betegnelser:\n")
    assert located(data_dir) == []


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("strategier/ny.yaml", "Omdøb den til 'ny.yml'."),
        ("strategier/ny.YML", "Omdøb den til 'ny.yml'."),
        ("Kommuner.yml", "Omdøb den til 'kommuner.yml'."),
        ("site.yaml", "Omdøb den til 'site.yml'."),
        ("andet.yml", "bliver læst. Flyt eller slet filen."),
        ("strategier/gammelt/x.yml", "bliver læst. Flyt eller slet filen."),
    ],
)
def test_files_that_look_like_data_but_are_not_read_are_reported(data_dir, name, advice):
    path = data_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("id: x\n", encoding="utf-8")
    _, problems = check_site(data_dir)
    assert [(p.file, p.line, p.code) for p in problems] == [(f"data/{name}", 1, "ignored-file")]
    assert problems[0].message.startswith(f"Filen '{path.name}' bliver ikke læst.")
    assert advice in problems[0].message


def test_skeleton_published_unchanged_fails_with_placeholder_messages(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    skeleton = ROOT / "skabeloner" / "ny-strategi.yml"
    shutil.copy(skeleton, data / "strategier" / "ny-strategi.yml")
    _, problems = check_site(data)
    assert problems, "the unchanged skeleton was accepted"
    assert {p.code for p in problems} == {"placeholder"}, [str(p) for p in problems]
    title_line = line_of(data, "titel: <Strategiens titel>", "strategier/ny-strategi.yml")
    assert any(
        p.line == title_line
        and "Teksten '<Strategiens titel>' er en pladsholder fra skabelonen. Skriv den rigtige tekst." in p.message
        for p in problems
    )


def test_hostile_web_address_in_a_municipality_is_refused(data_dir):
    edit(
        data_dir,
        "hjemmeside: https://testrup.example/",
        'hjemmeside: https://x/"><svg/onload=alert(1)>',
        file="kommuner.yml",
    )
    assert located(data_dir) == [("data/kommuner.yml", 4, "invalid-url")]


def test_reserved_anchors_cover_every_fixed_id_the_strategy_templates_write():
    import re

    from macros import shaping
    from macros.checks import BUILT_IN_ANCHORS

    components = ROOT / "overrides" / "components"
    templates = [*components.glob("strategy/*.html"), *components.glob("partials/*.html")]
    # Fixed ids: written as an attribute, or as the id of heading(level, "id", ...)
    written = re.compile(r'\bid="([^"{}]+)"|\bheading\([^,()]+,\s*"([^"{}]+)"')
    fixed = {"".join(found) for path in templates for found in written.findall(path.read_text(encoding="utf-8"))}
    assert fixed, "no templates found"
    assert fixed | {shaping.GUIDANCE_ANCHOR, shaping.THEME_TEXT_ANCHOR} <= set(BUILT_IN_ANCHORS)


def test_a_status_not_explained_in_site_yml_is_a_problem_not_a_crash(data_dir):
    edit(
        data_dir,
        "  - id: vedtaget\n    navn: Vedtaget\n    forklaring: Et politisk udvalg eller byrådet har "
        "godkendt dokumentet.\n",
        "",
        file="site.yml",
    )
    _, problems = check_site(data_dir)
    assert [(p.file, p.line, p.code) for p in problems] == [
        ("data/site.yml", line_of(data_dir, "statusser:", "site.yml"), "unknown-reference")
    ]
    assert "Status 'vedtaget'" in problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("  - id: første\n", "  - id: Første\n", "id: Første"),  # referred to by an action and by vaer-med.yml
        ("  - id: test-begreb\n", "  - id: test begreb\n", "id: test begreb"),
        ("  - id: andet-begreb\n", "  - id: ../andet\n", "id: ../andet"),  # referred to by se_også
    ],
)
def test_an_invalid_id_is_reported_once_where_it_stands_not_again_where_it_is_used(data_dir, old, new, needle):
    edit(data_dir, old, new)
    assert located(data_dir) == [(f"data/{STRATEGY}", line_of(data_dir, needle), "invalid-id")]


def test_an_invalid_municipality_id_is_reported_once(data_dir):
    edit(data_dir, "  - id: testrup\n", "  - id: Testrup\u200b\n", file="kommuner.yml")
    _, problems = check_site(data_dir)
    assert [(p.file, p.line, p.code) for p in problems] == [("data/kommuner.yml", 2, "invalid-id")]
    assert "\\u200b" in problems[0].message  # the invisible character is shown, so the editor can find it
