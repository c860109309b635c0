"""``python -m bench.benchmark``: the benchmark's first name, kept so documented commands still work.

The benchmark itself is the ``bench`` package (one module per job; see its docstring); this is
``python -m bench`` under the old name.
"""

from __future__ import annotations

import sys

from bench.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m bench.benchmark"))
