"""The command line: ``python -m bench`` (or ``python -m bench.benchmark``); see the package docstring.

It parses the options, makes one work folder, warms up with an unmeasured build, runs the sizes, the live
preview and the report, and removes the work folder unless ``--keep`` is given.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import bench
from bench import ROOT, log
from bench.corpus import SEEDS, danish_sentences
from bench.machine import machine
from bench.preview import ServeResult, bench_serve
from bench.profiling import profile
from bench.report import RESULTS, report, write_results
from bench.synthetic import make_site
from bench.timing import SizeResult, bench_size, timed_build


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=(bench.__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="10,100,1000", help="antal strategier, kommasepareret (standard 10,100,1000)"
    )
    # Small sites build in about a second, where the machine's own noise is ±10 %: nine builds give a steady median.
    parser.add_argument("--repeat", type=int, default=9, help="gentagelser pr. størrelse (standard 9)")
    parser.add_argument(
        "--repeat-large", type=int, default=3, help="gentagelser for størrelser på 1000 eller flere (standard 3)"
    )
    parser.add_argument("--serve-size", type=int, default=100, help="strategier i live preview-målingen (standard 100)")
    parser.add_argument("--serve-repeat", type=int, default=5, help="antal ændringer under mkdocs serve (standard 5)")
    parser.add_argument("--no-serve", action="store_true", help="spring live preview-målingen over")
    parser.add_argument(
        "--focus-sizes",
        default="100,1000",
        help="strategier i målingen af preview af én strategi (make serve STRATEGI=<id>), kommasepareret",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="hurtig kørsel: 10 og 100 strategier, 1 gentagelse, 2 ændringer; skriver ikke RESULTATER.md",
    )
    parser.add_argument("--profile", type=int, metavar="N", help="profilér én bygning med N strategier og stop")
    parser.add_argument("--top", type=int, default=25, help="linjer i profilen (standard 25)")
    parser.add_argument("--output", type=Path, help=f"resultatfil (standard {RESULTS.relative_to(ROOT)})")
    parser.add_argument("--no-write", action="store_true", help="skriv ikke resultatfilen")
    parser.add_argument("--keep", action="store_true", help="behold de genererede sites (mappen skrives ud)")
    return parser


def _repeat_note(args: argparse.Namespace, sizes: list[int], serves: list[ServeResult]) -> str:
    note = f"{args.repeat} bygninger af hvert site pr. størrelse"
    if any(s >= 1000 for s in sizes) and args.repeat_large != args.repeat:
        note += f" ({args.repeat_large} ved 1000 strategier og derover)"
    if serves:
        note += f"; {args.serve_repeat} ændringer pr. kørsel af `mkdocs serve`"
    return note


def _run(args: argparse.Namespace, work: Path, command: str) -> str:
    """Every measurement, in order; the report as Markdown."""
    sentences = danish_sentences()
    info = machine()
    for label, value in info.items():
        log(f"{label}: {value}")
    log(f"{len(sentences)} danske sætninger fra {SEEDS}; arbejdsmappe {work}")
    # One unmeasured build first, so that compiled bytecode and the file cache are warm for every size. The
    # project's own modules are compiled explicitly, as pip compiled the installed packages: with
    # PYTHONDONTWRITEBYTECODE set (as on CI machines) a build would otherwise compile them every time.
    compileall.compile_dir(ROOT / "macros", quiet=1)
    warm = make_site(work / "warmup", 3, sentences)
    timed_build(warm.config, work / "site-warmup")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    results: list[SizeResult] = []
    for size in sizes:
        repeat = args.repeat_large if size >= 1000 else args.repeat
        results.append(bench_size(size, max(1, repeat), work, sentences))
    serves: list[ServeResult] = []
    if not args.no_serve:
        repeat = max(1, args.serve_repeat)
        serves.append(bench_serve(args.serve_size, repeat, work, sentences))
        for size in sorted({int(s) for s in args.focus_sizes.split(",") if s.strip()}):
            serves.append(bench_serve(size, repeat, work, sentences, focus=True))
    if any(serve.failure for serve in serves):
        log("ADVARSEL: en live preview-måling fejlede (se resultatet)")
    return report(results, serves, _repeat_note(args, sizes, serves), info, command)


def main(argv: Sequence[str] | None = None, prog: str = "python -m bench") -> int:
    """Run the benchmark; 0 on success (a failed build stops it with SystemExit and the build's output)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # child builds and MkDocs imported for the baseline
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _parser(prog).parse_args(arguments)
    if args.quick:
        args.sizes, args.repeat, args.repeat_large, args.serve_repeat, args.focus_sizes = "10,100", 1, 1, 2, "100"
    write = not args.no_write and (not args.quick or args.output is not None)
    output = args.output or RESULTS

    work = Path(tempfile.mkdtemp(prefix="socialstrategier-bench-"))
    try:
        if args.profile:
            print(profile(args.profile, work, danish_sentences(), args.top))
            return 0
        text = _run(args, work, " ".join([prog, *arguments]))
        print()
        print(text)
        if write:
            write_results(text, output)
            log(f"\nSkrevet til {output}")
        return 0
    finally:
        if args.keep:
            log(f"Sites beholdt i {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
