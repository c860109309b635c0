"""The pipelines in the repository: valid YAML, calling `make` targets that exist and that README documents.

They cannot be run here (they run on the git host), so this checks what can drift: the files parse,
every `make` command they run is a real target in the Makefile and appears in README.md, publishing
depends on the checks and happens only from the main branch, Chromium comes from Debian's apt, and
no action from outside the git host's own `actions/` is used.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.validate_output import DEFAULT_REPORT

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github" / "workflows" / "site.yml"
GITLAB = ROOT / ".gitlab-ci.yml"
MAKE_CALL = re.compile(r"\bmake\s+([a-z][a-z0-9-]*)((?:\s+[A-Z_]+=\S+)*)")


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, re.M))


def _github_commands() -> list[str]:
    jobs = _load(GITHUB)["jobs"]
    return [step["run"] for job in jobs.values() for step in job.get("steps", []) if "run" in step]


def _gitlab_commands() -> list[str]:
    data = _load(GITLAB)
    commands = []
    for job in data.values():
        if isinstance(job, dict):
            for key in ("before_script", "script"):
                commands += job.get(key, [])
    return commands


@pytest.mark.parametrize("commands", [_github_commands, _gitlab_commands], ids=["github", "gitlab"])
def test_pipelines_call_make_targets_that_exist_and_are_documented(commands: Any) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    calls = [m for command in commands() for m in MAKE_CALL.finditer(command)]
    targets = {m.group(1) for m in calls}
    assert {"validate", "build", "test", "pages"} <= targets, targets
    assert targets <= _make_targets(), targets - _make_targets()
    for target in targets:
        assert f"make {target}" in readme, f"README.md does not document `make {target}`"
    for call in calls:  # variables passed on (FORMAT=github) are documented with their target
        for assignment in call.group(2).split():
            assert f"make {call.group(1)} {assignment}" in readme, assignment


def test_validate_format_passes_through_the_makefile() -> None:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^validate:.*\n\t(.+)$", text, re.M)
    assert recipe and "--format $(FORMAT)" in recipe.group(1)


def test_github_workflow_checks_then_publishes_from_main_only() -> None:
    data = _load(GITHUB)
    triggers = data["on"] if "on" in data else data[True]  # YAML 1.1 reads a bare `on` as true
    assert {"push", "pull_request"} <= set(triggers)
    check, publish = data["jobs"]["check"], data["jobs"]["publish"]
    assert publish["needs"] == "check"
    assert "refs/heads/main" in publish["if"] and "pull_request" in publish["if"]
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step["uses"] for job in data["jobs"].values() for step in job["steps"] if "uses" in step]
    assert all(u.startswith("actions/") for u in uses), uses
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(u.startswith("actions/upload-artifact@") for u in uses), "no preview artifact"
    runs = "\n".join(_github_commands())
    assert re.search(r"apt-get install[^\n]*\bchromium\b", runs)
    assert "bookworm" in check["container"], "Debian's chromium needs a Debian image"
    # The Pages artifact is only made after every check step in the same job.
    names = [step.get("run", step.get("uses", "")) for step in check["steps"]]
    pages_step = next(i for i, n in enumerate(names) if n.startswith("actions/upload-pages-artifact@"))
    assert pages_step > max(i for i, n in enumerate(names) if n.startswith("make "))


def test_gitlab_pipeline_reports_code_quality_and_publishes_from_the_default_branch() -> None:
    data = _load(GITLAB)
    check, pages = data["check"], data["pages"]
    assert check["artifacts"]["reports"]["codequality"] == DEFAULT_REPORT
    assert "site/" in check["artifacts"]["paths"] and check["artifacts"]["expose_as"]
    assert pages["needs"] == ["check"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["artifacts"]["paths"] == ["public"]
    assert any("public" in line for line in pages["script"])
    assert any(re.search(r"apt-get install.*\bchromium\b", line) for line in check["before_script"])
    assert "bookworm" in data["default"]["image"]
    assert any("FORMAT=gitlab" in line for line in check["script"])


def test_no_host_other_than_the_git_hosts_is_referenced() -> None:
    for path in (GITHUB, GITLAB):
        text = path.read_text(encoding="utf-8")
        hosts = set(re.findall(r"https?://([^/\s'\"]+)", text))
        assert hosts <= {"github.com"}, (path, hosts)
