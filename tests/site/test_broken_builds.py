"""Every class of editing mistake, each in a broken copy of the fixture site, built as `make build` does.

Each build must stop (non-zero exit), say in Danish which file, line and field is wrong, and leave the
previously published site exactly as it was.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import copy_fixture

STRATEGY = "data/strategier/testrup-voksne.yml"
VAER_MED = "data/vaer-med.yml"

# (what goes wrong, file, text before, text after, text on the line the message must name, words it must contain)
CASES = [
    (
        "YAML-syntaks",
        STRATEGY,
        "titel: Første fokusområde",
        "titel: Første: fokusområde",
        "Første: fokusområde",
        ["anførselstegn"],
    ),
    ("tabulator", STRATEGY, "  - id: andet\n", "\t- id: andet\n", "\t- id: andet", ["tabulator"]),
    (
        "dobbelt felt",
        STRATEGY,
        "dokumenttype: Strategi\n",
        "dokumenttype: Strategi\ntitel: Igen\n",
        "titel: Igen",
        ["'titel'", "to gange"],
    ),
    (
        "ukendt felt",
        STRATEGY,
        "    mål: Målet for det første",
        "    maal: Målet for det første",
        "maal:",
        ["ukendt felt 'maal'", "Mente du 'mål'?"],
    ),
    ("forkert type", STRATEGY, "målgrupper: [voksne]", "målgrupper: voksne", "målgrupper:", ["liste"]),
    ("manglende felt", STRATEGY, "    titel: Andet fokusområde\n", "", "id: andet", ["mangler feltet 'titel'"]),
    ("tom tekst", STRATEGY, "titel: Strategi for voksne i Testrup", 'titel: ""', 'titel: ""', ["Titel er tom"]),
    ("ugyldig dato", STRATEGY, "dato: 2025-03-01", "dato: 2025-13-01", "dato:", ["dato", "ÅÅÅÅ-MM-DD"]),
    ("dobbelt id", STRATEGY, "  - id: andet\n", "  - id: første\n", "- id: første", ["Id 'første' bruges allerede"]),
    (
        "ukendt tema",
        STRATEGY,
        "temaer: [første]",
        "temaer: [forste]",
        "temaer: [forste]",
        ["'temaer'", "'forste' findes ikke", "Mente du 'første'?"],
    ),
    (
        "ukendt strategi",
        VAER_MED,
        "strategi: testrup-voksne\n    temaer: [andet]",
        "strategi: testrup-unge\n    temaer: [andet]",
        "strategi: testrup-unge",
        ["'strategi'", "'testrup-unge' findes ikke"],
    ),
    (
        "ukendt begreb",
        STRATEGY,
        "se_også: [andet-begreb]",
        "se_også: [andt-begreb]",
        "se_også:",
        ["'se_også'", "'andt-begreb' findes ikke", "Mente du 'andet-begreb'?"],
    ),
    (
        "ukendt læsergruppe",
        STRATEGY,
        "læsergruppe: borger",
        "læsergruppe: borgere",
        "læsergruppe: borgere",
        ["'læsergruppe'", "'borgere' findes ikke", "Mente du 'borger'?"],
    ),
    (
        "YAML-anker",
        STRATEGY,
        "titel: Første fokusområde",
        "titel: &a Første fokusområde",
        "&a Første fokusområde",
        ["henvisning", "anførselstegn"],
    ),
    ("selvhenvisende liste", VAER_MED, "muligheder:", "muligheder: &a [*a]", "muligheder: &a [*a]", ["henvisning"]),
    (
        "pladsholder",
        STRATEGY,
        "titel: Strategi for voksne i Testrup",
        "titel: <Strategiens titel>",
        "titel: <Strategiens titel>",
        ["'<Strategiens titel>' er en pladsholder fra skabelonen"],
    ),
    (
        "vedtaget uden beslutning",
        STRATEGY,
        "beslutning:\n  organ: Socialudvalget\n  dato: 2025-03-01\n",
        "",
        "status: vedtaget",
        ["mangler feltet 'beslutning'", "offentliggjort, udkast, udgået"],
    ),
    (
        "tekst med {{",
        STRATEGY,
        "titel: Første fokusområde",
        "titel: {{ navn }} fokusområde",
        "{{ navn }} fokusområde",
        ["Sæt teksten i anførselstegn"],
    ),
    (
        "farlig webadresse",
        "data/kommuner.yml",
        "hjemmeside: https://testrup.example/",
        'hjemmeside: https://x/"><svg/onload=alert(1)>',
        "<svg/onload=alert(1)>",
        ["ikke en gyldig webadresse"],
    ),
    ("reserveret id", STRATEGY, "  - id: baggrund\n", "  - id: vision\n", "- id: vision", ["Id 'vision'"]),
    (
        "titel over flere linjer",
        STRATEGY,
        "    titel: Andet fokusområde\n",
        "    titel: |\n      Andet\n      fokusområde\n",
        "titel: |",
        ["på flere linjer", "én linje"],
    ),
]


def _fingerprint(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _build(site: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros.build", str(site / "mkdocs.yml"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site published from the intact fixture: every failed build below must leave it as it is."""
    base = tmp_path_factory.mktemp("published")
    result = _build(copy_fixture("one-municipality", base), base / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return base / "site"


@pytest.mark.parametrize(("what", "file", "old", "new", "line_text", "words"), CASES, ids=[c[0] for c in CASES])
def test_mistake_stops_the_build_with_file_line_and_field(tmp_path, published, what, file, old, new, line_text, words):
    before = _fingerprint(published)
    site = copy_fixture("one-municipality", tmp_path)
    path = site / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = [
        i
        for i, content in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if content.rstrip().endswith(line_text) or content.strip().startswith(line_text)
    ][-1]

    result = _build(site, published)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    reported = [entry for entry in output.splitlines() if f"{file}, linje {line}" in entry]
    assert reported, f"{what}: no message names {file}, linje {line}:\n{output}"
    assert any(all(word in entry for word in words) for entry in reported), f"{what}: {reported}"
    assert "Det tidligere site" in result.stderr
    assert _fingerprint(published) == before
