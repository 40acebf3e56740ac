"""The workshop dashboard: one page that walks a team through every step and keeps its work.

:class:`WorkshopModel` holds the team's code and workbook, the step the team is at, and one
tool model per step, made when the step is first opened. Every change a team makes in a
step's tool ends in that tool's ``revision``; the workshop then copies the tool's sections
into the workbook and saves it in the store under the team's code. :class:`Workshop` shows a
team bar (code, join, new team, download and upload of the workbook), the steps, and the
current step's tool, whose widgets are built the first time the step is opened.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import logging
import os
import time
from datetime import datetime
from urllib.parse import parse_qs

import ipywidgets as widgets
import traitlets

from toolkit import journey
from toolkit.i18n import LANGUAGES, TextError
from toolkit.store import Store, StoreError
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, guarded, later
from toolkit.widgets.markup import download_html, escape
from toolkit.workbook import Team, Workbook, WorkbookError, from_json, new_code, normalise_code, to_json

log = logging.getLogger("toolkit.widgets")

#: Seconds between two looks for the facilitator's "go to step N", in a room.
ROOM_POLL_SECONDS = 5.0
#: Largest workbook file a team can upload, in bytes.
MAX_UPLOAD = 2_000_000

_CSS = """<style>
.stagetok-workshop .stagetok-steps .widget-toggle-button { width: auto; padding: 0 10px; }
.stagetok-workshop .stagetok-steps > div, .stagetok-workshop .stagetok-steps { flex-wrap: wrap; }
.stagetok-workshop .stagetok-team-bar { background: #f4f6f8; border-radius: 6px; padding: 6px 10px; }
</style>"""


def _classes(step_id: str) -> tuple[str, str, str]:
    module, view, model = journey.step(step_id).tool.split(":")
    return f"toolkit.widgets.{module}", view, model


def tool_classes(step_id: str) -> tuple[type[ToolView], type[ToolModel]]:
    """The view and model classes of a step's tool (imported on first use)."""
    module, view, model = _classes(step_id)
    loaded = importlib.import_module(module)
    return getattr(loaded, view), getattr(loaded, model)


class WorkshopModel(ToolModel):
    """The team, its workbook, the current step, and the tools of the steps opened so far."""

    code = traitlets.Unicode("", help="The team's code; empty until the team starts or joins.")
    step = traitlets.Unicode(journey.STEP_IDS[0], help="Id of the step shown.")
    book = traitlets.Instance(Workbook, help="Everything the team decided so far.")
    saved_at = traitlets.Unicode("", help="Time of the last save (HH:MM), or empty.")
    in_room = traitlets.Bool(help="True in a workshop room (make room): the team can send to the board.")

    def __init__(self, store: Store | None = None, **kwargs):
        super().__init__(**kwargs)
        self._store = store
        self._tools: dict[str, ToolModel] = {}
        self._restoring = False
        self._seen_push: datetime | None = None
        #: Seconds each save took, for the benchmark.
        self.save_seconds: list[float] = []

    @traitlets.default("book")
    def _default_book(self):
        return Workbook()

    @traitlets.default("in_room")
    def _default_in_room(self):
        return os.environ.get("STAGETOK_ROOM") == "1"

    @traitlets.validate("step")
    def _validate_step(self, proposal):
        if proposal["value"] not in journey.STEP_IDS:
            raise traitlets.TraitError(f"Unknown step {proposal['value']!r}.")
        return proposal["value"]

    @property
    def store(self) -> Store:
        """The store the workbook is saved in (the workshop data folder's, unless one was given)."""
        if self._store is None:
            self._store = Store()
        return self._store

    # --- tools -------------------------------------------------------------------------------
    def tool(self, step_id: str) -> ToolModel:
        """The model of a step's tool, made and filled from the workbook when first asked for."""
        if step_id not in self._tools:
            _, model_class = tool_classes(step_id)
            model = model_class(language=self.language)
            self._restore(model)
            traitlets.dlink((self, "language"), (model, "language"))
            if model.has_trait("code"):  # the welcome step shows the team's code, made at its first choice
                traitlets.dlink((self, "code"), (model, "code"))
            model.observe(functools.partial(self._collect, step_id), "revision")
            self._tools[step_id] = model
        return self._tools[step_id]

    def opened(self) -> list[str]:
        """Ids of the steps whose tools exist, in journey order."""
        return [step_id for step_id in journey.STEP_IDS if step_id in self._tools]

    def _restore(self, model: ToolModel) -> None:
        self._restoring = True
        try:
            model.restore(self.book)  # the book holds the team's code: save() and _open() keep them one
        finally:
            self._restoring = False

    def _collect(self, step_id: str, change=None) -> None:
        if self._restoring:
            return
        sections = self._tools[step_id].to_sections()
        if all(getattr(self.book, name) == value for name, value in sections.items()):
            return
        self.book = dataclasses.replace(self.book, **sections)
        self.save()

    # --- the team ----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save the workbook under the team's code (a team without one gets one now).

        A store that fails records a problem under ``"save"``; the work stays in this model
        and is saved with the next change.
        """
        if not self.code:
            self.code = new_code()
            self.notice = ("workshop.code_made", {"code": self.code})
        self.book = dataclasses.replace(self.book, team=dataclasses.replace(self.book.team, code=self.code),
                                        step=self.step, language=self.language)
        started = time.perf_counter()
        try:
            self.store.save(self.book)
        except StoreError as error:
            self._set_problems("save", [(error.key, error.params)])
            return False
        self.save_seconds.append(time.perf_counter() - started)
        self._set_problems("save", [])
        self.saved_at = datetime.now().strftime("%H:%M")
        return True

    def send_to_room(self) -> bool:
        """Send the team's workbook to the room's board (replacing what it sent before)."""
        if not self.save():
            return False
        try:
            self.store.send(self.book)
        except StoreError as error:
            self._set_problems("room", [(error.key, error.params)])
            return False
        self._set_problems("room", [])
        self.notice = ("workshop.sent", {})
        return True

    def follow_room(self) -> bool:
        """Go to the step the facilitator pushed since this page first looked; True when the team moved.

        A push from before the page opened is remembered, not followed: a team that reloads its
        page stays where it was.
        """
        try:
            pushed = self.store.pushed_step()
        except StoreError:
            return False  # the next look may work; the team's own work is not touched
        if pushed is None:
            self._seen_push = self._seen_push or datetime.min
            return False
        step_id, when = pushed
        when = when.replace(tzinfo=None)
        if self._seen_push is None or when <= self._seen_push:
            self._seen_push = max(self._seen_push or when, when)
            return False
        self._seen_push = when
        if self.go(step_id):
            self.notice = ("workshop.room_moved", {"step": journey.number(step_id)})
            return True
        return False

    def new_team(self) -> None:
        """Start a new, empty workbook with a fresh code (the current team's work stays saved)."""
        self._open(Workbook(team=Team(code=new_code())), step=journey.STEP_IDS[0])
        self.save()
        self.notice = ("workshop.code_made", {"code": self.code})

    def join(self, text: str) -> bool:
        """Open the team's saved work by its code; an unknown or mistyped code changes nothing."""
        try:
            code = normalise_code(str(text)[:100])
            book = self.store.load(code)
            if book is None:
                raise TextError("workshop.unknown_code", code=code)
        except TextError as error:
            self._set_problems("team", [(error.key, error.params)])
            return False
        self._set_problems("team", [])
        self._open(book, step=book.step or self.step)
        self.notice = ("workshop.joined", {"code": self.code})
        return True

    def upload(self, data: bytes) -> bool:
        """Open a workbook file the team downloaded before; a wrong file changes nothing."""
        try:
            if len(data) > MAX_UPLOAD:
                raise WorkbookError("workbook.too_big")
            book = from_json(bytes(data))
            code = normalise_code(book.team.code) if book.team.code else new_code()
        except TextError as error:
            self._set_problems("upload", [(error.key, error.params)])
            return False
        self._set_problems("upload", [])
        self._open(dataclasses.replace(book, team=dataclasses.replace(book.team, code=code)),
                   step=book.step or self.step)
        self.save()
        self.notice = ("workshop.uploaded", {"code": self.code})
        return True

    def download(self) -> bytes:
        """The workbook as a JSON file."""
        return to_json(self.book).encode("utf-8")

    def _open(self, book: Workbook, step: str) -> None:
        with self.hold_trait_notifications():
            self.code, self.book = book.team.code, book
            self.step = step if step in journey.STEP_IDS else journey.STEP_IDS[0]
            self.problems = {}
        for model in self._tools.values():
            self._restore(model)
        self.revision += 1

    # --- steps -------------------------------------------------------------------------------
    def go(self, key: str | int) -> bool:
        """Go to a step by id (``"early"``) or number (``3`` or ``"3"``); an unknown step changes nothing."""

        def values():
            text = str(key).strip()
            try:
                found = journey.step(int(text) if text.isdigit() else text)
            except KeyError:
                raise TextError("workshop.bad_step", last=len(journey.STEPS)) from None
            return {"step": found.id}

        if not self._apply("step", values):
            return False
        model = self._tools.get(self.step)
        if model is not None and getattr(model, "reads_workbook", False):
            self._restore(model)
        if self.code:
            self.book = dataclasses.replace(self.book, step=self.step)
        return True

    def open_from_query(self, query: str | None) -> None:
        """Apply ``?team=CODE&step=N&lang=en`` from the page's address (unknown values give a message)."""
        params = parse_qs(query or "")
        if params.get("lang") and params["lang"][0].lower() in LANGUAGES:
            self.language = params["lang"][0].lower()
        if params.get("team"):
            self.join(params["team"][0])
        if params.get("step"):
            self.go(params["step"][0])

    # --- the protocol of a tool (the workshop itself keeps no section) -------------------------
    def load_example(self) -> None:
        """The workshop has no example of its own: each step's tool has one."""

    def start_empty(self) -> None:
        """A new team with an empty workbook."""
        self.new_team()


class Workshop(ToolView):
    """The workshop page: the team bar, the steps, and the current step's tool.

    Parameters
    ----------
    model : WorkshopModel, optional
        The workshop's state; a new one (saving in the workshop data folder) by default.
    only : str, optional
        Show just this step, without the list of steps (for a step's own notebook).
    """

    title_key, intro_key, label_width = "workshop.title", "workshop.intro", "90px"
    #: Seconds after a team's step change (or its first choice) before the next step's widgets are
    #: built, while the team reads and works: "Volgende stap" then shows a step whose widgets the
    #: page already has. Nothing is built ahead at start, so the first page stays as light as it is.
    build_ahead_delay = 1.5

    def __init__(self, model: WorkshopModel | None = None, *, only: str | None = None, **kwargs):
        super().__init__(model or WorkshopModel(), **kwargs)
        self.only = only
        self._views: dict[str, ToolView] = {}
        #: Seconds it took to build each step's view, for the benchmark.
        self.build_seconds: dict[str, float] = {}
        self._css = fixed_look(widgets.HTML, _CSS)
        # the team bar
        self._team_info = fixed_look(widgets.HTML)
        self._code_field = self._input(widgets.Text, "workshop.code", placeholder="workshop.code_placeholder",
                                       continuous_update=False, layout={"width": "260px"})
        self._join = self._text(fixed_look(widgets.Button, icon="sign-in", layout={"width": "auto"}),
                                "workshop.join", "description")
        self._new = self._text(fixed_look(widgets.Button, icon="plus", layout={"width": "auto"}),
                               "workshop.new", "description")
        self._save_file = self._text(fixed_look(widgets.Button, icon="download", layout={"width": "auto"}),
                                     "workshop.download", "description")
        self._upload = self._text(fixed_look(widgets.FileUpload, accept=".json", multiple=False,
                                             layout={"width": "auto"}), "workshop.upload", "description")
        # Only a room has a board to send to; that stays so while the page is open.
        shown = {"display": "" if self.model.in_room else "none"}
        self._to_board = self._text(fixed_look(widgets.Button, icon="paper-plane", button_style="info",
                                               layout={"width": "auto", **shown}), "workshop.send", "description")
        self._file_link = fixed_look(widgets.HTML)
        self._team_messages = fixed_look(widgets.HTML)
        row = {"flex_flow": "row wrap", "align_items": "center"}
        self._team_bar = fixed_look(widgets.VBox, [
            self._team_info,
            fixed_look(widgets.HBox, [self._code_field, self._join, self._new], layout=row),
            fixed_look(widgets.HBox, [self._to_board, self._save_file, self._upload, self._file_link], layout=row),
            self._team_messages,
        ])
        self._team_bar.add_class("stagetok-team-bar")
        # the steps
        # Not through _link: relabelling the steps when the language changes makes ToggleButtons
        # pick its first option for a moment, which must not move the team to step 1.
        self._relabelling = False
        # A page for one step shows neither the steps nor the way to the next one, for as long as it is open.
        hidden = {"display": "none"} if only is not None else {}
        self._steps = fixed_look(widgets.ToggleButtons, options=self._step_options(), value=self.model.step,
                                 layout=hidden)
        traitlets.dlink((self.model, "step"), (self._steps, "value"))
        self._steps.observe(self._on_pick, "value")
        self._steps.add_class("stagetok-steps")
        self._goal = fixed_look(widgets.HTML)
        self._step_messages = fixed_look(widgets.HTML)
        self._stage = fixed_look(widgets.Box, layout={"display": "block"})
        self._stage.add_class("stagetok-stage")
        self._previous = self._text(fixed_look(widgets.Button, icon="arrow-left", layout={"width": "auto"}),
                                    "workshop.previous", "description")
        self._next = self._text(fixed_look(widgets.Button, icon="arrow-right", button_style="primary",
                                           layout={"width": "auto"}), "workshop.next", "description")
        self._nav = fixed_look(widgets.HBox, [self._previous, self._next],
                               layout={"justify_content": "space-between", "margin": "12px 0", **hidden})
        if only is not None:
            self.model.go(only)
        self._lay_out(self._css, self._team_bar, self._steps, self._goal, self._step_messages, self._stage, self._nav)
        self._join.on_click(self._on_join)
        self._code_field.observe(self._on_join, "value")
        self._new.on_click(self._on_new)
        self._save_file.on_click(self._on_download)
        self._to_board.on_click(self._on_send)
        self._upload.observe(self._on_upload, "value")
        self._previous.on_click(functools.partial(self._on_move, -1))
        self._next.on_click(functools.partial(self._on_move, 1))
        self.model.observe(self._on_step, "step")
        self.model.observe(self._on_team, ["code", "saved_at", "book"])
        self._start("stagetok-workshop")
        self._on_step()
        self._on_team()

    def view(self, step_id: str) -> ToolView:
        """The view of a step's tool, built the first time it is asked for."""
        if step_id not in self._views:
            started = time.perf_counter()
            view_class, _ = tool_classes(step_id)
            view = view_class(self.model.tool(step_id))
            view.hide_language_switch()
            view.add_class(f"stagetok-step-{step_id}")
            self._views[step_id] = view
            self.build_seconds[step_id] = time.perf_counter() - started
        return self._views[step_id]

    def _build_ahead(self) -> None:
        """Build the next step's view a moment from now, on the kernel's event loop.

        In a Voila or JupyterLab kernel the callback runs between the page's messages; outside a
        kernel (a script, a test) steps are built when first opened, as always.
        """
        index = journey.STEP_IDS.index(self.model.step) + 1
        if self.only is not None or index >= len(journey.STEPS) or journey.STEP_IDS[index] in self._views:
            return
        later(self.build_ahead_delay, self._build_step, journey.STEP_IDS[index])

    @guarded
    def _build_step(self, step_id: str) -> None:
        self.view(step_id)

    def _step_options(self) -> list[tuple[str, str]]:
        return [(f"{number}. {self._t(f'step.{item.id}.short')}", item.id)
                for number, item in enumerate(journey.STEPS, start=1)]

    # --- participant actions -----------------------------------------------------------------
    @guarded
    def _on_join(self, change=None):
        text = self._code_field.value
        if text.strip() and self.model.join(text):
            self._code_field.value = ""

    @guarded
    def _on_pick(self, change):
        if not self._relabelling and change["new"] != self.model.step:
            self.model.go(change["new"])

    @guarded
    def _on_send(self, button=None):
        self.model.send_to_room()

    def follow_the_room(self, seconds: float = ROOM_POLL_SECONDS) -> None:
        """In a room, look every ``seconds`` for the facilitator's "go to step N" (on the kernel's loop)."""
        if self.model.in_room and self.only is None:
            self.model.follow_room()  # remembers the push from before the page opened
            self._poll_seconds = seconds
            later(seconds, self._poll)

    @guarded
    def _poll(self) -> None:
        self.model.follow_room()
        later(self._poll_seconds, self._poll)

    @guarded
    def _on_new(self, button=None):
        self.model.new_team()

    @guarded
    def _on_download(self, button=None):
        from toolkit.plan import filename

        self._file_link.value = download_html(self.model.download(), filename(self.model.book, "json", "werkboek"),
                                               "application/json", self._t("workshop.download_ready"))

    @guarded
    def _on_upload(self, change=None):
        files = list(self._upload.value)
        if files:
            self.model.upload(bytes(files[0]["content"]))
            self._upload.value = ()

    @guarded
    def _on_move(self, delta: int, button=None):
        index = journey.STEP_IDS.index(self.model.step) + delta
        if 0 <= index < len(journey.STEPS):
            self.model.go(journey.STEP_IDS[index])

    # --- model -> view -----------------------------------------------------------------------
    @guarded
    def _on_step(self, change=None):
        step_id = self.model.step
        number = journey.number(step_id)
        position = self._t("workshop.step_of", number=number, total=len(journey.STEPS))
        title = self._t(f"step.{step_id}.title")
        self._goal.value = (f"<h3 style='margin:8px 0 0'>{escape(position)} {escape(title)}</h3>"
                            f"<p class='stagetok-goal'><b>{escape(self._t('workshop.goal'))}</b> "
                            f"{escape(self._t(f'step.{step_id}.goal'))}</p>")
        self._stage.children = (self.view(step_id),)
        self._previous.disabled = number == 1
        self._next.disabled = number == len(journey.STEPS)
        self._file_link.value = ""
        if change is not None:  # the team moved (not the page's first build)
            self._build_ahead()

    @guarded
    def _on_team(self, change=None):
        if change is not None and change["name"] == "code" and change["new"] and not change["old"]:
            self._build_ahead()  # the team's first choice: it is working on this step
        team = self.model.book.team
        if self.model.code:
            name = team.name or team.company or self._t("workshop.no_name")
            saved = (self._t("workshop.saved_at", time=self.model.saved_at) if self.model.saved_at
                     else self._t("workshop.not_saved"))
            self._team_info.value = (f"<div><b>{escape(name)}</b> · {escape(self._t('workshop.code_is'))} "
                                     f"<b class='stagetok-code' style='font-family:monospace;font-size:120%'>"
                                     f"{escape(self.model.code)}</b> · <span class='stagetok-saved'>{escape(saved)}"
                                     f"</span></div>")
        else:
            self._team_info.value = f"<div>{escape(self._t('workshop.no_team'))}</div>"

    def _on_language_extra(self) -> None:
        options = self._step_options()
        if hasattr(self, "_steps") and list(self._steps.options) != options:
            self._relabelling = True
            try:
                self._steps.options = options
                self._steps.value = self.model.step
            finally:
                self._relabelling = False
        if hasattr(self, "_team_info"):
            self._on_team()
            self._on_step()

    def _show_problems(self) -> None:
        self._team_messages.value = (self._problem_html("team", "upload", "save", "room")
                                     + self._notice_html("workshop.code_made", "workshop.joined", "workshop.uploaded",
                                                         "workshop.sent", "workshop.room_moved"))
        self._step_messages.value = self._problem_html("step")
