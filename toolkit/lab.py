"""Run JupyterLab for the workshop: no prompt for Jupyter news, nothing fetched from the internet.

JupyterLab asks on first start whether to fetch Jupyter's news and checks for updates, both
from the internet; a workshop room may have none. ``toolkit/share/jupyter-config`` holds the
settings that switch both off (JupyterLab's ``labconfig/default_setting_overrides.json``), and
this module puts it on Jupyter's configuration path before JupyterLab starts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: Holds ``labconfig/default_setting_overrides.json``: news and update checks off.
CONFIG = Path(__file__).resolve().parent / "share" / "jupyter-config"


def main(argv: list[str] | None = None) -> None:
    """Start JupyterLab (``python -m toolkit.lab [jupyter lab options]``) with the workshop's settings."""
    existing = [p for p in os.environ.get("JUPYTER_CONFIG_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(CONFIG), *existing])
    # The notebooks keep the teams' work where the dashboards of `make start` keep it.
    data = Path(os.environ.get("STAGETOK_DATA", "workshop-data")).expanduser().resolve()
    data.mkdir(parents=True, exist_ok=True)
    os.environ["STAGETOK_DATA"] = str(data)
    print(f"The teams' work is kept in: {data}", flush=True)
    from jupyterlab.labapp import main as lab_main

    sys.exit(lab_main(argv if argv is not None else sys.argv[1:]))


if __name__ == "__main__":
    main()
