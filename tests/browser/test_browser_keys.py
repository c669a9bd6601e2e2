"""Keys named like what every JavaScript object has, through the whole generated path
in a real Chromium: a compiled Elm app (tests/browser/keys/Main.elm) encodes a request
with the generated encoder, the main-thread glue posts it to a module Web Worker, the
handler echoes it, and Elm decodes the reply with the generated decoder.

`__proto__`, `constructor`, `hasOwnProperty` and `toString` appear as struct fields and
as map keys. elm/json alone drops a `"__proto__"` key when it encodes, finds
`constructor` on every object when it decodes, and throws on an object with a key
`"hasOwnProperty"` when it reads a map; structured clone (`postMessage`) keeps such
keys as own keys.

    test_every_key_crosses_both_ways_as_an_own_key
                                    the reply Elm decodes and encodes again is the
                                    request, and the handler saw every key as its own
    test_missing_keys_named_like_members_are_missing
                                    a reply without them decodes as Nothing: Elm does not
                                    take the inherited members for them
    test_a_failure_whose_key_is_proto_arrives
                                    the failure variant's one field is sent as
                                    "__proto__": the worker entry's failure, and the
                                    scaffold's placeholder reply, keep it as a key
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.chromium import Watched
from support.server import StaticServer

from browser_support import WAIT_MS

HERE = Path(__file__).parent
SCAFFOLD = {}


@pytest.fixture(scope="module")
def keys_site(tmp_path_factory, elm_compiler) -> Path:
    """The generated glue for keys.rs with our handlers, and Main.elm compiled with the
    generated Elm, laid out for the page: /main.js, /js/, /workers/, /index.html."""
    import hamlet

    root = tmp_path_factory.mktemp("keys-site")
    result = hamlet.generate([str(HERE / "keys" / "keys.rs")])
    assert result.ok, "\n".join(d.render() for d in result.diagnostics)
    folders = {"elm": root / "elm" / "src", "js": root / "js", "worker": root / "workers"}
    for file in result.files:
        if file.scaffold:
            SCAFFOLD[file.path] = file.content
        target = folders[file.root] / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
    shutil.copyfile(HERE / "keys" / "keys_worker_handlers.js", root / "workers" / "keys_worker_handlers.js")
    shutil.copyfile(HERE / "keys" / "Main.elm", root / "elm" / "src" / "Main.elm")
    shutil.copyfile(HERE / "keys" / "index.html", root / "index.html")
    elm_compiler.init(root / "elm", ["src"])
    made = elm_compiler.make(root / "elm", ["src/Main.elm"], output=str(root / "main.js"))
    assert made.returncode == 0, made.stdout + made.stderr
    return root


@pytest.fixture
def page(browser, keys_site):
    context = browser.new_context()
    page = context.new_page()
    watched = Watched(page)
    try:
        with StaticServer(keys_site) as server:
            page.goto(f"{server.url}/index.html")
            page.wait_for_function("window.ready === true", timeout=WAIT_MS)
            yield page
            assert not watched.page_errors, f"the page threw: {watched.page_errors}"
    finally:
        context.close()


def round_trip(page, request: dict) -> dict:
    """Send `request` (as JSON text, to Elm) and wait for the one reply Elm reports."""
    page.evaluate("text => window.sendRequest(text)", json.dumps(request))
    page.wait_for_function("window.responses.length === 1", timeout=WAIT_MS)
    [text] = page.evaluate("window.responses")
    assert text.startswith("{"), text
    return json.loads(text)


ENTRY = {"__proto__": {"__proto__": "p", "hasOwnProperty": "h", "constructor": "c"}, "toString": "t"}


def test_every_key_crosses_both_ways_as_an_own_key(page):
    request = {
        "type": "Echo",
        "__proto__": 7,
        "constructor": "made",
        "hasOwnProperty": True,
        "labels": {"__proto__": 1, "hasOwnProperty": 2, "valueOf": 3, "plain": 4},
        "entries": [ENTRY, {"__proto__": {}, "toString": None}],
    }
    reply = round_trip(page, request)
    fields = {key: value for key, value in request.items() if key != "type"}
    assert json.loads(reply.pop("seen")) == fields  # the worker got every key as its own
    assert reply == {**fields, "type": "Echoed"}


def test_missing_keys_named_like_members_are_missing(page):
    """The handler leaves out the null keys of its reply: Elm must read them as missing,
    not as `Object.prototype` or the `constructor` function every object inherits."""
    request = {"type": "Echo", "labels": {}, "entries": [{"__proto__": {}}]}
    reply = round_trip(page, request)
    sent = {"__proto__": None, "constructor": None, "hasOwnProperty": None, "labels": {},
            "entries": [{"__proto__": {}, "toString": None}]}
    assert json.loads(reply.pop("seen")) == sent  # Elm writes each Nothing as null
    assert reply == {**sent, "type": "Echoed"}


def test_a_failure_whose_key_is_proto_arrives(page):
    reply = round_trip(page, {"type": "Echo", "constructor": "throw", "labels": {}, "entries": []})
    assert reply == {"type": "EchoFailed", "__proto__": "asked to throw"}
    # the scaffold's placeholder reply would send the same key (a computed name: the
    # literal `{ __proto__: text }` would set the prototype and send nothing)
    assert "reply.echoFailed({ [\"__proto__\"]: 'handleEcho is not implemented yet' });" in (
        SCAFFOLD["keys_worker_handlers.js"])
