"""Run Voila with StageTok's page template (``toolkit/share``) on Jupyter's search path."""

from __future__ import annotations

import os
from pathlib import Path

#: Holds ``voila/templates/stagetok``: Voila's lab page without stylesheets from a CDN.
SHARE = Path(__file__).resolve().parent / "share"
TEMPLATE = "stagetok"


def main() -> None:
    """Run Voila's own command line with StageTok's template folder first on the search path."""
    existing = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *existing])
    from voila.app import main as voila_main

    voila_main()


if __name__ == "__main__":
    main()
