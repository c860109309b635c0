"""Build the site without ever leaving a half-published one: ``python -m macros.build [mkdocs.yml] [site-dir]``.

The strict build writes to a staging folder beside the target (``.site-ny-*``). Only when it succeeds is
the staging folder swapped with the published one, in one step: Linux's ``renameat2(RENAME_EXCHANGE)``
exchanges the two folders atomically, so at every moment ``site/`` is a complete site, old or new, and
stays a plain folder that web servers, ``rsync`` and the tests read as before. Where the exchange is not
available (not Linux, or a file system without it) two renames are used instead, and the next build puts
the previous site back if a crash came between them.

A lock file (``.site.lock`` beside the target) makes a second build wait for the first instead of both
writing at once. Staging folders left by a killed build are removed by the next build. A full disk or any
other failure leaves the previous site as it was and exits non-zero with a Danish message.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_DISK_FULL_SIGNS = ("No space left on device", "[Errno 28]", "Disk quota exceeded", "[Errno 122]")


def _staging_prefix(target: Path) -> str:
    return f".{target.name}-ny-"


def _backup(target: Path) -> Path:
    return target.with_name(f".{target.name}-gammel")


def _lock_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


@contextlib.contextmanager
def _locked(target: Path) -> Iterator[None]:
    """Hold the build lock; a second build says so in Danish and waits for the first."""
    with open(_lock_path(target), "a", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(
                f"Et andet byg af {target.name}/ er i gang. Venter, til det er færdigt …", file=sys.stderr, flush=True
            )
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _clean_leftovers(target: Path) -> None:
    """Remove staging folders of killed builds, and put the site back if a crash came between two renames.

    Runs under the lock, so no other build is using these folders.
    """
    backup = _backup(target)
    if not target.exists() and backup.is_dir():
        backup.rename(target)
    for leftover in target.parent.glob(f"{_staging_prefix(target)}*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(backup, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one atomic step; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _publish(staging: Path, target: Path) -> None:
    """Make the staging folder the site; afterwards ``staging`` holds the old site (or nothing)."""
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        return
    backup = _backup(target)
    target.rename(backup)
    staging.rename(target)
    backup.rename(staging)


def _disk_full(text: str) -> bool:
    return any(sign in text for sign in _DISK_FULL_SIGNS)


def _fail(target: Path, reason: str = "") -> None:
    if reason:
        print(reason, file=sys.stderr)
    print(f"Bygningen fejlede. Det tidligere site i {target} er ikke ændret.", file=sys.stderr)


def _disk_message(target: Path) -> str:
    return (
        f"Der er ikke plads nok på disken i {target.parent} til at bygge sitet. "
        "Frigør plads (fx ved at slette gamle filer), og byg igen."
    )


def _run_mkdocs(config: Path, staging: Path) -> tuple[int, str]:
    """The strict MkDocs build into ``staging``; its own messages are passed on, except a disk-full traceback."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(staging)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    return proc.returncode, proc.stderr


def _build_locked(config: Path, target: Path) -> int:
    _clean_leftovers(target)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(target), dir=target.parent))
    try:
        code, errors = _run_mkdocs(config, staging)
        if code != 0:
            if _disk_full(errors):
                _fail(target, _disk_message(target))
            else:
                sys.stderr.write(errors)
                _fail(target)
            return code or 1
        sys.stderr.write(errors)
        _publish(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Sitet er bygget i {target}.")
    return 0


def build(config: Path, target: Path) -> int:
    target = Path(os.path.abspath(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _locked(target):
            return _build_locked(config, target)
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            _fail(target, _disk_message(target))
        else:
            _fail(
                target,
                f"Sitet kunne ikke skrives til {target.parent}: {error.strerror} ({error.filename}). "
                "Tjek, at mappen findes, og at du har lov til at skrive i den.",
            )
        return 1


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    config = Path(args[0]) if args else ROOT / "mkdocs.yml"
    target = Path(args[1]) if len(args) > 1 else ROOT / "site"
    return build(config, target)


if __name__ == "__main__":
    sys.exit(main())
