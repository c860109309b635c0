"""``python -m bench``: the build benchmark (see the package docstring and ``bench.cli``)."""

from __future__ import annotations

import sys

from bench.cli import main

sys.exit(main())
