"""The facilitator's board: every team's work side by side, refreshed live, and "go to step N" for the room."""

from __future__ import annotations

import logging
import os

import ipywidgets as widgets
import traitlets

from toolkit import board, journey, room
from toolkit.charts.board import room_hashtags_chart
from toolkit.i18n import format_int
from toolkit.store import Store, StoreError
from toolkit.widgets.common import ToolModel, ToolView, clear_chart, fixed_look, guarded, later, show_chart
from toolkit.widgets.markup import download_html, escape

log = logging.getLogger("toolkit.widgets")

#: Seconds between two reads of the room while the board is open.
REFRESH_SECONDS = 3.0
#: Buttons as wide as their text, never squeezed by the row they are in.
_BUTTON = {"width": "auto", "flex": "0 0 auto"}


class BoardModel(ToolModel):
    """What the room sent, the step the facilitator pushed, and whether the facilitator's secret was given."""

    unlocked = traitlets.Bool(False, help="True once the facilitator's secret was given.")
    entries = traitlets.List(help="Every team's latest entry (toolkit.store.RoomEntry), as last read.")
    pushed = traitlets.Unicode("", help="Id of the step last pushed to every team, or empty.")
    address = traitlets.Unicode("", help="The participants' address to show large, with its QR code.")

    def __init__(self, store: Store | None = None, **kwargs):
        super().__init__(**kwargs)
        self._store = store

    @traitlets.default("address")
    def _default_address(self):
        return os.environ.get("STAGETOK_ROOM_URL", "")

    @property
    def store(self) -> Store:
        """The room's store (the workshop data folder's, or the configured database)."""
        if self._store is None:
            self._store = Store()
        return self._store

    def unlock(self, key: str | None) -> bool:
        """Open the board with the facilitator's secret; a wrong or missing one opens nothing."""
        if not room.facilitator_ok(key):
            self._set_problems("key", [("board.wrong_key", {})])
            return False
        self._set_problems("key", [])
        self.unlocked = True
        self.refresh()
        return True

    def refresh(self) -> bool:
        """Read the room again; a store that fails keeps the last good state, with a message."""
        if not self.unlocked:
            return False
        try:
            entries = self.store.entries()
            pushed = self.store.pushed_step()
        except StoreError as error:
            self._set_problems("store", [(error.key, error.params)])
            return False
        self._set_problems("store", [])
        changed = entries != self.entries or (pushed[0] if pushed else "") != self.pushed
        with self.hold_trait_notifications():
            self.entries, self.pushed = entries, pushed[0] if pushed else ""
        if changed:
            self.revision += 1
        return True

    def push(self, step_id: str) -> bool:
        """Ask every team's dashboard to go to ``step_id``."""
        if not self.unlocked:
            return False
        try:
            self.store.push_step(step_id)
        except (StoreError, ValueError) as error:
            key, params = (error.key, error.params) if isinstance(error, StoreError) else ("board.bad_step", {})
            self._set_problems("push", [(key, params)])
            return False
        self._set_problems("push", [])
        self.notice = ("board.pushed", {"step": journey.number(step_id)})
        self.refresh()
        return True

    def clear_room(self) -> bool:
        """Empty the board for a new workshop (every entry and the pushed step); the teams keep their own work."""
        if not self.unlocked:
            return False
        try:
            self.store.clear_room()
        except StoreError as error:
            self._set_problems("clear", [(error.key, error.params)])
            return False
        self._set_problems("clear", [])
        self.notice = ("board.cleared", {})
        self.refresh()
        return True

    def open_from_query(self, query: str | None) -> None:
        """Unlock with ``?key=...`` from the board's address."""
        from urllib.parse import parse_qs

        keys = parse_qs(query or "").get("key")
        self.unlock(keys[0] if keys else None)

    def load_example(self) -> None:
        """The board has no example: it shows the room."""

    def start_empty(self) -> None:
        """The board shows the room as it is."""


class Board(ToolView):
    """The board on the projector: the address, how many teams sent, the room's hashtags, every team's card."""

    title_key, intro_key = "board.title", "board.intro"

    def __init__(self, model: BoardModel | None = None, *, refresh_seconds: float = REFRESH_SECONDS, **kwargs):
        super().__init__(model or BoardModel(), **kwargs)
        self.refresh_seconds = refresh_seconds
        self._cards_made: dict[tuple, str] = {}  # (team code, sent at, language) -> the card's HTML
        self._chart_drawn: tuple | None = None  # (language, the hashtag counts) the chart shows
        self._address_shown: str | None = None
        self._key = self._input(widgets.Password, "board.key", continuous_update=False, layout={"width": "320px"})
        self._unlock = self._text(fixed_look(widgets.Button, button_style="primary", layout={"width": "auto"}),
                                  "board.unlock", "description")
        self._key_messages = fixed_look(widgets.HTML)
        # The lock, the room and the question before emptying it are shown and hidden: layouts of their own.
        self._lock = widgets.VBox([fixed_look(widgets.HBox, [self._key, self._unlock]), self._key_messages])
        self._address = fixed_look(widgets.HTML)
        self._count = fixed_look(widgets.HTML)
        self._chart = fixed_look(widgets.Output)
        self._cards = fixed_look(widgets.HTML)
        self._messages = fixed_look(widgets.HTML)
        self._step = self._input(widgets.Dropdown, "board.step", layout={"width": "360px"})
        self._push = self._text(fixed_look(widgets.Button, icon="share", layout={"width": "auto"}), "board.push",
                                "description")
        self._export = self._text(fixed_look(widgets.Button, icon="download", layout={"width": "auto"}),
                                  "board.export", "description")
        self._links = fixed_look(widgets.HTML)
        # Emptying the board asks once more first: a click by mistake would lose the room's work on screen.
        self._clear = self._text(fixed_look(widgets.Button, icon="trash", layout=_BUTTON), "board.clear",
                                 "description")
        self._clear_yes = self._text(fixed_look(widgets.Button, button_style="danger", layout=_BUTTON),
                                     "board.clear_yes", "description")
        self._clear_no = self._text(fixed_look(widgets.Button, layout=_BUTTON), "board.clear_no", "description")
        self._clear_question = self._static_text("board.clear_question", tag="p")
        self._confirm = widgets.VBox([self._clear_question,
                                      fixed_look(widgets.HBox, [self._clear_yes, self._clear_no])],
                                     layout=widgets.Layout(display="none"))
        self._room = widgets.VBox([
            self._address, self._count, self._heading("board.hashtags_heading"), self._chart,
            self._heading("board.cards_heading"), self._cards,
            fixed_look(widgets.HBox, [self._step, self._push], layout={"align_items": "center"}),
            fixed_look(widgets.HBox, [self._export, self._links], layout={"align_items": "center"}),
            fixed_look(widgets.HBox, [self._clear]), self._confirm,
            self._messages])
        self._lay_out(self._lock, self._room)
        self._unlock.on_click(self._on_unlock)
        self._push.on_click(self._on_push)
        self._export.on_click(self._on_export)
        self._clear.on_click(self._on_clear)
        self._clear_yes.on_click(self._on_clear_yes)
        self._clear_no.on_click(self._on_clear_no)
        self.model.observe(self._on_unlocked, "unlocked")
        self.model.observe(lambda change: self._render(), ["address", "pushed"])
        self._start("stagetok-board")
        self._on_unlocked()

    # --- participant (facilitator) actions -----------------------------------------------------
    @guarded
    def _on_unlock(self, button=None):
        if self.model.unlock(self._key.value):
            self._key.value = ""

    @guarded
    def _on_push(self, button=None):
        if self._step.value:
            self.model.push(self._step.value)

    @guarded
    def _on_export(self, button=None):
        entries, lang = self.model.entries, self.model.language
        self._links.value = (download_html(board.to_csv(entries, lang).encode("utf-8"), "zaal.csv", "text/csv",
                                       self._t("board.export_csv"))
                             + download_html(board.to_html(entries, lang).encode("utf-8"), "zaal.html", "text/html",
                                         self._t("board.export_html")))

    @guarded
    def _on_clear(self, button=None):
        self._confirm.layout.display = "flex"

    @guarded
    def _on_clear_yes(self, button=None):
        self._confirm.layout.display = "none"
        if self.model.clear_room():
            self._links.value = ""  # the exports were of the room as it was

    @guarded
    def _on_clear_no(self, button=None):
        self._confirm.layout.display = "none"

    # --- refreshing ----------------------------------------------------------------------------
    def _schedule(self) -> None:
        if self.model.unlocked:
            later(self.refresh_seconds, self._tick)

    @guarded
    def _tick(self) -> None:
        self.model.refresh()
        self._schedule()

    # --- model -> view -------------------------------------------------------------------------
    @guarded
    def _on_unlocked(self, change=None):
        unlocked = self.model.unlocked
        self._lock.layout.display = "none" if unlocked else "flex"
        self._room.layout.display = "flex" if unlocked else "none"
        if unlocked:
            self._render()
            if change is not None:
                self._schedule()

    def _on_language_extra(self) -> None:
        self._step.options = [(f"{number}. {self._t(f'step.{step.id}.title')}", step.id)
                              for number, step in enumerate(journey.STEPS, start=1)]

    def _render(self) -> None:
        if not self.model.unlocked:
            return
        entries, lang = self.model.entries, self.model.language
        address = self.model.address
        if address != self._address_shown:  # the QR code is drawn once, not at every refresh
            self._address_shown = address
            self._address.value = (
                f"<div class='stagetok-room-address' style='display:flex;gap:24px;align-items:center'>"
                f"<div style='font-size:200%;font-weight:bold'>{escape(address)}</div>"
                f"<div style='width:180px'>{room.qr_svg(address)}</div></div>" if address else "")
        pushed = (self._t("board.pushed_now", step=journey.number(self.model.pushed),
                          title=self._t(f"step.{self.model.pushed}.title")) if self.model.pushed else "")
        sent = self._t("board.sent", n=format_int(len(entries), lang))
        self._count.value = f"<p style='font-size:140%'>{escape(sent)}</p><p>{escape(pushed)}</p>"
        counts = board.hashtag_counts(entries)
        drawn = (lang, tuple(counts.itertuples(index=False, name=None)))
        if drawn != self._chart_drawn:  # the same hashtags: the chart stays (no redraw in the page either)
            self._chart_drawn = drawn
            if counts.empty:
                clear_chart(self._chart)
            else:
                show_chart(self._chart, room_hashtags_chart(counts, lang=lang))
        # A card is made again only when its team sent something new (or the language changed): in a
        # room a refresh usually brings one or two new entries among thirty.
        cards = {(entry.code, entry.sent_at, lang): self._cards_made.get((entry.code, entry.sent_at, lang))
                 or self._card_html(entry, lang) for entry in entries}
        self._cards_made = cards
        self._cards.value = (f"<div style='display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));"
                             f"gap:8px'>{''.join(cards.values())}</div>")

    def _card_html(self, entry, lang: str) -> str:
        card = board.card(entry, lang)
        rows = "".join(
            f"<div><b>{escape(self._t(key))}:</b> {escape(value)}</div>"
            for key, value in (("board.col_challenge", f"{card.challenge} {card.hashtag}".strip()),
                               ("board.col_caption", card.caption), ("board.col_balance", card.balance),
                               ("board.col_interns", format_int(card.interns, lang) if card.interns else ""),
                               ("board.col_reach", card.reach)) if value)
        return (f"<div class='stagetok-card' style='border:1px solid #ccc;border-radius:6px;padding:8px;"
                f"overflow-wrap:anywhere'><div style='font-size:120%;font-weight:bold'>{escape(card.team)}"
                f"</div>{rows}</div>")

    def _show_problems(self) -> None:
        self._key_messages.value = self._problem_html("key")
        self._messages.value = (self._problem_html("store", "push", "clear")
                                + self._notice_html("board.pushed", "board.cleared"))
