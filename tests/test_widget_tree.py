"""The widget tree of every step stays small: shared Layout and Style models, never changed by use."""

from __future__ import annotations

import datetime
import logging
from collections import Counter

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

from toolkit import journey
from toolkit.i18n import t
from toolkit.store import Store
from toolkit.widgets.board import Board, BoardModel
from toolkit.widgets.common import (
    SharedLookError,
    ToolView,
    fixed_look,
    is_shared,
    shared_layout,
    shared_style,
)
from toolkit.widgets.workshop import Workshop, WorkshopModel, tool_classes

#: Most models a step's view may open in a fresh kernel: about 10 % above what it opens now
#: (welcome 33, pipeline 70, early 45, irony 67, content 49, advocacy 62, perfection 72,
#: safety 96, hashtags 64, reach 67, plan 34). With a Layout and a Style per widget it was
#: 57, 135, 79, 123, 94, 119, 151, 218, 125, 127 and 60.
CEILINGS = {"welcome": 36, "pipeline": 77, "early": 50, "irony": 74, "content": 54, "advocacy": 68,
            "perfection": 79, "safety": 106, "hashtags": 70, "reach": 74, "plan": 37}
#: Most of a tree that may be Layout and Style models (one of each per widget made it over 60 %).
MAX_LOOK_SHARE = 0.40
#: Most Layout and Style models of a step's own (not shared): only widgets whose look changes
#: while the page is open have one (the example line, the irony rows, the hashtag table).
MAX_OWN_LOOKS = 8


def _is_look(model: widgets.Widget) -> bool:
    return isinstance(model, (widgets.Layout, widgets.Style))


def _opened(build) -> tuple[object, list[widgets.Widget]]:
    """What ``build()`` returns, and the models it opens in a kernel where nothing was opened before.

    That is every model made while it runs, and the shared looks those use which an earlier
    build made (a fresh kernel would open them now).
    """
    before = set(_instances)
    result = build()
    made = {model_id: _instances[model_id] for model_id in set(_instances) - before}
    for model in list(made.values()):
        for name in ("layout", "style"):
            look = getattr(model, name, None)
            if isinstance(look, widgets.Widget):
                made.setdefault(look.model_id, look)
    return result, list(made.values())


def _step(step_id: str) -> tuple[ToolView, list[widgets.Widget]]:
    view_class, model_class = tool_classes(step_id)
    return _opened(lambda: view_class(model_class()))


def _tree(widget: widgets.Widget):
    """The widget and everything inside it (box children, accordion folds)."""
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def _looks_in(*roots: widgets.Widget) -> list[widgets.Widget]:
    looks = {}
    for root in roots:
        for widget in _tree(root):
            for name in ("layout", "style"):
                look = getattr(widget, name, None)
                if isinstance(look, widgets.Widget):
                    looks[id(look)] = look
    return list(looks.values())


# --- the size of each step ----------------------------------------------------------------------------
@pytest.mark.parametrize("step_id", journey.STEP_IDS)
def test_each_step_opens_few_models_and_few_of_them_are_looks(step_id):
    view, opened = _step(step_id)
    kinds = Counter(type(model).__name__ for model in opened)
    looks = [model for model in opened if _is_look(model)]
    assert len(opened) <= CEILINGS[step_id], f"{step_id}: {len(opened)} models, {kinds.most_common(6)}"
    assert len(looks) <= MAX_LOOK_SHARE * len(opened), f"{step_id}: {len(looks)} of {len(opened)} are looks"
    own = [look for look in looks if not is_shared(look)]
    assert len(own) <= MAX_OWN_LOOKS, f"{step_id}: {len(own)} Layout/Style models of its own"
    assert view in opened and view.layout.max_width == "960px"


def test_the_workshop_and_the_board_open_few_models_too(tmp_path):
    with Store(tmp_path / "tree.sqlite3") as store:
        workshop, opened = _opened(lambda: Workshop(WorkshopModel(store=store)))
        looks = [model for model in opened if _is_look(model)]
        assert len(opened) <= 77 and len(looks) <= MAX_LOOK_SHARE * len(opened)  # 70 with the welcome step; was 136
        board, opened = _opened(lambda: Board(BoardModel(store=store)))
        looks = [model for model in opened if _is_look(model)]
        assert len(opened) <= 58 and len(looks) <= MAX_LOOK_SHARE * len(opened)  # 53; was 93


def test_widgets_that_look_alike_share_one_layout_and_one_style():
    safety, _ = _step("safety")
    boxes = list(safety._boxes.values())
    assert len(boxes) > 10
    assert len({id(box.layout) for box in boxes}) == 1 and len({id(box.style) for box in boxes}) == 1
    fields, _ = _step("welcome")
    texts = list(fields._fields.values())
    assert len({id(text.style) for text in texts}) == 1 and texts[0].style.description_width == "150px"
    assert all(is_shared(look) for look in _looks_in(fields) if look is not fields._example_bar.layout)


# --- shared looks are never changed ---------------------------------------------------------------------
def _poke(root: widgets.Widget, skip: tuple = ()) -> None:
    """Use every control of ``root`` once, as a participant could: type, tick, choose, slide, click."""
    for widget in list(_tree(root)):
        if widget in skip or getattr(widget, "disabled", False):
            continue
        if isinstance(widget, widgets.Button):
            widget.click()
        elif isinstance(widget, (widgets.Password, widgets.FileUpload)):
            continue
        elif isinstance(widget, (widgets.Text, widgets.Textarea)):
            widget.value = "Garage 7 #monteur"
        elif isinstance(widget, widgets.Checkbox):
            widget.value = not widget.value
        elif isinstance(widget, widgets.SelectionRangeSlider):
            widget.index = (0, len(widget.options) - 1)
        elif isinstance(widget, (widgets.ToggleButtons, widgets.Dropdown, widgets.Select)):
            if widget.options:
                widget.index = len(widget.options) - 1
        elif isinstance(widget, widgets.IntRangeSlider):
            widget.value = (widget.min, widget.max)
        elif isinstance(widget, (widgets.IntSlider, widgets.FloatSlider)):
            widget.value = widget.max
        elif isinstance(widget, (widgets.BoundedIntText, widgets.BoundedFloatText)):
            widget.value = min(widget.max, 5000)
        elif isinstance(widget, widgets.DatePicker):
            widget.value = datetime.date(2027, 3, 1)


def _states(looks) -> dict[int, dict]:
    return {id(look): look.get_state() for look in looks}


def test_using_every_step_changes_no_shared_look(caplog):
    views = {step_id: _step(step_id)[0] for step_id in journey.STEP_IDS}
    shared = [look for look in _instances.values() if _is_look(look) and is_shared(look)]
    before = _states(shared)
    with caplog.at_level(logging.ERROR, logger="toolkit.widgets"):
        for step_id, view in views.items():
            model, skip = view.model, (getattr(view, "_make_image", None),)  # a chart image takes seconds
            model.load_example()
            _poke(view, skip)  # the last option everywhere: English on the language switch too
            assert model.language == "en"
            view._language.value = "nl"
            model.start_empty()
            _poke(view, skip)
            model.language = "nl"
            model.load_example()
            assert view._general_messages.value == "", f"{step_id}: {view._general_messages.value}"
    assert not caplog.records, [record.getMessage() for record in caplog.records]
    assert _states(shared) == before
    now_shared = [look for look in _looks_in(*views.values()) if is_shared(look)]
    assert len(now_shared) > 20 and all(look.get_state() == before[id(look)] for look in now_shared
                                        if id(look) in before)


def test_using_the_workshop_and_the_board_changes_no_shared_look(tmp_path, caplog, monkeypatch):
    from toolkit import room

    monkeypatch.setenv(room.FACILITATOR_HASH_ENV, room.key_digest("secret for the tree"))
    with Store(tmp_path / "tree.sqlite3") as store:
        workshop = Workshop(WorkshopModel(store=store, in_room=True))
        board = Board(BoardModel(store=store))
        shared = [look for look in _instances.values() if _is_look(look) and is_shared(look)]
        before = _states(shared)
        with caplog.at_level(logging.ERROR, logger="toolkit.widgets"):
            for step_id in journey.STEP_IDS:  # every step's view is built and put on the stage
                workshop._steps.value = step_id
            workshop._language.value = "en"
            workshop.model.tool("welcome").set_field("team_name", "Team Boom")
            _poke(workshop._team_bar)
            _poke(workshop._nav)
            assert board.model.unlock("secret for the tree")
            board.model.refresh()
            _poke(board)
            board._clear_yes.click()
        assert not caplog.records, [record.getMessage() for record in caplog.records]
        assert _states(shared) == before
        assert workshop._to_board.layout.display == ""


def test_a_shared_look_refuses_a_change_and_keeps_its_value():
    look = shared_layout(width="auto", margin="1px 2px")
    with pytest.raises(SharedLookError):
        look.width = "10px"
    assert look.width == "auto" and shared_layout(margin="1px 2px", width="auto") is look
    style = shared_style(widgets.ButtonStyle, button_color="#123456")
    with pytest.raises(SharedLookError):
        style.button_color = "red"
    assert style.button_color == "#123456"


def test_looks_are_shared_per_distinct_set_of_traits():
    assert shared_layout() is shared_layout(width=None) is not shared_layout(width="auto")
    assert shared_layout(width="auto") is shared_layout(width="auto")
    assert shared_style(widgets.ButtonStyle) is not shared_style(widgets.ToggleButtonsStyle)
    with pytest.raises(TypeError):
        shared_layout(widht="auto")
    html = fixed_look(widgets.HTML, "<b>x</b>", layout={"width": "auto"})
    button = fixed_look(widgets.Button, description="Go", style={"button_color": "#123456"})
    assert html.value == "<b>x</b>" and html.layout is shared_layout(width="auto") and is_shared(html.style)
    assert button.style is shared_style(widgets.ButtonStyle, button_color="#123456") and button.description == "Go"
    own = widgets.Layout(width="auto")
    assert fixed_look(widgets.HBox, [html], layout=own).layout is own and not is_shared(own)
    with pytest.raises(TypeError):
        fixed_look(widgets.VBox, style={"button_color": "red"})


def test_a_closed_shared_look_stays_for_the_widgets_that_show_it():
    first = fixed_look(widgets.HTML, layout={"min_width": "13px"})
    look = first.layout
    look.close()  # as closing every model of one view would
    assert look.comm is not None and look.model_id in _instances, "the widgets that show it keep it"
    second = fixed_look(widgets.HTML, layout={"min_width": "13px"})
    assert second.layout is not look and second.layout.min_width == "13px"


def test_describe_gives_a_shared_style_of_the_label_width_and_changes_no_shared_one():
    view, _ = _step("plan")
    default = shared_style(type(widgets.Text().style))
    field = fixed_look(widgets.Text)
    assert field.style is default
    view._describe(field, "planstep.owner")
    assert field.style is shared_style(type(default), description_width=view.label_width)
    assert default.description_width == "" and field.description == t("planstep.owner", lang="nl")
    plain = view._describe(widgets.Text(), "planstep.owner")  # a widget with a style of its own keeps it
    assert not is_shared(plain.style) and plain.style.description_width == view.label_width


# --- showing and hiding stays per widget ---------------------------------------------------------------
@pytest.mark.parametrize("step_id", journey.STEP_IDS)
def test_the_example_line_of_one_view_does_not_hide_another(step_id):
    view_class, model_class = tool_classes(step_id)
    shown, hidden = view_class(model_class.example()), view_class(model_class())
    hidden.model.start_empty()
    assert shown._example_bar.layout is not hidden._example_bar.layout
    assert shown._example_bar.layout.display == "flex" and hidden._example_bar.layout.display == "none"
    shown.model.start_empty()
    hidden.model.load_example()
    assert shown._example_bar.layout.display == "none" and hidden._example_bar.layout.display == "flex"


def test_hiding_one_views_language_switch_leaves_the_others():
    one, other = _step("content")[0], _step("advocacy")[0]
    assert one._language.layout is other._language.layout  # the same look, shared
    one.hide_language_switch()
    assert one._language.layout.display == "none" and other._language.layout.display is None
    assert one._language.layout is not other._language.layout


def test_rows_boards_and_tables_show_and_hide_each_on_their_own(tmp_path):
    irony, _ = _step("irony")
    irony.model.set_text(0, "Een stagiair laat zien hoe een band wordt gewisseld")
    rows = irony._rows
    assert rows[0]["remove"].layout.visibility == "visible" and rows[1]["remove"].layout.visibility == "hidden"
    assert rows[0]["box"].layout is not rows[1]["box"].layout
    assert rows[0]["box"].layout.border_left != rows[1]["box"].layout.border_left
    full, empty = _step("hashtags")[0], _step("hashtags")[0]
    full.model.load_example()
    empty.model.start_empty()
    assert full._table.layout.display == "grid" and empty._table.layout.display == "none"
    with Store(tmp_path / "tree.sqlite3") as store:
        asked, calm = Board(BoardModel(store=store)), Board(BoardModel(store=store))
        asked._clear.click()
        assert asked._confirm.layout.display == "flex" and calm._confirm.layout.display == "none"
        assert asked._lock.layout is not calm._lock.layout and asked._room.layout is not calm._room.layout
        one = Workshop(WorkshopModel(store=store), only="early")
        whole = Workshop(WorkshopModel(store=store))
        assert one._steps.layout.display == "none" and one._nav.layout.display == "none"
        assert whole._steps.layout.display is None and whole._nav.layout.display is None
