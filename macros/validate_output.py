"""The validator's problems in the formats pipelines show: ``python -m macros.validate --format github|gitlab``.

The messages are the same Danish messages ``make validate`` prints in a terminal, from the same
``loader.check_site``; only the wrapping differs, so an editor sees the message on the exact line
of the file they changed (a GitHub annotation or a GitLab Code Quality entry) instead of in a log.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .loader import check_site
from .problems import CODES, Problem

FORMATS = ("text", "github", "gitlab")
DEFAULT_REPORT = "gl-code-quality-report.json"
DEFAULT_TITLE = "Fejl i data"


def repo_path(problem_file: str, data_dir: Path, root: Path) -> str:
    """The problem's file relative to the repository root, as pipelines expect it.

    ``Problem.file`` is relative to the data folder's parent (``data/strategier/x.yml``). That is
    already right when the data folder sits at the repository root; when it sits deeper (or the
    validator runs from elsewhere) the path is rebuilt from the real file so annotations land on it.
    """
    absolute = (data_dir.resolve().parent / problem_file).resolve()
    try:
        relative = absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return problem_file
    return relative + "/" if problem_file.endswith("/") else relative


def title(problem: Problem) -> str:
    """A short Danish title for the kind of problem, from its stable code (when it has one)."""
    text = CODES.get(getattr(problem, "code", ""), DEFAULT_TITLE)
    return text.rstrip(".")


def _escape_data(text: str) -> str:
    """GitHub workflow-command data: %, CR and LF are percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub workflow-command properties: like data, plus the separators ':' and ','."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(problem: Problem, path: str) -> str:
    """One ``::error`` workflow command; GitHub shows it on that line of the file in the change."""
    props = ",".join(
        (f"file={_escape_property(path)}", f"line={max(problem.line, 1)}", f"title={_escape_property(title(problem))}")
    )
    return f"::error {props}::{_escape_data(problem.message)}"


def fingerprint(path: str, problem: Problem) -> str:
    """Stable across runs for the same problem, so GitLab can tell new problems from old ones."""
    return hashlib.sha256(f"{path}\0{problem.line}\0{problem.message}".encode()).hexdigest()


def gitlab_entry(problem: Problem, path: str) -> dict[str, Any]:
    """One entry of a GitLab Code Quality report (the documented minimal shape)."""
    return {
        "description": problem.message,
        "check_name": getattr(problem, "code", "") or "data",
        "fingerprint": fingerprint(path, problem),
        "severity": "major",
        "location": {"path": path, "lines": {"begin": max(problem.line, 1)}},
    }


def summary(problems: Sequence[Problem], data_label: str) -> str:
    """The short Danish line a pipeline page shows above the details."""
    count = len(problems)
    if count == 0:
        return f"Alt i orden: ingen fejl i {data_label}."
    files = len({p.file for p in problems})
    what = "1 fejl" if count == 1 else f"{count} fejl"
    where = "1 fil" if files == 1 else f"{files} filer"
    return (
        f"Der er {what} i {where} i {data_label}. Fejlene står ved linjerne i filerne; ret dem, og gem ændringen igen."
    )


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """The same problem at the same place is reported once, in file and line order (as in the terminal)."""
    return sorted(set(problems))


def write_github(problems: Sequence[Problem], data_dir: Path, root: Path) -> str:
    lines = [github_line(p, repo_path(p.file, data_dir, root)) for p in problems]
    lines.append(summary(problems, data_dir.name + "/"))
    return "\n".join(lines) + "\n"


def step_summary(problems: Sequence[Problem], data_dir: Path, root: Path) -> str:
    """Markdown for the run's page (GitHub's job summary): the count, then every problem as a table row.

    GitHub shows only the first few annotations of a step; the summary lists them all.
    """
    lines = ["### Tjek af data", "", summary(problems, data_dir.name + "/")]
    if problems:
        lines += ["", "| Fil | Linje | Hvad skal rettes |", "|---|---:|---|"]
        for p in problems:
            cells = (repo_path(p.file, data_dir, root), str(p.line), p.message)
            lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def gitlab_report(problems: Sequence[Problem], data_dir: Path, root: Path) -> list[dict[str, Any]]:
    return [gitlab_entry(p, repo_path(p.file, data_dir, root)) for p in problems]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m macros.validate", description="Tjek data/ og vis fejlene i terminalen eller i en pipeline."
    )
    parser.add_argument("data_dir", nargs="?", type=Path, help="datamappen (standard: data/)")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="text (terminal), github (annoteringer) eller gitlab (Code Quality-rapport)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(DEFAULT_REPORT),
        help=f"filen til GitLab-rapporten (standard: {DEFAULT_REPORT})",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="repositoriets rod, som stierne i rapporten regnes fra (standard: mappen over data/)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m macros.validate`` when ``--format``/``--output`` is given."""
    from .validate import DEFAULT_DATA_DIR  # validate.py delegates here; imported late to avoid a cycle

    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    data_dir: Path = (args.data_dir or DEFAULT_DATA_DIR).resolve()
    if args.format == "text":
        from .validate import main as text_main

        return text_main([str(data_dir)])
    root = (args.root or data_dir.parent).resolve()
    _site, found = check_site(data_dir)
    problems = unique(found)
    if args.format == "github":
        sys.stdout.write(write_github(problems, data_dir, root))
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")  # the run page; set by GitHub Actions
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as handle:
                handle.write(step_summary(problems, data_dir, root))
    else:
        output: Path = args.output
        output.parent.mkdir(parents=True, exist_ok=True)
        report = gitlab_report(problems, data_dir, root)
        output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(summary(problems, data_dir.name + "/"))
        print(f"GitLab-rapporten står i {output}.")
    return 1 if problems else 0
