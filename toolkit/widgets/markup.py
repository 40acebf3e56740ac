"""Markup for HTML widgets: participant text always escaped, messages and notes styled alike."""

from __future__ import annotations

import base64
import html

_LEVEL_STYLE = {
    "info": "background:#eef6fc;border-left:4px solid #1f77b4;",
    "ok": "background:#eefaf0;border-left:4px solid #2ca02c;",
    "warning": "background:#fff8e6;border-left:4px solid #e0a000;",
    "error": "background:#fdecea;border-left:4px solid #d62728;",
}


def escape(text: object) -> str:
    """Escape participant text for an HTML widget, so it shows as text and never as markup."""
    return html.escape(str(text), quote=True)


def message_html(messages: list[tuple[str, str]]) -> str:
    """Render ``(level, text)`` messages as escaped HTML boxes (``role=alert`` for errors)."""
    parts = []
    for level, text in messages:
        role = ' role="alert"' if level == "error" else ""
        parts.append(
            f'<div class="stagetok-msg stagetok-{level}"{role} '
            f'style="{_LEVEL_STYLE[level]}padding:4px 8px;margin:2px 0;">{escape(text)}</div>'
        )
    return "".join(parts)


def assumption_html(text: str) -> str:
    """An assumption note: grey, escaped, marked so a participant can tell it from a fact."""
    return f"<div class='stagetok-assumption' style='color:#555'>{escape(text)}</div>"


def download_html(data: bytes, filename: str, mime: str, label: str) -> str:
    """A link that saves ``data`` as ``filename``, made in the page (a ``data:`` address: works offline).

    Voila has no download widget; the browser saves the file from the link itself, so nothing
    goes back to the server. ``filename`` and ``label`` are escaped.
    """
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    return (f"<a class='stagetok-download' download='{escape(filename)}' href='{href}' "
            f"style='display:inline-block;margin:4px 12px 4px 0;font-weight:bold'>{escape(label)}</a>")
