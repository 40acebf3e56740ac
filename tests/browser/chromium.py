"""Find a Chromium for the browser tests, or install one (``--install``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Flags for a root user in a container with no network beyond localhost: without the
#: background-networking flags Chromium keeps trying to reach Google's services.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _playwright_chromium() -> str | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - no bundled browser is not an error here
        return None
    return path if path and Path(path).exists() else None


def find_chromium() -> str | None:
    """Path of a Chromium: $CHROMIUM, then the system's, then Playwright's own download."""
    explicit = os.environ.get("CHROMIUM")
    if explicit and Path(explicit).exists():
        return explicit
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return _playwright_chromium()


def install() -> str:
    """Install Chromium: Debian's package when we are root with apt, else Playwright's."""
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=False)
    if not find_chromium():
        subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    path = find_chromium()
    if not path:
        raise SystemExit(
            "No Chromium found and installing one failed. Install Chromium (Debian: "
            "'apt-get install chromium') or set CHROMIUM=/path/to/chrome, then run make test again."
        )
    return path


if __name__ == "__main__":
    path = find_chromium() if "--install" not in sys.argv else (find_chromium() or install())
    if not path:
        raise SystemExit("No Chromium found; run with --install.")
    print(f"Chromium for browser tests: {path}")
