"""The validator's pipeline formats: GitHub annotations and a GitLab Code Quality report.

Each case breaks a copy of the one-municipality fixture the way an editor might, runs the real
``python -m macros.validate`` as a pipeline would, and reads what it printed or wrote.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from macros.problems import Problem
from macros.validate_output import github_line, repo_path

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "one-municipality" / "data"
STRATEGY = "strategier/testrup-voksne.yml"


@dataclass(frozen=True)
class Break:
    """One editor's mistake: replace ``old`` by ``new`` in ``file``; expect a message at ``needle``'s line."""

    name: str
    file: str
    old: str
    new: str
    needle: str  # text on the line the message must point at (after the edit)
    message: str  # a fragment of the Danish message


BREAKS = [
    Break(
        "tab",
        "kommuner.yml",
        "    navn: Testrup Kommune\n",
        "\tnavn: Testrup Kommune\n",
        "\tnavn",
        "rykket ind med tabulator",
    ),
    Break("status", STRATEGY, "status: vedtaget", "status: vedtagt", "status: vedtagt", "'vedtagt'"),
    Break(
        "colon",
        STRATEGY,
        "titel: Strategi for voksne i Testrup",
        "titel: Strategi: voksne i Testrup",
        "titel: Strategi:",
        "Sæt teksten i anførselstegn",
    ),
    Break(
        "unknown-field",
        STRATEGY,
        "dokumenttype: Strategi",
        "dokumenttypen: Strategi",
        "dokumenttypen:",
        "ukendt felt 'dokumenttypen'. Mente du 'dokumenttype'?",
    ),
    Break(
        "reference",
        "vaer-med.yml",
        "    strategi: testrup-voksne\n    temaer: [andet]",
        "    strategi: testrup-voksen\n    temaer: [andet]",
        "strategi: testrup-voksen",
        "'testrup-voksen' findes ikke blandt sitets strategier. Mente du 'testrup-voksne'?",
    ),
]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def _apply(data_dir: Path, case: Break) -> int:
    """Make the edit; return the 1-based line the message must point at."""
    path = data_dir / case.file
    text = path.read_text(encoding="utf-8")
    assert case.old in text, f"fixture no longer contains {case.old!r}"
    text = text.replace(case.old, case.new, 1)
    path.write_text(text, encoding="utf-8")
    return next(i for i, line in enumerate(text.splitlines(), 1) if case.needle in line)


def _validate(*args: str | Path, cwd: Path = ROOT, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_STEP_SUMMARY"}
    env.update(PYTHONPATH=str(ROOT), **extra_env)
    return subprocess.run(
        [sys.executable, "-m", "macros.validate", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=60,
    )


def _terminal_messages(data_dir: Path) -> list[str]:
    """What `make validate` prints for each problem (after '- file, linje n: ')."""
    proc = _validate(data_dir)
    return [line.split(": ", 1)[1] for line in proc.stdout.splitlines() if line.startswith("- ")]


def _unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def _annotations(stdout: str) -> list[dict[str, str]]:
    """Parse ``::error k=v,k=v::message`` lines the way the Actions runner does."""
    found = []
    for line in stdout.splitlines():
        if not line.startswith("::error "):
            continue
        props, message = line[len("::error ") :].split("::", 1)
        entry = {key: _unescape(value) for key, value in (p.split("=", 1) for p in props.split(","))}
        entry["message"] = _unescape(message)
        found.append(entry)
    return found


@pytest.mark.parametrize("case", BREAKS, ids=[b.name for b in BREAKS])
def test_github_annotation_points_at_the_line(tmp_path: Path, case: Break) -> None:
    data_dir = _copy(tmp_path)
    line = _apply(data_dir, case)
    proc = _validate(data_dir, "--format", "github", "--root", tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    annotations = _annotations(proc.stdout)
    matching = [a for a in annotations if case.message in a["message"]]
    assert matching, proc.stdout
    (annotation,) = matching
    assert annotation["file"] == f"data/{case.file}"
    assert annotation["line"] == str(line)
    assert annotation["title"] and annotation["title"] != "Fejl i data", annotation
    # The same Danish messages as in the terminal, from the same code.
    assert sorted(a["message"] for a in annotations) == sorted(_terminal_messages(data_dir))
    summary = proc.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"Der er {len(annotations)} fejl i ")


def _check_code_quality_shape(report: Any) -> None:
    """GitLab's documented Code Quality report: a JSON array of issues with these keys and types."""
    assert isinstance(report, list)
    for issue in report:
        assert isinstance(issue["description"], str) and issue["description"]
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert isinstance(issue["fingerprint"], str) and len(issue["fingerprint"]) >= 32
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        location = issue["location"]
        assert isinstance(location["path"], str) and not location["path"].startswith("/")
        assert isinstance(location["lines"]["begin"], int) and location["lines"]["begin"] >= 1
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints), "fingerprints must be unique"


def test_gitlab_report_has_every_problem_in_the_documented_shape(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    # Mistakes in three files at once; each file is read on its own, so all of them are reported.
    together = {"tab", "status", "unknown-field"}
    lines = {case.name: _apply(data_dir, case) for case in BREAKS if case.name in together}
    report_file = tmp_path / "out" / "gl-code-quality-report.json"
    proc = _validate(data_dir, "--format", "gitlab", "--output", report_file, "--root", tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(report_file.read_text(encoding="utf-8"))
    _check_code_quality_shape(report)
    assert len(report) >= len(lines)
    assert sorted(i["description"] for i in report) == sorted(_terminal_messages(data_dir))
    for case in BREAKS:
        if case.name not in lines:
            continue
        (issue,) = [i for i in report if case.message in i["description"]]
        assert issue["location"]["path"] == f"data/{case.file}"
        assert issue["location"]["lines"]["begin"] == lines[case.name]
    assert proc.stdout.startswith(f"Der er {len(report)} fejl i "), proc.stdout
    # Run again: the same problems keep their fingerprints (GitLab compares them between runs).
    again = tmp_path / "again.json"
    _validate(data_dir, "--format", "gitlab", "--output", again, "--root", tmp_path)
    assert [i["fingerprint"] for i in json.loads(again.read_text(encoding="utf-8"))] == [
        i["fingerprint"] for i in report
    ]


def test_valid_data_gives_no_annotations_and_an_empty_report(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    proc = _validate(data_dir, "--format", "github")
    assert proc.returncode == 0, proc.stdout
    assert "::error" not in proc.stdout
    assert proc.stdout.startswith("Alt i orden")
    report_file = tmp_path / "r.json"
    proc = _validate(data_dir, "--format", "gitlab", "--output", report_file)
    assert proc.returncode == 0
    assert json.loads(report_file.read_text(encoding="utf-8")) == []


def test_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    """A data folder deeper in the repository still gets paths the git host can find."""
    nested = tmp_path / "repo" / "sites" / "a"
    nested.mkdir(parents=True)
    data_dir = _copy(nested)
    _apply(data_dir, BREAKS[0])
    proc = _validate(data_dir, "--format", "github", "--root", tmp_path / "repo")
    (annotation,) = _annotations(proc.stdout)
    assert annotation["file"] == "sites/a/data/kommuner.yml"
    # Problem.file is relative to the data folder's parent; mapped against the repository root.
    assert repo_path("data/kommuner.yml", data_dir, tmp_path / "repo") == "sites/a/data/kommuner.yml"
    assert repo_path("data/strategier/", data_dir, tmp_path / "repo") == "sites/a/data/strategier/"


def test_github_escaping_follows_the_workflow_command_rules() -> None:
    problem = Problem("data/a,b:c%.yml", 4, "50% færdig:\r\nnæste linje, ok", "tab")
    line = github_line(problem, problem.file)
    assert line == (
        "::error file=data/a%2Cb%3Ac%25.yml,line=4,title=Indrykning med tabulator::50%25 færdig:%0D%0Anæste linje, ok"
    )
    assert "\n" not in line and "\r" not in line


def test_text_format_is_the_terminal_output(tmp_path: Path) -> None:
    data_dir = _copy(tmp_path)
    _apply(data_dir, BREAKS[1])
    plain = _validate(data_dir)
    text = _validate(data_dir, "--format", "text")
    assert (text.returncode, text.stdout) == (plain.returncode, plain.stdout)
    assert "linje" in text.stdout


def test_github_run_page_summary_lists_every_problem(tmp_path: Path) -> None:
    """GitHub shows only a few annotations per step; the run page's summary table has them all."""
    data_dir = _copy(tmp_path)
    lines = {case.name: _apply(data_dir, case) for case in BREAKS if case.name in {"tab", "status"}}
    summary_file = tmp_path / "step-summary.md"
    summary_file.write_text("tidligere trin\n", encoding="utf-8")
    proc = _validate(data_dir, "--format", "github", "--root", tmp_path, GITHUB_STEP_SUMMARY=str(summary_file))
    assert proc.returncode == 1
    text = summary_file.read_text(encoding="utf-8")
    assert text.startswith("tidligere trin\n### Tjek af data\n"), "appends; earlier steps' summaries stay"
    rows = [line for line in text.splitlines() if line.startswith("| data/")]
    assert len(rows) == len(_annotations(proc.stdout)) == 2
    assert f"| data/kommuner.yml | {lines['tab']} | " in text
    assert re.search(rf"\| data/{re.escape(STRATEGY)} \| {lines['status']} \| [^|\n]*'vedtagt'", text)
