"""Tip 3, content is king: a model over :mod:`toolkit.content` and a view to design a challenge and its duets."""

from __future__ import annotations

import ipywidgets as widgets
import traitlets

from toolkit import content, examples, hashtags, workbook
from toolkit.content import FORMATS, PROMPTS
from toolkit.i18n import TextError
from toolkit.widgets.common import ToolModel, ToolView, fixed_look, guarded
from toolkit.widgets.markup import escape, message_html

#: The invented example: a challenge of the example garage (see :mod:`toolkit.examples`).
EXAMPLE = workbook.Challenge(
    name="Raad het onderdeel",
    hashtag="#raadhetonderdeelchallenge",
    format="quiz",
    sound="Het ratelen van een slagmoersleutel, met een aftellende klok eronder",
    starter=f"Sanne, bpv-stagiair bij {examples.COMPANY}, met haar begeleider Ahmed",
    duet_prompts=(
        "Zeg in je duet welk onderdeel dit is en waar het in de auto zit.",
        "Laat in je duet zien welk gereedschap jij thuis het vaakst pakt.",
    ),
)
#: The example's audience: the vmbo pupils who can be the garage's mbo interns in two years.
EXAMPLE_AUDIENCE = "vmbo_13_15"
#: Text fields of a challenge: trait -> the check for what a participant types.
TEXT_FIELDS = {
    "name": content.check_challenge_name,
    "sound": content.check_sound,
    "starter": content.check_starter,
}
#: Longest text each field holds when set from code or restored, in characters.
LIMITS = {"name": content.MAX_NAME, "hashtag": content.MAX_HASHTAG_INPUT, "sound": content.MAX_SOUND,
          "starter": content.MAX_STARTER}


class ChallengeDesignerModel(ToolModel):
    """The team's own challenge: name, hashtag, format, sound, who starts it, and two duet prompts.

    ``audience`` (who the challenge is for) decides which of TikTok's teen rules apply and
    whether a warning goes with the duet prompts. A participant's input goes through the
    ``set_*`` actions, which refuse what does not fit with a problem and keep the earlier value.
    """

    name = traitlets.Unicode("", help="Name of the challenge.")
    hashtag = traitlets.Unicode("", help="The challenge's hashtag, with #, or empty.")
    format = traitlets.Unicode("", help=f"Format of the challenge: one of {', '.join(FORMATS)}, or empty.")
    sound = traitlets.Unicode("", help="Which sound or music the challenge uses.")
    starter = traitlets.Unicode("", help="Who starts the challenge.")
    duet_prompts = traitlets.Tuple(traitlets.Unicode(), traitlets.Unicode(), default_value=("", ""),
                                   help="The two duet prompts: what a viewer answers in a duet.")
    audience = traitlets.Unicode("", help="Who the challenge is for: one of content.AUDIENCES, or empty. "
                                          "Not kept in the workbook (its challenge section has no field for it).")

    sections = ("challenge",)

    @traitlets.validate("format")
    def _validate_format(self, proposal):
        return self._checked(content.check_format, proposal["value"])

    @traitlets.validate("audience")
    def _validate_audience(self, proposal):
        return self._checked(content.check_audience, proposal["value"])

    @traitlets.validate("name", "hashtag", "sound", "starter")
    def _validate_text(self, proposal):
        limit = LIMITS[proposal["trait"].name]
        if len(proposal["value"]) > limit:
            raise traitlets.TraitError(f"{proposal['trait'].name} is longer than {limit} characters.")
        return proposal["value"]

    @traitlets.validate("duet_prompts")
    def _validate_prompts(self, proposal):
        if any(len(prompt) > content.MAX_PROMPT for prompt in proposal["value"]):
            raise traitlets.TraitError(f"A duet prompt is longer than {content.MAX_PROMPT} characters.")
        return proposal["value"]

    @staticmethod
    def _checked(check, value):
        try:
            return check(value)
        except ValueError as error:
            raise traitlets.TraitError(str(error)) from error

    @traitlets.observe("name", "hashtag", "format", "sound", "starter", "duet_prompts", "audience")
    def _on_inputs(self, change):
        self.revision += 1

    # --- the team's workbook --------------------------------------------------------------------
    @property
    def challenge(self) -> workbook.Challenge:
        """The challenge as one value (two empty prompts are kept as none)."""
        prompts = tuple(self.duet_prompts) if any(self.duet_prompts) else ()
        return workbook.Challenge(name=self.name, hashtag=self.hashtag, format=self.format, sound=self.sound,
                                  starter=self.starter, duet_prompts=prompts, audience=self.audience)

    def to_sections(self) -> dict[str, object]:
        """The challenge (with its audience) as the workbook's ``challenge`` section."""
        return {"challenge": self.challenge}

    def restore(self, book: workbook.Workbook) -> None:
        """Take the challenge from the workbook; what no longer fits the rules is left empty."""
        audience = book.challenge.audience if book.challenge.audience in content.AUDIENCES else ""
        self._fill(book.challenge, audience=audience, example=False)

    def _fill(self, section: workbook.Challenge, audience: str, example: bool) -> None:
        prompts = [str(prompt)[:content.MAX_PROMPT] for prompt in section.duet_prompts[:PROMPTS]]
        prompts += [""] * (PROMPTS - len(prompts))
        try:
            tag = content.check_hashtag(section.hashtag)
        except ValueError:
            tag = ""
        with self.hold_trait_notifications():
            for name, limit in LIMITS.items():
                if name != "hashtag":
                    setattr(self, name, getattr(section, name)[:limit])
            self.hashtag = tag
            self.format = section.format if section.format in FORMATS else ""
            self.duet_prompts = tuple(prompts)
            self.audience = audience
            self.problems, self.notice, self.is_example = {}, ("", {}), example
        self.revision += 1

    # --- actions ----------------------------------------------------------------------------------
    def load_example(self) -> None:
        """The invented garage's challenge, aimed at vmbo pupils (marked as an example)."""
        self._fill(EXAMPLE, audience=EXAMPLE_AUDIENCE, example=True)

    def start_empty(self) -> None:
        """An empty challenge, no audience chosen."""
        self._fill(workbook.Challenge(), audience="", example=False)

    def set_name(self, text: str) -> bool:
        """The challenge's name, as the team typed it."""
        return self._apply("name", lambda: {"name": content.check_challenge_name(text)})

    def set_sound(self, text: str) -> bool:
        """Which sound or music the challenge uses."""
        return self._apply("sound", lambda: {"sound": content.check_sound(text)})

    def set_starter(self, text: str) -> bool:
        """Who starts the challenge."""
        return self._apply("starter", lambda: {"starter": content.check_starter(text)})

    def set_hashtag(self, text: str) -> bool:
        """The challenge's hashtag: a missing # is added; a tag that breaks a rule is refused."""
        return self._apply("hashtag", lambda: {"hashtag": content.check_hashtag(text)})

    def suggest_hashtag(self) -> bool:
        """Make the hashtag from the challenge's name (``#...challenge``); a problem keeps the old one."""
        def values():
            if not self.name:
                raise TextError("content.need_name")
            return {"hashtag": content.suggest_hashtag(self.name),
                    "notice": ("content.hashtag_suggested", {})}

        return self._apply("hashtag", values)

    def set_format(self, value: str) -> bool:
        """The challenge's format: one of :data:`toolkit.content.FORMATS` (or ``""``)."""
        return self._apply("format", lambda: {"format": content.check_format(value)})

    def set_audience(self, value: str) -> bool:
        """Who the challenge is for: one of :data:`toolkit.content.AUDIENCES` (or ``""``)."""
        return self._apply("audience", lambda: {"audience": content.check_audience(value)})

    def set_prompt(self, index: int, text: str) -> bool:
        """Duet prompt ``index`` (0 or 1), as the team typed it."""
        index = int(index)
        if not 0 <= index < PROMPTS:
            raise ValueError(f"A prompt number from 0 to {PROMPTS - 1}, not {index}.")

        def values():
            prompts = list(self.duet_prompts)
            prompts[index] = content.check_prompt(text)
            return {"duet_prompts": tuple(prompts)}

        return self._apply(f"prompt:{index}", values)

    # --- derived ----------------------------------------------------------------------------------
    def minors_notes(self) -> list[tuple[str, dict]]:
        """What minors can and cannot do, for the chosen audience (see :func:`toolkit.content.minors_notes`)."""
        return content.minors_notes(self.audience)

    def duet_warning(self) -> tuple[str, str, dict] | None:
        """The message that goes with the duet prompts, or None (see :func:`toolkit.content.duet_warning`)."""
        return content.duet_warning(self.audience)


class ChallengeDesigner(ToolView):
    """The challenge designer: the fields, what minors can do, the duet prompts and a preview card."""

    title_key, intro_key, example_key, label_width = (
        "content.title", "content.intro", "content.example_note", "160px")

    def __init__(self, model: ChallengeDesignerModel | None = None, **kwargs):
        super().__init__(model or ChallengeDesignerModel(), **kwargs)
        self._relabelling = False
        wide = {"width": "100%", "max_width": "560px"}
        self._name = self._link("name", self._input(
            widgets.Text, "content.name", "content.name_hint", continuous_update=False, layout=wide),
            action=self.model.set_name)
        self._name_messages = fixed_look(widgets.HTML)
        self._hashtag = self._link("hashtag", self._input(
            widgets.Text, "content.hashtag", "content.hashtag_hint", continuous_update=False,
            layout={"width": "100%", "max_width": "400px"}), action=self.model.set_hashtag)
        self._suggest = self._text(fixed_look(widgets.Button, icon="magic", layout={"width": "auto"}),
                                   "content.suggest_hashtag", "description")
        self._suggest.on_click(self._on_suggest)
        self._hashtag_messages = fixed_look(widgets.HTML)
        self._format = self._input(widgets.Dropdown, "content.format", layout={"width": "100%", "max_width": "400px"})
        self._format_hint = fixed_look(widgets.HTML)
        self._sound = self._link("sound", self._input(
            widgets.Text, "content.sound", "content.sound_hint", continuous_update=False, layout=wide),
            action=self.model.set_sound)
        self._sound_messages = fixed_look(widgets.HTML)
        self._starter = self._link("starter", self._input(
            widgets.Text, "content.starter", "content.starter_hint", continuous_update=False, layout=wide),
            action=self.model.set_starter)
        self._starter_messages = fixed_look(widgets.HTML)
        self._audience = fixed_look(widgets.ToggleButtons, style={"button_width": "auto"})
        # The choices need their options (labels in the model's language) before they show a value.
        self._on_language_extra()
        traitlets.dlink((self.model, "format"), (self._format, "value"))
        self._format.observe(self._on_format, "value")
        traitlets.dlink((self.model, "audience"), (self._audience, "value"))
        self._audience.observe(self._on_audience, "value")
        self._minors = fixed_look(widgets.HTML)
        self._prompts = []
        for index in range(PROMPTS):
            field = self._input(widgets.Text, "content.prompt_1" if index == 0 else "content.prompt_2",
                                "content.prompt_hint", continuous_update=False, layout=wide)
            self._prompts.append(self._link(
                "duet_prompts", field, to_widget=lambda prompts, index=index: prompts[index],
                action=lambda value, index=index: self.model.set_prompt(index, value)))
        self._prompt_messages = fixed_look(widgets.HTML)
        self._prompt_warning = fixed_look(widgets.HTML)
        self._preview = fixed_look(widgets.HTML)
        self._lay_out(
            self._heading("content.step_challenge"), self._name, self._name_messages,
            fixed_look(widgets.HBox, [self._hashtag, self._suggest], layout={"align_items": "center"}),
            self._hashtag_messages, self._format, self._format_hint, self._sound, self._sound_messages,
            self._starter, self._starter_messages,
            self._heading("content.step_audience"), self._static_text("content.audience_hint", tag="p"),
            self._audience, self._minors,
            self._heading("content.step_duets"), self._static_text("content.duets_hint", tag="p"),
            *self._prompts, self._prompt_messages, self._prompt_warning,
            self._heading("content.step_preview"), self._preview,
        )
        self._start("stagetok-content")

    # --- participant actions ----------------------------------------------------------------------
    @guarded
    def _on_suggest(self, button=None):
        self.model.suggest_hashtag()

    @guarded
    def _on_format(self, change):
        if not self._relabelling and change["new"] != self.model.format:
            self.model.set_format(change["new"] or "")

    @guarded
    def _on_audience(self, change):
        if not self._relabelling and change["new"] != self.model.audience:
            self.model.set_audience(change["new"] or "")

    # --- model -> view ----------------------------------------------------------------------------
    def _on_language_extra(self) -> None:
        formats = [(self._t("content.format_none"), "")] + [
            (self._t(content.FORMAT_KEYS[name][0]), name) for name in FORMATS]
        audiences = [(self._t("content.audience_none"), "")] + [
            (self._t(content.AUDIENCE_KEYS[name]), name) for name in content.AUDIENCES]
        # New labels make a selection widget jump to its first option: put the model's value back.
        self._relabelling = True
        try:
            self._format.options = formats
            self._format.value = self.model.format
            self._audience.options = audiences
            self._audience.value = self.model.audience
        finally:
            self._relabelling = False

    def _render(self) -> None:
        model = self.model
        self._format_hint.value = (f"<div class='stagetok-format-hint' style='color:#555;margin-left:164px'>"
                                   f"{escape(self._t(content.FORMAT_KEYS[model.format][1]))}</div>"
                                   if model.format else "")
        self._minors.value = self._minors_html()
        warning = model.duet_warning()
        self._prompt_warning.value = message_html([(warning[0], self._t(warning[1], **warning[2]))]) if warning else ""
        self._preview.value = self._preview_html()
        self._show_problems()

    def _show_problems(self) -> None:
        self._name_messages.value = self._problem_html("name")
        self._sound_messages.value = self._problem_html("sound")
        self._starter_messages.value = self._problem_html("starter")
        self._prompt_messages.value = self._problem_html("prompt")
        self._hashtag_messages.value = self._hashtag_html()

    # --- helpers ----------------------------------------------------------------------------------
    def _hashtag_html(self) -> str:
        lang = self.model.language
        messages = []
        for key, params in self.model.problems_of("hashtag"):
            messages.append(("error", self._t(key, **params)))
            if key == "content.hashtag_invalid":
                # The Hashtag Lab's own sentences say what is wrong with the tag.
                messages += [("error", sentence) for sentence in hashtags.check(params["tag"], lang=lang)]
        if not messages:
            messages += [("warning", self._t(key)) for key in content.hashtag_notes(self.model.hashtag)]
        html = message_html(messages)
        return html or self._notice_html("content.hashtag_suggested")

    def _minors_html(self) -> str:
        notes = "".join(f"<li>{escape(self._t(key, **params))}</li>"
                        for key, params in self.model.minors_notes())
        sources = [content.MINORS_SOURCE]
        keys = {key for key, _ in self.model.minors_notes()}
        if "content.minors_consent" in keys:
            sources.append(content.CONSENT_SOURCE)
        if "content.minors_adults_mbo" in keys:
            sources.append(content.AGES_SOURCE)
        source = self._t("content.minors_source", source="; ".join(sources))
        return (f"<div class='stagetok-minors' role='note' style='background:#eef6fc;border-left:4px solid #1f77b4;"
                f"padding:6px 10px;margin:4px 0;max-width:720px'>"
                f"<b>{escape(self._t('content.minors_title'))}</b><ul style='margin:4px 0'>{notes}</ul>"
                f"<div class='stagetok-source' style='color:#555;font-size:85%'>{escape(source)}<br>"
                f"{escape(self._t('content.not_legal_advice'))}</div></div>")

    def _preview_html(self) -> str:
        model = self.model

        def text(value: str, empty_key: str) -> str:
            if value:
                return f"<bdi>{escape(value)}</bdi>"
            return f"<i style='color:#aaa'>{escape(self._t(empty_key))}</i>"

        format_name = self._t(content.FORMAT_KEYS[model.format][0]) if model.format else ""
        prompts = "".join(f"<li>{text(prompt, 'content.preview_no_prompt')}</li>" for prompt in model.duet_prompts)
        return (
            "<div class='stagetok-challenge-card' style='background:#111;color:#fff;border-radius:12px;padding:12px;"
            "max-width:420px;overflow-wrap:anywhere'>"
            f"<div style='font-size:125%;font-weight:bold'>{text(model.name, 'content.preview_no_name')}</div>"
            f"<div style='color:#69c9d0;font-weight:bold'>{text(model.hashtag, 'content.preview_no_hashtag')}</div>"
            f"<div style='margin-top:6px'>{escape(self._t('content.preview_format'))}: "
            f"{text(format_name, 'content.preview_no_format')}</div>"
            f"<div>\u266a {text(model.sound, 'content.preview_no_sound')}</div>"
            f"<div>{escape(self._t('content.preview_starter'))}: {text(model.starter, 'content.preview_no_starter')}"
            f"</div><div style='margin-top:6px;color:#ee1d52;font-weight:bold'>"
            f"{escape(self._t('content.preview_duets'))}</div><ol style='margin:2px 0'>{prompts}</ol></div>"
        )
