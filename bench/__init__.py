"""Build benchmark for the strategy site (issue 7): how the strict build scales with the number of strategies.

One command, run from the repository root with the project's virtualenv::

    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench          # 10, 100 and 1000 strategies
    NO_MKDOCS_2_WARNING=1 .venv/bin/python -m bench --quick  # 10 and 100, one repeat, printed only

(``python -m bench.benchmark`` is the same command under its old name.)

For every size it

1. generates a synthetic site in a temporary folder (``synthetic``). ``data/`` is written with the YAML keys
   that ``macros/model.py`` declares (``synthetic.record()`` maps the model's field names to their keys, so a
   renamed key follows automatically), filled with Danish sentences from ``../shared/seeds`` and ``data/``
   (``corpus``, cycled), four themes per strategy, spread over several municipalities, with "Hvad kan du
   gøre?" actions, terms, sources, "Vær med" entries and (every third strategy) a purpose paper. The data is
   validated with ``macros.loader.check_site`` before anything is built. ``docs/`` is the real site's
   ``docs/`` and ``mkdocs.yml`` inherits the repository's, like the fixture sites in ``tests/fixtures``;
2. builds it with ``mkdocs build --strict`` in a fresh child process and records wall time, CPU time,
   pages (``index.html`` files), time per page and the child's own peak memory (``timing``; ``os.wait4``
   returns the rusage of exactly that child, not a high-water mark over all children);
3. builds a plain Material baseline of the same pages (``plain``): the text of every page we built, written
   as plain Markdown (same headings, paragraphs and list items), the same nested navigation, the same theme
   settings, Markdown extensions and validation, but no ``socialstrategier`` plugin, no macros, no overrides;
4. reports ours/plain per size and how the time per page grows with the size of the site (``report``);
5. gzipped size of a theme page and of ``search/search_index.json``.

Then it measures the live preview (``preview``): ``mkdocs serve --strict`` on the 100-strategy site, a
sentence in one strategy's YAML file is changed, and the time until the server logs "Reloading browsers"
(and until the served page shows the new sentence) is recorded.

All figures are medians over ``--repeat`` runs (``--repeat-large`` at 1000 strategies and more). They are
printed and written into bench/RESULTATER.md between two HTML comment markers; text outside the markers
(the hand-written analysis) is kept.

``--profile N`` runs one build of N strategies under cProfile and prints the top costs (``profiling``).

Modules, one job each: ``corpus`` (Danish sentences), ``synthetic`` (sites from the model, shared with the
tests), ``yamlio`` (YAML out and mkdocs.yml in), ``plain`` (the Material baseline), ``timing`` (timed builds),
``preview`` (serve latency), ``profiling``, ``machine`` (what the figures were measured on), ``report``
(the tables and RESULTATER.md) and ``cli`` (the command line). Importing the package runs nothing: the
Makefile starts it with ``.venv/bin/python``, which has MkDocs, Material and the macros installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    """Progress goes to stderr, so stdout carries only the report (it can be piped or diffed)."""
    print(message, file=sys.stderr, flush=True)
