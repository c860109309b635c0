"""Run deploy/nginx.conf locally on 127.0.0.1: ``python -m macros.hosting [--site site] [--port 8080]``.

IT hosts the site with deploy/nginx.conf; `make host` and the hosting tests run that very file,
with only the lines marked ``# local:`` rewritten (loopback port, the built site, files in a
working folder instead of root-only paths), so what is tested is what is deployed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf"
DEFAULT_WORKDIR = ROOT / "build" / "host"
NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx", "/usr/bin/nginx")
_TEMP_DIRS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def _replace_marked(config: str, mark: str, new_line: str) -> str:
    """Replace the one line marked ``# local: <mark>``; fail loudly if deploy/nginx.conf lost the mark."""
    pattern = re.compile(rf"^([ \t]*).*# local: {re.escape(mark)}[ \t]*$", re.M)
    if len(pattern.findall(config)) != 1:
        raise ValueError(f"deploy/nginx.conf skal have præcis én linje med '# local: {mark}'")
    return pattern.sub(lambda m: m.group(1) + new_line if new_line else "", config)


def local_config(template: str, *, site_dir: Path, csp_conf: Path, port: int, workdir: Path) -> str:
    """deploy/nginx.conf adapted to run as an ordinary process on 127.0.0.1:<port>."""
    config = template
    config = _replace_marked(config, "error_log", f"error_log {workdir / 'error.log'} warn;")
    config = _replace_marked(config, "access_log", f"access_log {workdir / 'access.log'};")
    config = _replace_marked(config, "listen", f"listen 127.0.0.1:{port};")
    config = _replace_marked(config, "listen6", "")
    config = _replace_marked(config, "root", f"root {site_dir.resolve()};")
    config = _replace_marked(config, "csp", f"include {csp_conf.resolve()};")
    temp_paths = "".join(f"    {name}_temp_path {workdir / 'tmp' / name};\n" for name in _TEMP_DIRS)
    return config.replace("http {\n", "http {\n" + temp_paths, 1)


def find_nginx() -> str | None:
    found = shutil.which("nginx")
    return found or next((p for p in NGINX_PATHS if Path(p).is_file()), None)


def ensure_nginx() -> str:
    """Debian's nginx, installed with apt-get when missing (as `make chromium` does for Chromium)."""
    found = find_nginx()
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("Installerer Debians nginx ...", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], check=True, env=env, stdout=subprocess.DEVNULL)
        found = find_nginx()
        if found:
            return found
    raise RuntimeError("nginx mangler. Installer det med `apt-get install nginx` (som root) og prøv igen.")


def prepare(site_dir: Path, csp_conf: Path, port: int, workdir: Path) -> list[str]:
    """Write the local config into ``workdir``; return the nginx command that runs it in the foreground."""
    workdir = workdir.resolve()
    for name in _TEMP_DIRS:
        (workdir / "tmp" / name).mkdir(parents=True, exist_ok=True)
    config_file = workdir / "nginx.conf"
    config_file.write_text(
        local_config(
            TEMPLATE.read_text(encoding="utf-8"), site_dir=site_dir, csp_conf=csp_conf, port=port, workdir=workdir
        ),
        encoding="utf-8",
    )
    # One process as the current user: no root-only paths, and it can read a site in a private folder.
    directives = f"daemon off; master_process off; pid {workdir / 'nginx.pid'};"
    return [
        ensure_nginx(),
        "-p",
        str(workdir),
        "-e",
        str(workdir / "error.log"),
        "-c",
        str(config_file),
        "-g",
        directives,
    ]


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Return once the server answers; raise with nginx's own words if it stopped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stoppede (kode {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # it answered, if not with 200
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nginx svarede ikke på {url} inden for {timeout:.0f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.hosting", description="Kør deploy/nginx.conf lokalt på 127.0.0.1."
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="det byggede site (standard: site/)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--csp-conf",
        type=Path,
        default=ROOT / "build" / "csp-header.conf",
        help="filen fra `python -m macros.csp` (standard: build/csp-header.conf)",
    )
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if not args.csp_conf.is_file():
        print(f"{args.csp_conf} mangler. Kør først `python -m macros.csp {args.site}`.", file=sys.stderr)
        return 1
    command = prepare(args.site, args.csp_conf, args.port, args.workdir)
    print(f"Sitet vises med produktionens headers på http://127.0.0.1:{args.port}/ (stop med Ctrl+C).")
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
