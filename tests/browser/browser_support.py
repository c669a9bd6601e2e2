"""Helpers for the browser tests: the wire contract checks, and `ElmPage`, which drives
one page that stands in for an Elm app. The server and Chromium are tests/support's.

The names below (ports, setup functions, files) are written out by hand from the
interface contract, not computed with `hamlet.naming`, so a naming bug in
the generator fails these tests instead of being mirrored by them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012
from support.chromium import Watched

# Bounded waits everywhere: a generated-code bug must fail a test, never hang it.
WAIT_MS = 5_000
# How long "nothing more arrives" is watched for after an expected count is reached.
SETTLE_MS = 250


@dataclass(frozen=True)
class Contract:
    """What the contract says a worker's generated glue is called, for one test enum."""

    base: str
    snake: str
    setup: str  # export of /js/<snake>_main.js
    outgoing: str  # Elm -> JS port: sendTo<Base>Port
    incoming: str  # JS -> Elm port: lowerCamel(base) ++ "ResponsePort"
    tracked: str  # JS -> Elm port of tracked requests: lowerCamel(base) ++ "TrackedPort"
    failure: str  # the failure variant, by wire name (its "type")
    failure_field: str  # its one String field, by wire name
    own_handlers: bool = True  # tests/browser/handlers/ replaces the generated scaffold
    rust: bool = False  # #[worker(rust)]: no handlers file; the WebAssembly of tests/browser/wasm/

    @property
    def main_module(self) -> str:
        return f"/js/{self.snake}_main.js"

    @property
    def default_url(self) -> str:
        return f"/workers/{self.snake}.js"


TEST = Contract(
    base="TestWorker",
    snake="test_worker",
    setup="setupTestWorker",
    outgoing="sendToTestWorkerPort",
    incoming="testWorkerResponsePort",
    tracked="testWorkerTrackedPort",
    failure="TestFailed",
    failure_field="error",
)

PROBE = Contract(
    base="HTTPProbeWorker",
    snake="http_probe_worker",
    setup="setupHTTPProbeWorker",
    outgoing="sendToHTTPProbeWorkerPort",
    incoming="httpProbeWorkerResponsePort",
    tracked="httpProbeWorkerTrackedPort",
    failure="ProbeFailed",
    failure_field="error",
)

# Domain types and serde renames (rust/shapes.rs): the failure variant `GeoFailed` is
# renamed to "geo_failed" on the wire, and its field `error_text` to "reason".
GEO = Contract(
    base="GeoWorker",
    snake="geo_worker",
    setup="setupGeoWorker",
    outgoing="sendToGeoWorkerPort",
    incoming="geoWorkerResponsePort",
    tracked="geoWorkerTrackedPort",
    failure="geo_failed",
    failure_field="reason",
)

# Fields named like JS reserved words and like the handler's parameters (rust/keywords.rs).
# It keeps the generated scaffold as its handlers file.
KEYWORD = Contract(
    base="KeywordWorker",
    snake="keyword_worker",
    setup="setupKeywordWorker",
    outgoing="sendToKeywordWorkerPort",
    incoming="keywordWorkerResponsePort",
    tracked="keywordWorkerTrackedPort",
    failure="KeywordFailed",
    failure_field="error",
    own_handlers=False,
)

# Domain types that derive serde with no attributes (rust/sketch.rs): externally tagged
# enums, keys as written. The compiled Elm app of elm/src/Sketch.elm drives it.
SKETCH = Contract(
    base="SketchWorker",
    snake="sketch_worker",
    setup="setupSketchWorker",
    outgoing="sendToSketchWorkerPort",
    incoming="sketchWorkerResponsePort",
    tracked="sketchWorkerTrackedPort",
    failure="SketchFailed",
    failure_field="error",
)

# A worker written in Rust (rust/wasm.rs): the generated entry runs tests/browser/wasm/
# compiled to WebAssembly, served as /workers/wasm_worker.wasm.
WASM = Contract(
    base="WasmWorker",
    snake="wasm_worker",
    setup="setupWasmWorker",
    outgoing="sendToWasmWorkerPort",
    incoming="wasmWorkerResponsePort",
    tracked="wasmWorkerTrackedPort",
    failure="WasmFailed",
    failure_field="error",
    own_handlers=False,
    rust=True,
)

CONTRACTS = (TEST, PROBE, GEO, KEYWORD, SKETCH, WASM)


def echo(tag: int, text: str = "") -> dict:
    """A TestWorker `Echo` request as the generated Elm encoder sends it."""
    return {"type": "Echo", "tag": tag, "text": text or f"text {tag}"}


def echoed(tag: int, text: str = "") -> dict:
    """The `Echoed` response Elm should get for `echo(tag, text)`."""
    return {"type": "Echoed", "tag": tag, "text": text or f"text {tag}"}


# ---- the wire contract -------------------------------------------------------------


class WireSchema:
    """Validators for one worker's `<snake>.schema.json`, by $defs name."""

    def __init__(self, contract: Contract, path: Path) -> None:
        document = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(document)
        uri = document.get("$id") or f"urn:hamlet-test:{contract.snake}.schema.json"
        registry = Registry().with_resource(uri, DRAFT202012.create_resource(document))
        defs = document.get("$defs", {})
        self.validators = {}
        # "Request.port": anything on the outgoing port (a request, or a command of
        # tracked requests); "Response.tracked": [tracker, response] on the tracked port.
        for suffix in ("Request", "Response", "RequestEnvelope", "ResponseEnvelope",
                       "Request.port", "Response.tracked"):
            name = contract.base + suffix
            assert name in defs, f"{path.name} has no $defs/{name}"
            self.validators[suffix] = Draft202012Validator(
                {"$ref": f"{uri}#/$defs/{name}"}, registry=registry
            )

    def errors(self, kind: str, value) -> list[str]:
        """Why `value` is not a valid `kind` (empty when valid), explained by the
        variant its `type` names when the schema's `oneOf` has one."""
        return [line for error in self.validators[kind].iter_errors(value) for line in _explain(error)]


def _explain(error) -> list[str]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        branches: dict = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        named = [
            subs for subs in branches.values()
            if not any(list(sub.relative_path) == ["type"] for sub in subs)
        ]
        if len(named) == 1:
            return [line for sub in named[0] for line in _explain(sub)]
    return [f"{error.json_path}: {error.message}"]


def contract_problems(log: dict, schemas: dict[str, WireSchema], off_contract_types: set[str]) -> list[str]:
    """Every message in the page's log checked against its worker's schema: Elm -> JS
    against <Base>Request, JS -> Elm against <Base>Response, and the envelopes both
    ways against <Base>RequestEnvelope / <Base>ResponseEnvelope. Messages a test pushed
    off-contract on purpose must fail validation (or the test is not testing that)."""
    by_outgoing = {c.outgoing: c for c in CONTRACTS}
    by_incoming = {c.incoming: ("Response", c) for c in CONTRACTS}
    by_incoming.update({c.tracked: ("Response.tracked", c) for c in CONTRACTS})
    problems: list[str] = []

    def check(kind: str, contract: Contract, value, where: str, expect_valid: bool = True) -> None:
        errors = schemas[contract.snake].errors(kind, value)
        if expect_valid and errors:
            problems.append(f"{where}: {json.dumps(value)[:300]} is not a {contract.base}{kind}: {errors[:3]}")
        if not expect_valid and not errors:
            problems.append(f"{where}: {json.dumps(value)[:300]} was pushed as off-contract but validates")

    for n, entry in enumerate(log["pushed"]):
        contract = by_outgoing[entry["port"]]
        check("Request.port", contract, entry["value"], f"pushed[{n}]", not entry["offContract"])
    for n, entry in enumerate(log["sent"]):
        kind, contract = by_incoming.get(entry["port"], (None, None))
        if contract is None:
            problems.append(f"sent[{n}]: sent through unknown port {entry['port']}")
            continue
        check(kind, contract, entry["value"], f"sent[{n}] ({entry['port']})")
    for n, entry in enumerate(log["toWorker"]):
        contract = worker_contract(log["workers"][entry["worker"]]["url"])
        message = entry["message"]
        off = isinstance(message, dict) and message.get("type") in off_contract_types
        check("RequestEnvelope", contract, message, f"toWorker[{n}]", not off)
    for n, entry in enumerate(log["fromWorker"]):
        contract = worker_contract(log["workers"][entry["worker"]]["url"])
        check("ResponseEnvelope", contract, entry["message"], f"fromWorker[{n}]")
    return problems


def worker_contract(url: str) -> Contract:
    """Which worker a script URL runs: `/workers/<snake>.js`, or a test's copy of it
    named `<snake>__<anything>.js`."""
    stem = url.split("?", 1)[0].rsplit("/", 1)[-1].removesuffix(".js").split("__", 1)[0]
    for contract in CONTRACTS:
        if contract.snake == stem:
            return contract
    raise AssertionError(f"no test worker is served at {url}")


# ---- the page ----------------------------------------------------------------------


class ElmPage:
    """One browser page standing in for an Elm app that uses the generated glue."""

    def __init__(self, page, base_url: str, schemas: dict[str, WireSchema]) -> None:
        self.page = page
        self.base_url = base_url
        self.schemas = schemas
        watched = Watched(page)
        self.page_errors = watched.page_errors
        self.console_errors = watched.console_errors
        self.off_contract_types: set[str] = set()
        page.goto(f"{base_url}/page/index.html")

    # -- setting up ------------------------------------------------------------------

    def make_app(self, contracts=(TEST,), outgoing: bool = True, incoming: bool = True,
                 name: str = "app", tracked: bool = True) -> None:
        """A stand-in app with the ports of `contracts`: the outgoing one, the response
        port (`incoming`) and the tracked port (`tracked`), each unless told otherwise."""
        spec = {
            "outgoing": [c.outgoing for c in contracts] if outgoing else [],
            "incoming": ([c.incoming for c in contracts] if incoming else [])
            + ([c.tracked for c in contracts] if tracked else []),
        }
        self.page.evaluate("([name, spec]) => { makeApp(name, spec); }", [name, spec])

    def make_compiled_app(self, script: str, name: str = "app", module: str = "Main",
                          contract: Contract = TEST) -> None:
        """A compiled Elm app of tests/browser/elm in place of the stand-in: `Main` for
        TestWorker, `Sketch` for SketchWorker. A request pushed on the contract's outgoing
        port goes in through the app's `ask` port and out through the generated Elm; what
        the generated decoder gave the app comes back on its `received` port and is logged
        as sent on the incoming port. What the app's decoder refuses on `ask` is kept in
        `window.__refused` (see `refused`). Main's ports are `ask`, `received`; another
        module's carry its name (`askSketch`, `receivedSketch`, `refusedSketch`)."""
        self.page.add_script_tag(url=script)
        self.page.evaluate(
            """([name, module, outgoing, incoming]) => {
                const app = Elm[module].init();
                const suffix = module === 'Main' ? '' : module;
                window.__ask = (value) => app.ports['ask' + suffix].send(value);
                app.ports['received' + suffix].subscribe((value) => window.__log.sent.push({ port: incoming, value }));
                window.__refused = [];
                const refused = app.ports['refused' + suffix];
                if (refused) refused.subscribe((error) => window.__refused.push(error));
                const subscribers = { [outgoing]: [(value) => window.__ask(value)] };
                window.__apps[name] = { app, subscribers };
            }""",
            [name, module, contract.outgoing, contract.incoming],
        )

    def make_real_app(self, script: str, module: str, contract: Contract = TEST,
                      name: str = "app") -> None:
        """A compiled Elm app of tests/browser/elm that uses the generated module itself,
        its ports watched (`watchPorts` in harness.js): what its Elm code sends on the
        outgoing port is logged as pushed, what the glue sends it as sent, so both are
        held to the schema. The app's own ports are `run<Module>`, which takes a list of
        operations, and `got<Module>`, what it got from the generated subscriptions,
        kept in `window.__got` (see `got`)."""
        self.page.add_script_tag(url=script)
        self.page.evaluate(
            """([name, module, outgoing, incoming]) => {
                const app = Elm[module].init();
                watchPorts(app, outgoing, incoming);
                window.__got = [];
                app.ports['got' + module].subscribe((value) => window.__got.push(value));
                window.__run = (ops) => app.ports['run' + module].send(ops);
                window.__apps[name] = { app, subscribers: {} };
            }""",
            [name, module, contract.outgoing, [contract.incoming, contract.tracked]],
        )

    def run(self, *ops: dict) -> None:
        """One update of a `make_real_app` app: its Elm code batches one command per
        operation, in this order (tests/browser/elm/src/Operations.elm): {"op": "send",
        "tracker": .., "timeout": .., "request": ..}, {"op": "plain", "request": ..},
        {"op": "cancel", "tracker": ..}, {"op": "terminate"}."""
        self.page.evaluate("(ops) => window.__run(ops)", list(ops))

    def send_unlogged(self, port: str, value) -> None:
        """`value` into a `make_real_app` app's incoming port, past the log: JSON the
        glue would never send, so not held to the schema."""
        self.page.evaluate("([port, value]) => window.__unwatched[port](value)", [port, value])

    def got(self) -> list[dict]:
        """What a `make_real_app` app got, in order: {"tracker": t, "response": r} from
        its tracked subscription, {"response": r} from the other."""
        return self.page.evaluate("() => window.__got")

    def wait_got(self, count: int, timeout: int = WAIT_MS) -> list[dict]:
        try:
            self.wait_for("(count) => window.__got.length >= count", count, timeout)
        except Exception as exc:
            raise AssertionError(
                f"waited {timeout} ms for {count} responses in the Elm app, got: "
                f"{json.dumps(self.got())[:1500]}\nconsole errors: {self.console_errors[:10]}"
            ) from exc
        return self.got()

    def ask_compiled_app(self, value) -> None:
        """`value` straight into the compiled app's `ask` port, as JSON an Elm app got
        from elsewhere: not logged as pushed, so not held to the schema (which describes
        what the encoders write, not every form the decoders read)."""
        self.page.evaluate("(value) => window.__ask(value)", value)

    def refused(self) -> list[str]:
        """The decoder errors a compiled app reported on its `refused` port, in order."""
        return self.page.evaluate("() => window.__refused")

    def setup(self, contract: Contract = TEST, options: dict | None = None, app: str = "app",
              handle: str = "main") -> None:
        """`import {setup<Base>} from "/js/<snake>_main.js"; setup<Base>(app, options)`."""
        self.page.evaluate(
            """async ([module, setup, app, options, handle]) => {
                const glue = await import(module);
                const args = options === null ? [window.__apps[app].app] : [window.__apps[app].app, options];
                window.__handles[handle] = glue[setup](...args);
            }""",
            [contract.main_module, contract.setup, app, options, handle],
        )

    def start(self, contract: Contract = TEST, options: dict | None = None, **ports) -> None:
        """An app with both ports of `contract` (unless told otherwise), set up."""
        self.make_app((contract,), **ports)
        self.setup(contract, options)

    def evaluate(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    # -- playing Elm ---------------------------------------------------------------

    def push(self, *messages: dict, contract: Contract = TEST, app: str = "app",
             off_contract: bool = False) -> None:
        """Send messages as Elm's port would: each must be a valid <Base>Request (the
        shape the generated Elm encoder produces), unless pushed off-contract on purpose."""
        for message in messages:
            errors = self.schemas[contract.snake].errors("Request.port", message)
            if off_contract:
                assert errors, f"{message} is meant to be off-contract but validates"
                self.off_contract_types.add(message.get("type"))
            else:
                assert not errors, f"test bug: {message} is not a {contract.base}Request: {errors}"
        self.page.evaluate(
            "([app, port, values, off]) => pushFromElm(app, port, values, off)",
            [app, contract.outgoing, list(messages), off_contract],
        )

    # -- observing -----------------------------------------------------------------

    def log(self) -> dict:
        return self.page.evaluate("() => window.__log")

    def responses(self, contract: Contract = TEST) -> list[dict]:
        """Everything the glue sent to Elm through `contract`'s incoming port, in order."""
        return self.page.evaluate(
            "port => window.__log.sent.filter(e => e.port === port).map(e => e.value)",
            contract.incoming,
        )

    def tracked(self, contract: Contract = TEST) -> list[list]:
        """Everything the glue sent through `contract`'s tracked port: [tracker, response]."""
        return self.page.evaluate(
            "port => window.__log.sent.filter(e => e.port === port).map(e => e.value)",
            contract.tracked,
        )

    def wait_tracked(self, count: int, contract: Contract = TEST, timeout: int = WAIT_MS) -> list[list]:
        """Wait (bounded) until at least `count` values went through the tracked port."""
        try:
            self.wait_for(
                "([port, count]) => window.__log.sent.filter(e => e.port === port).length >= count",
                [contract.tracked, count], timeout,
            )
        except Exception as exc:
            raise AssertionError(
                f"waited {timeout} ms for {count} values on {contract.tracked}, got: "
                f"{json.dumps(self.tracked(contract))[:1500]}\nconsole errors: {self.console_errors[:10]}"
            ) from exc
        return self.tracked(contract)

    def side(self) -> list[dict]:
        """What handlers posted on the BroadcastChannel "hamlet-tests", in order."""
        return self.page.evaluate("() => window.__log.side")

    def failures(self, contract: Contract = TEST) -> list[str]:
        return [
            r[contract.failure_field] for r in self.responses(contract) if r.get("type") == contract.failure
        ]

    def wait_responses(self, count: int, contract: Contract = TEST, timeout: int = WAIT_MS) -> list[dict]:
        """Wait (bounded) until at least `count` responses reached Elm; return them all."""
        try:
            self.page.wait_for_function(
                "([port, count]) => window.__log.sent.filter(e => e.port === port).length >= count",
                arg=[contract.incoming, count],
                timeout=timeout,
                polling=20,
            )
        except Exception as exc:  # playwright's TimeoutError, reported with what did arrive
            got = self.responses(contract)
            raise AssertionError(
                f"waited {timeout} ms for {count} responses on {contract.incoming}, got {len(got)}: "
                f"{json.dumps(got)[:1500]}\nconsole errors: {self.console_errors[:10]}"
            ) from exc
        return self.responses(contract)

    def wait_for(self, predicate: str, arg=None, timeout: int = WAIT_MS) -> None:
        self.page.wait_for_function(predicate, arg=arg, timeout=timeout, polling=20)

    def answered_next(self, request: dict, answer: dict, contract: Contract = TEST,
                      app: str = "app") -> None:
        """Push `request` and check that `answer` is the next response on `contract`'s
        port, and the only one since the push.

        Sent to a worker that is running, it is also a barrier: the worker answers in
        the order it sends, and the glue passes each answer on as it comes, so an extra
        answer to an earlier request that the worker sent before this one arrives
        before it, and fails the check. No waiting for time to pass."""
        before = len(self.responses(contract))
        self.push(request, contract=contract, app=app)
        got = self.wait_responses(before + 1, contract)[before:]
        assert got == [answer], f"expected only {answer} after the earlier responses, got {got}"

    def still_serving(self, tag: int, app: str = "app") -> None:
        """TestWorker answers an `Echo` next (see `answered_next`)."""
        self.answered_next(echo(tag), echoed(tag), app=app)

    def settle(self, ms: int = SETTLE_MS) -> None:
        """Give late (wrong) messages a chance to arrive before counting exactly.

        Only for what must not happen where nothing can be waited for instead: a worker
        started before any request, an answer from the glue itself when no worker runs.
        A busy machine can make it miss a bug but never fail a good run. Whatever must
        happen is waited for on the page's state (`wait_responses`, `wait_for`); an
        extra answer from a running worker is caught by `answered_next`."""
        self.page.wait_for_timeout(ms)

    def workers(self) -> list[dict]:
        """Every `new Worker(url, options)` the glue made, in order."""
        return self.page.evaluate("() => window.__log.workers")

    def terminated(self) -> list[int]:
        return self.page.evaluate("() => window.__log.terminated")

    def envelopes_to_worker(self) -> list[dict]:
        return [e["message"] for e in self.log()["toWorker"]]

    def envelopes_from_worker(self) -> list[dict]:
        return [e["message"] for e in self.log()["fromWorker"]]

    # -- the shared end-of-test check ----------------------------------------------

    def contract_problems(self) -> list[str]:
        return contract_problems(self.log(), self.schemas, self.off_contract_types)
