"""Build the site without ever leaving a half-published one: ``python -m macros.build [mkdocs.yml] [site-dir]``.

The strict build writes to a temporary folder beside the target; only when it
succeeds does it replace the previous output. On failure the old site stays as
it was and the exit code is non-zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(config: Path, target: Path) -> int:
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-ny-", dir=target.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    code = subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                            "-d", str(staging)], env=env)
    if code != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bygningen fejlede. Det tidligere site i {target} er ikke ændret.", file=sys.stderr)
        return code or 1
    previous = target.with_name(f".{target.name}-gammel")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Sitet er bygget i {target}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    config = Path(args[0]) if args else ROOT / "mkdocs.yml"
    target = Path(args[1]) if len(args) > 1 else ROOT / "site"
    return build(config, target)


if __name__ == "__main__":
    sys.exit(main())
