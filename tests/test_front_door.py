"""Tests for the front door (toolkit.voila_app): the page in both languages, its links, and its handler."""

from __future__ import annotations

import asyncio
import concurrent.futures
import html
import re
import socket
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import jinja2
import pytest
from jupyter_server.auth.authorizer import AllowAllAuthorizer
from jupyter_server.auth.identity import PasswordIdentityProvider
from jupyter_server.base.handlers import path_regex
from jupyter_server.serverapp import DEFAULT_TEMPLATE_PATH_LIST
from tornado.httpclient import AsyncHTTPClient
from tornado.httpserver import HTTPServer
from tornado.web import Application
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.treehandler import TornadoVoilaTreeHandler

from toolkit.i18n import CATALOGUE, t
from toolkit.journey import STEPS
from toolkit.serve import DASHBOARDS
from toolkit.voila_app import (
    CONTENT_SECURITY_POLICY,
    TOOLS,
    WORKSHOP,
    FrontDoorHandler,
    dashboard_url,
    door_language,
    front_door_html,
    with_front_door,
)

HOSTILE = '<script>alert("x")</script> <b>vet</b> & "quotes" \u202eomgekeerd'


class Page(HTMLParser):
    """What a reader gets from the page: its visible text, its links, its tags and its CSS."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.texts: list[str] = []  # text a person can see (not CSS), in order
        self.links: list[dict] = []  # {"href", "text", "class", ...} per <a>, in order
        self.tags: list[tuple[str, dict]] = []
        self.css = ""
        self._in_style = False
        self._open_links: list[dict] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "style":
            self._in_style = True
        if tag == "a":
            link = {**attrs, "text": ""}
            self.links.append(link)
            self._open_links.append(link)
        for name in ("aria-label", "title", "alt"):  # read out or shown as text
            if attrs.get(name):
                self.texts.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "a" and self._open_links:
            self._open_links.pop()

    def handle_data(self, data):
        if self._in_style:
            self.css += data
            return
        if data.strip():
            self.texts.append(data.strip())
        for link in self._open_links:
            link["text"] += data

    @property
    def text(self) -> str:
        return " ".join(self.texts)

    def cards(self) -> list[dict]:
        return [link for link in self.links if "door-card" in link.get("class", "")]


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_workshop_comes_first_then_each_tool_with_its_name_and_line(lang):
    page = Page(front_door_html(lang))
    assert page.lang == lang
    cards = page.cards()
    assert [urlsplit(card["href"]).path for card in cards] == [
        "/voila/render/workshop.ipynb", "/voila/render/hashtag_lab.ipynb",
        "/voila/render/pipeline_planner.ipynb", "/voila/render/reach_explorer.ipynb"]
    assert "door-workshop" in cards[0]["class"]
    workshop = words(cards[0]["text"])
    assert workshop.startswith(t("door.workshop.kicker", lang=lang))
    assert t("door.workshop.title", lang=lang) in workshop
    assert t("door.workshop.line", lang=lang, steps=len(STEPS)) in workshop
    assert t("door.workshop.action", lang=lang) in workshop
    for card, tool in zip(cards[1:], TOOLS, strict=True):
        assert words(card["text"]) == f"{t(tool.title, lang=lang)}{t(tool.line, lang=lang)}"
    # the title and the one line on StageTok come before the cards
    text = page.text
    assert text.index(t("door.tagline", lang=lang)) < text.index(t("door.workshop.title", lang=lang)) \
        < text.index(t("door.tools.heading", lang=lang)) < text.index(t("lab.title", lang=lang))
    assert [tag for tag, _ in page.tags].count("h1") == 1


def test_dutch_and_english_say_different_things_in_their_own_words():
    dutch, english = Page(front_door_html("nl")), Page(front_door_html("en"))
    assert "De workshop" in dutch.text and "Workshop starten" in dutch.text and "Stagepijplijn" in dutch.text
    assert "The workshop" in english.text and "Start the workshop" in english.text
    assert "Internship pipeline" in english.text
    assert f"in {len(STEPS)} stappen" in dutch.text
    assert "Start the workshop" not in dutch.text and "Workshop starten" not in english.text


@pytest.mark.parametrize("value, expected", [
    ("nl", "nl"), ("en", "en"), (" EN ", "en"), (None, "nl"), ("", "nl"), ("de", "nl"),
    ("<script>", "nl"), ("en&token=x", "nl"), (["en"], "nl"),
])
def test_the_language_of_the_page_is_dutch_unless_a_supported_one_is_asked_for(value, expected):
    assert door_language(value) == expected
    assert Page(front_door_html(value)).lang == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_language_switch_names_each_language_in_itself_and_marks_the_current_one(lang):
    page = Page(front_door_html(lang))
    switch = [link for link in page.links if "hreflang" in link]
    assert [(link["text"], link["lang"], query_of(link["href"])["lang"]) for link in switch] == [
        ("Nederlands", "nl", ["nl"]), ("English", "en", ["en"])]
    assert [link.get("aria-current") for link in switch] == ["true" if code == lang else None for code in ("nl", "en")]
    assert all(urlsplit(link["href"]).path == "/" for link in switch)
    nav = next(attrs for tag, attrs in page.tags if tag == "nav")
    assert nav["aria-label"] == t("app.language", lang=lang)


def test_the_tools_open_in_the_language_of_the_page():
    assert all("lang" not in query_of(card["href"]) for card in Page(front_door_html("nl")).cards())
    assert all(query_of(card["href"])["lang"] == ["en"] for card in Page(front_door_html("en")).cards())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_file_name_is_visible(lang):
    text = Page(front_door_html(lang, token="s3cret")).text
    assert ".ipynb" not in text and "ipynb" not in text.lower()
    for hidden in ("hashtag_lab", "pipeline_planner", "reach_explorer", "voila", "Voil", "render", "s3cret"):
        assert hidden not in text, hidden


def test_only_the_cards_defined_here_are_offered():
    page = Page(front_door_html("nl"))
    offered = {urlsplit(link["href"]).path for link in page.links}
    assert offered == {"/", *(dashboard_url(card) for card in (WORKSHOP, *TOOLS))}
    # a tool card that points at a dashboard the folder does not have would greet a team with an error
    assert all((DASHBOARDS / f"{tool.dashboard}.ipynb").is_file() for tool in TOOLS)
    # other notebooks in the folder (a board for the facilitator, drafts) are not listed
    others = {path.stem for path in DASHBOARDS.glob("*.ipynb")} - {card.dashboard for card in (WORKSHOP, *TOOLS)}
    source = front_door_html("nl")
    assert not [other for other in others if other in source]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_page_asks_nothing_of_any_other_host_and_runs_no_script(lang):
    source = front_door_html(lang, token="s3cret")
    page = Page(source)
    tags = [tag for tag, _ in page.tags]
    assert not {"script", "iframe", "img", "object", "embed", "form", "base", "video", "audio"} & set(tags)
    links = [attrs for tag, attrs in page.tags if tag == "link"]
    assert links == [{"rel": "icon", "href": "data:,"}]  # no favicon request, no stylesheet
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), attrs  # no inline event handlers
        for name in ("href", "src", "action", "srcset"):
            value = attrs.get(name)
            if value is not None:
                assert value == "data:," or (value.startswith("/") and not value.startswith("//")), value
    assert "url(" not in page.css and "@import" not in page.css and "//" not in page.css
    assert "http" not in source and "cdn" not in source.lower() and "font-awesome" not in source


def test_the_page_is_usable_on_a_phone_and_a_projector():
    page = Page(front_door_html("nl"))
    viewport = next(attrs for tag, attrs in page.tags if tag == "meta" and attrs.get("name") == "viewport")
    assert viewport["content"] == "width=device-width, initial-scale=1"
    css = page.css
    assert "system-ui" in css  # the device's own fonts, nothing downloaded
    assert "repeat(auto-fit, minmax(" in css  # cards wrap to one column on a phone
    assert re.search(r"a:focus \{[^}]*outline: 4px solid", css)  # a visible focus ring
    assert "clamp(" in css  # text grows with the screen


def test_texts_from_the_catalogue_are_escaped(monkeypatch):
    for key in ("door.tagline", "lab.title", "door.workshop.action", "app.language"):
        monkeypatch.setitem(CATALOGUE, key, {"nl": HOSTILE, "en": HOSTILE})
    source = front_door_html("nl")
    assert "<script>" not in source and "<b>" not in source
    assert html.escape(HOSTILE, quote=True) in source
    page = Page(source)
    assert page.text.count(HOSTILE) == 4  # shown as the text it is: tagline, tool title, action, nav label
    assert [tag for tag, _ in page.tags if tag in ("script", "b")] == []


@pytest.mark.parametrize("token", ["s3cret", "a&b=c<d>\"e' f/g?h#i"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_link_carries_the_token_when_the_server_has_one(lang, token):
    source = front_door_html(lang, token=token)
    page = Page(source)
    assert len(page.links) == 6
    assert all(query_of(link["href"])["token"] == [token] for link in page.links)
    assert token not in page.text
    if token != "s3cret":
        assert token not in source  # encoded in the URL, then escaped for the attribute


def test_without_a_token_no_link_has_one():
    source = front_door_html("en", token=None)
    assert "token" not in source
    assert front_door_html("en", token="") == source


def test_links_follow_the_base_url():
    page = Page(front_door_html("en", token="x", base_url="/stagetok/"))
    paths = [urlsplit(link["href"]).path for link in page.links]
    assert paths[:2] == ["/stagetok/", "/stagetok/"]
    assert paths[2:] == [f"/stagetok/voila/render/{card.dashboard}.ipynb" for card in (WORKSHOP, *TOOLS)]


def test_the_front_door_replaces_voila_s_file_list_and_nothing_else():
    render = (r"/voila/render/(.*)", TornadoVoilaHandler, {"template_paths": []})
    handlers = [(r"/", TornadoVoilaTreeHandler, {"voila_configuration": None}),
                (r"/voila/tree" + path_regex, TornadoVoilaTreeHandler, {"voila_configuration": None}),
                render, (r"/voila/static/(.*)", "not a class")]
    assert with_front_door(handlers) == [(r"/", FrontDoorHandler), (r"/voila/tree" + path_regex, FrontDoorHandler),
                                         render, (r"/voila/static/(.*)", "not a class")]


# --- the handler, over HTTP, with Jupyter's token check (no Voila, no kernel) -----------------------------

def _serve_and_fetch(token: str, paths: list[str]) -> list:
    """Serve the front door with Voila's authentication (its identity provider class and settings); GET each path.

    The login cookie a response sets is sent with the requests after it, as a browser would.
    """

    async def run():
        settings = {
            "base_url": "/", "cookie_secret": b"0" * 32, "login_url": "/login", "allow_remote_access": True,
            "identity_provider": PasswordIdentityProvider(token=token), "authorizer": AllowAllAuthorizer(),
            "jinja2_env": jinja2.Environment(loader=jinja2.FileSystemLoader(DEFAULT_TEMPLATE_PATH_LIST),
                                             extensions=["jinja2.ext.i18n"], autoescape=True),
        }
        settings["jinja2_env"].install_null_translations()
        app = Application([(r"/", FrontDoorHandler), (r"/voila/tree" + path_regex, FrontDoorHandler)], **settings)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        sock.close()
        server = HTTPServer(app)
        server.listen(port, "127.0.0.1")
        client, cookies, responses = AsyncHTTPClient(force_instance=True), {}, []
        try:
            for path in paths:
                headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
                response = await client.fetch(f"http://127.0.0.1:{port}{path}", headers=headers,
                                              follow_redirects=False, raise_error=False)
                for cookie in response.headers.get_list("Set-Cookie"):
                    name, _, rest = cookie.partition("=")
                    cookies[name] = rest.split(";", 1)[0]
                responses.append(response)
        finally:
            client.close()
            server.stop()
        return responses

    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result(timeout=60)


def test_the_server_asks_for_the_token_and_then_puts_it_in_every_link():
    anonymous, with_token, english, by_cookie, folder = _serve_and_fetch(
        "s3cret", ["/", "/?token=s3cret", "/voila/tree?lang=en", "/voila/tree/", "/voila/tree/drafts"])
    assert anonymous.code == 302 and anonymous.headers["Location"].startswith("/login")
    assert b"door-card" not in anonymous.body

    assert with_token.code == 200
    assert with_token.headers["Content-Type"] == "text/html; charset=UTF-8"
    assert with_token.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert with_token.headers["Cache-Control"] == "no-store"
    page = Page(with_token.body.decode())
    assert page.lang == "nl" and len(page.cards()) == 4
    assert all(query_of(link["href"])["token"] == ["s3cret"] for link in page.links)

    # the login cookie from the first visit lets the next pages in; their links still carry the token
    assert english.code == 200 and Page(english.body.decode()).lang == "en"
    assert all(query_of(link["href"])["token"] == ["s3cret"] for link in Page(english.body.decode()).links)
    assert by_cookie.code == 200 and Page(by_cookie.body.decode()).lang == "nl"
    # a folder under the tree is not listed (there is no list), nor is the page shown for it
    assert folder.code == 404 and b"door-card" not in folder.body


def test_without_a_token_the_server_shows_the_page_with_plain_links():
    (response,) = _serve_and_fetch("", ["/?lang=en"])
    assert response.code == 200
    page = Page(response.body.decode())
    assert page.lang == "en"
    assert all("token" not in query_of(link["href"]) for link in page.links)
