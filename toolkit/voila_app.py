"""Run Voila with StageTok's page template (``toolkit/share``) and StageTok's front door.

The front door is the server's first page (``/`` and ``/voila/tree``): the workshop, then each
tool, as cards in Dutch or English (``?lang=en``). It replaces Voila's list of the folder's
files, so a participant sees only the cards defined here (:data:`WORKSHOP`, :data:`TOOLS`),
never a file name, and a notebook added to the folder is not offered until it gets a card. The
page is plain HTML with inline CSS, rendered from the catalogue on the server: no script, no
request to any other host, and it works with JavaScript switched off.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from jupyter_server.base.handlers import JupyterHandler
from tornado import web

from toolkit.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from toolkit.journey import STEPS

#: Holds ``voila/templates/stagetok``: Voila's lab page without stylesheets from a CDN.
SHARE = Path(__file__).resolve().parent / "share"
TEMPLATE = "stagetok"


@dataclass(frozen=True)
class DoorCard:
    """One card of the front door: a dashboard and the catalogue keys that name it.

    Attributes
    ----------
    dashboard : str
        The dashboard's notebook in ``workshops/dashboards``, without ``.ipynb``.
    title : str
        Catalogue key of the card's title: the name the dashboard itself shows.
    line : str
        Catalogue key of the one line that says what the dashboard is for.
    """

    dashboard: str
    title: str
    line: str


#: The workshop: the first and largest card.
WORKSHOP = DoorCard("workshop", "door.workshop.title", "door.workshop.line")
#: The tools a team can also open on their own, in this order.
TOOLS: tuple[DoorCard, ...] = (
    DoorCard("hashtag_lab", "lab.title", "door.lab.line"),
    DoorCard("pipeline_planner", "planner.title", "door.planner.line"),
    DoorCard("reach_explorer", "explorer.title", "door.explorer.line"),
)

#: The page allows itself inline styles, a blank icon, and nothing else: no script, no other host.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
                           "form-action 'none'; frame-ancestors 'self'")

_CSS = """
:root { color-scheme: light; --ink: #1b2130; --muted: #454d5c; --paper: #f3f4f6; --card: #fff; --line: #cfd4dc;
  --accent: #0b5e6e; --accent-dark: #084a57; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: clamp(1.0625rem, 0.95rem + 0.35vw, 1.375rem); }
.door { max-width: 66rem; margin: 0 auto; padding: clamp(1rem, 4vw, 3rem); }
.door-languages { display: flex; justify-content: flex-end; gap: 0.5rem; flex-wrap: wrap; }
.door-languages a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0.25rem 1rem;
  border: 2px solid var(--line); border-radius: 999px; background: var(--card); color: var(--ink);
  text-decoration: none; font-weight: 600; }
.door-languages a:hover { border-color: var(--accent); }
.door-languages a[aria-current] { background: var(--ink); border-color: var(--ink); color: #fff; }
h1 { font-size: clamp(2.5rem, 7vw, 4rem); line-height: 1.1; margin: 0.5rem 0 0.75rem; letter-spacing: -0.02em; }
.door-tagline { font-size: 1.2em; color: var(--muted); max-width: 38em; margin: 0 0 2rem; }
.door-card { display: block; height: 100%; padding: 1.25rem 1.5rem; border: 2px solid var(--line);
  border-radius: 16px; background: var(--card); color: inherit; text-decoration: none; }
.door-card:hover { border-color: var(--accent); box-shadow: 0 6px 20px rgba(20, 30, 50, 0.12); }
a:focus { outline: 4px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 8px var(--ink); }
a:focus:not(:focus-visible) { outline: none; box-shadow: none; }
.door-card-title { margin: 0 0 0.35rem; font-size: 1.4em; line-height: 1.2; color: var(--accent); }
.door-card-line { margin: 0; color: var(--muted); }
.door-workshop { padding: clamp(1.5rem, 4vw, 2.5rem); background: var(--accent); border-color: var(--accent);
  color: #fff; }
.door-workshop:hover { background: var(--accent-dark); border-color: var(--accent-dark); }
.door-workshop .door-card-title { color: #fff; font-size: clamp(1.9rem, 5vw, 2.75rem); }
.door-workshop .door-card-line { color: #fff; font-size: 1.15em; max-width: 34em; }
.door-kicker { display: block; margin-bottom: 0.5rem; font-size: 0.85em; font-weight: 700;
  letter-spacing: 0.08em; text-transform: uppercase; }
.door-action { display: inline-block; margin-top: 1.25rem; padding: 0.6rem 1.4rem; border-radius: 999px;
  background: #fff; color: var(--accent); font-weight: 700; }
.door-tools-heading { font-size: 1.3em; margin: 2.5rem 0 1rem; }
.door-tools { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem;
  grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
.door-tool { border-top: 8px solid var(--accent); }
@media (prefers-reduced-motion: no-preference) { .door-card { transition: border-color 0.15s; } }
"""


_CURRENT = ' aria-current="true"'


def door_language(value: object) -> str:
    """The page's language for a ``?lang=`` value: a supported code, or Dutch for anything else."""
    code = str(value or "").strip().lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def _href(path: str, **query: str | None) -> str:
    """A link for an HTML attribute: ``path`` with the non-empty ``query`` values, escaped."""
    given = {name: value for name, value in query.items() if value}
    return html.escape(path + ("?" + urlencode(given) if given else ""), quote=True)


def _text(key: str, lang: str, **params: object) -> str:
    return html.escape(t(key, lang=lang, **params), quote=True)


def dashboard_url(card: DoorCard, base_url: str = "/") -> str:
    """The path that renders a card's dashboard with Voila (no query)."""
    return f"{base_url.rstrip('/')}/voila/render/{quote(card.dashboard)}.ipynb"


def front_door_html(lang: str = DEFAULT_LANGUAGE, *, token: str | None = None, base_url: str = "/") -> str:
    """Render the front door: title, one line on StageTok, the workshop card, then a card per tool.

    Parameters
    ----------
    lang : {"nl", "en"}
        The page's language; anything else gives Dutch.
    token : str, optional
        The server's token, when it has one: every link carries it (``?token=``), so a link
        works in a browser that keeps no cookie, and can be passed on within the room.
    base_url : str
        Voila's base URL (``/`` unless it runs under a prefix).

    Returns
    -------
    str
        A whole HTML document: inline CSS, no script, no link to any other host. Every text
        and link is escaped.
    """
    lang = door_language(lang)
    root = base_url.rstrip("/") + "/"
    # The dashboards are told the language too, so that one that reads ``?lang=`` opens in it.
    shown_lang = None if lang == DEFAULT_LANGUAGE else lang

    def card_href(card: DoorCard) -> str:
        return _href(dashboard_url(card, base_url), lang=shown_lang, token=token)

    switch = "\n".join(
        f'<a href="{_href(root, lang=code, token=token)}" hreflang="{code}" lang="{code}"'
        f'{_CURRENT if code == lang else ""}>{_text("door.language_name", code)}</a>'
        for code in LANGUAGES
    )
    tools = "\n".join(
        f'<li><a class="door-card door-tool" href="{card_href(card)}">'
        f'<h3 class="door-card-title">{_text(card.title, lang)}</h3>'
        f'<p class="door-card-line">{_text(card.line, lang)}</p></a></li>'
        for card in TOOLS
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{_text("door.title", lang)}</title>
<style>{_CSS}</style>
</head>
<body>
<div class="door">
<header>
<nav class="door-languages" aria-label="{_text("app.language", lang)}">
{switch}
</nav>
<h1>{_text("door.title", lang)}</h1>
<p class="door-tagline">{_text("door.tagline", lang)}</p>
</header>
<main>
<a class="door-card door-workshop" href="{card_href(WORKSHOP)}">
<span class="door-kicker">{_text("door.workshop.kicker", lang)}</span>
<h2 class="door-card-title">{_text(WORKSHOP.title, lang)}</h2>
<p class="door-card-line">{_text(WORKSHOP.line, lang, steps=len(STEPS))}</p>
<span class="door-action">{_text("door.workshop.action", lang)} <span aria-hidden="true">&rarr;</span></span>
</a>
<h2 class="door-tools-heading">{_text("door.tools.heading", lang)}</h2>
<ul class="door-tools">
{tools}
</ul>
</main>
</div>
</body>
</html>
"""


class FrontDoorHandler(JupyterHandler):
    """Serve the front door in place of Voila's file list; ``/voila/tree/<folder>`` is not found."""

    @web.authenticated
    def get(self, path: str = "") -> None:
        """Answer with the page in the language of ``?lang=`` (Dutch by default)."""
        if path.strip("/"):
            raise web.HTTPError(404)
        # Set here rather than as the handler's default: an error page keeps Jupyter's own policy.
        self.set_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")  # the links hold the token
        lang = door_language(self.get_argument("lang", None))
        self.finish(front_door_html(lang, token=self.token or None, base_url=self.base_url))


def with_front_door(handlers: list[tuple]) -> list[tuple]:
    """Voila's URL handlers with :class:`FrontDoorHandler` wherever Voila would list the folder's files."""
    from voila.treehandler import VoilaTreeHandler

    return [(spec[0], FrontDoorHandler) if isinstance(spec[1], type) and issubclass(spec[1], VoilaTreeHandler)
            else spec for spec in handlers]


def voila_class() -> type:
    """Voila's application class with the front door (imported here: Voila takes a while to import)."""
    from voila.app import Voila

    class StageTokVoila(Voila):
        """Voila, serving the front door instead of the folder's file list."""

        def init_handlers(self) -> list:
            """Voila's handlers with the front door in place (see :func:`with_front_door`)."""
            return with_front_door(super().init_handlers())

    return StageTokVoila


def main() -> None:
    """Run Voila's own command line with StageTok's template folder first on the search path."""
    existing = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    os.environ["JUPYTER_PATH"] = os.pathsep.join([str(SHARE), *existing])
    voila_class().launch_instance()


if __name__ == "__main__":
    main()
