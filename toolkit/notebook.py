"""Set up a notebook or Voila kernel for the workshop: offline charts and the language."""

from __future__ import annotations

import os

import altair as alt

from toolkit import i18n

#: Altair's renderer for the workshop. Altair 5.5's ``mimetype`` output
#: (application/vnd.vegalite.v5+json) is drawn by the Vega extension that JupyterLab 4 and
#: Voila 0.5 bundle, so no script is fetched from a CDN (docs/design.md has the measurements).
RENDERER = "mimetype"
#: The chart menu keeps "Save as PNG/SVG" (drawn in the browser, offline) and drops the links
#: to the online Vega Editor and the spec views, which mean nothing to participants. Charts are
#: drawn as SVG: sharp on a projector, and their text can be read by screen readers and tests.
EMBED_OPTIONS = {"renderer": "svg", "actions": {"export": True, "source": False, "compiled": False, "editor": False}}


def setup(language: str | None = None) -> None:
    """Prepare charts and texts; every workshop notebook calls this first.

    Parameters
    ----------
    language : {"nl", "en"}, optional
        Language for participant texts; default Dutch (or what was set before).
    """
    alt.renderers.enable(RENDERER, embed_options=EMBED_OPTIONS)
    if language is not None:
        i18n.set_language(language)


def page_query() -> str:
    """The query string of the Voila page this kernel serves (``step=3&team=K7QM-3XTA``); "" elsewhere.

    A pre-heated Voila kernel runs the notebook before anyone asks for the page; this waits
    until the page is requested and then gives its query string (Voila's own
    ``get_query_string``), so call it in the last cell, after the widgets are shown. In
    JupyterLab, or in a kernel Voila started for the request, it returns at once.
    """
    if os.environ.get("VOILA_PREHEAT") == "True":
        from voila.utils import get_query_string

        return get_query_string() or ""
    return os.environ.get("QUERY_STRING", "")
