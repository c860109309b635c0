"""Hostile or mistaken input in every data field and every kind of file: a Danish message or plain text, never a crash.

Cases per field come from the model (tests/hostile.py), so a new field is covered without editing this file.
Cases per file (aliases, nesting, size, encoding) run in a subprocess that must answer within time and
memory bounds: the point is that no input can hang the build, crash it or eat the machine's memory.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import hostile
import pytest

from macros.loader import check_site
from macros.problems import CODES

FIXTURE_DATA = Path(__file__).resolve().parent.parent / "fixtures" / "one-municipality" / "data"
ROOT = Path(__file__).resolve().parent.parent.parent
CASES = list(hostile.field_cases(FIXTURE_DATA))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def test_every_model_field_has_hostile_cases():
    covered = {(case.file, case.owner, case.key) for case in CASES}
    assert hostile.model_fields() - covered == set()


def test_filled_fixture_with_every_class_is_valid(data_dir):
    hostile.write_filled(data_dir)
    assert check_site(data_dir)[1] == []


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile_value_is_text_or_one_danish_problem_at_its_line(data_dir, case):
    line = hostile.apply(data_dir, case)
    _, problems = check_site(data_dir)  # must not raise, whatever the value
    if case.expect is None:
        assert problems == [], [str(p) for p in problems]
        return
    display = f"data/{case.file}"
    assert any((p.file, p.line, p.code) == (display, line, case.expect) for p in problems), [
        (p.file, p.line, p.code, p.message) for p in problems
    ]
    assert all(p.code in CODES for p in problems)
    # Danish, for an editor: no Python type names or node reprs.
    assert not any(word in p.message for p in problems for word in ("Node(", "Traceback", "Error", "None"))


# --- Whole files: bounded time and memory -----------------------------------------------------

_PROBE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    from macros.yamlsource import parse
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    node, problems = parse(Path(sys.argv[1]), "data/x.yml")
    elapsed = time.perf_counter() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"seconds": elapsed, "grown_mb": grown_mb,
                      "problems": [[p.line, p.code, p.message] for p in problems]}))
""")


def _billion_laughs() -> str:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 9):
        name, prev = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines * 40) + "\n"  # repeated to about 17 KB


FILES = {
    "alias-loop": ("x: &a [*a]\n", 1, "alias"),
    "alias-explosion": ("titel: x\nx: &a [*a, *a]\n", 2, "alias"),
    "billion-laughs": (_billion_laughs(), 1, "alias"),
    "undefined-alias": ("titel: *stjerne\n", 1, "alias"),
    "deep-brackets": ("titel: x\nx: " + "[" * 30_000 + "\n", 2, "too-deep"),
    "deep-closed-brackets": ("x: " + "[" * 30_000 + "]" * 30_000 + "\n", 1, "too-deep"),
    "deep-braces": ("x: " + "{a: " * 30_000 + "\n", 1, "too-deep"),
    "deep-block-lists": ("".join("  " * i + "-\n" for i in range(200)), 31, "too-deep"),  # the 31st level
    "too-large": ("titel: " + "x" * (1024 * 1024 + 10) + "\n", 1, "too-large"),
    "nul-byte": ("titel: a\ntekst: b\x00c\n", 2, "encoding"),
    "control-char": ("titel: a\n\ntekst: b\x1bc\n", 3, "encoding"),
}


def _probe(path: Path) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, timeout=30, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr  # a segmentation fault shows up here as -11
    return json.loads(proc.stdout)


@pytest.mark.parametrize("name", FILES)
def test_hostile_file_is_refused_quickly_in_bounded_memory(tmp_path, name):
    text, line, code = FILES[name]
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    result = _probe(path)
    assert result["seconds"] < 2.0, result
    assert result["grown_mb"] < 200, result
    problems = result["problems"]
    assert [(p[0], p[1]) for p in problems] == [(line, code)], problems  # type: ignore[index, union-attr]


def test_billion_laughs_file_is_about_17_kb():
    assert 15_000 < len(_billion_laughs().encode()) < 20_000


def test_invalid_utf8_is_reported_at_its_line(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes("titel: a\ntekst: b\nområde: \xe6\n".encode() + b"navn: caf\xe9\n")
    problems = _probe(path)["problems"]
    assert [(p[0], p[1]) for p in problems] == [(4, "encoding")], problems  # type: ignore[index, union-attr]
    assert "UTF-8" in problems[0][2]  # type: ignore[index]


def test_byte_order_mark_is_fine(data_dir):
    path = data_dir / "site.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert check_site(data_dir)[1] == []


def test_hostile_file_in_data_stops_validation_with_one_message(data_dir):
    (data_dir / "vaer-med.yml").write_text("muligheder: &a [*a]\n", encoding="utf-8")
    _, problems = check_site(data_dir)
    assert [(p.file, p.line, p.code) for p in problems] == [("data/vaer-med.yml", 1, "alias")]
