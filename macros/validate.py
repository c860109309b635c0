"""Check data/ without building the site: ``python -m macros.validate [data-mappe]``.

Prints every problem with file and line, in Danish, and exits with 1 if there are any.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .lix import report as lix_report
from .loader import check_site

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if any(arg.startswith("--") for arg in args):  # --format text|github|gitlab, --output: for pipelines
        from .validate_output import main as formatted

        return formatted(args)
    data_dir = Path(args[0]) if args else DEFAULT_DATA_DIR
    started = time.perf_counter()
    site, problems = check_site(data_dir.resolve())
    elapsed = time.perf_counter() - started
    if problems:
        count = len(set(problems))
        print(f"Der er {count} fejl i {data_dir}:" if count != 1 else f"Der er 1 fejl i {data_dir}:")
        for problem in sorted(set(problems)):
            print(f"- {problem}")
        return 1
    assert site is not None
    for line in lix_report(site):  # readability of every "Kort fortalt"; warnings do not fail
        print(line)
    print(
        f"Alt i orden: {len(site.strategies)} strategier, {len(site.municipalities)} kommuner, "
        f"{len(site.participation)} muligheder for at være med ({elapsed:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
