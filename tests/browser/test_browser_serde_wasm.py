"""The serde round trip through the real thing: every domain type of tests/serde_diff
(the corpus of the Elm-vs-serde_json differential test, tests/toolchain/test_serde_diff.py:
every serde attribute Hamlet supports, serde's defaults, recursive types) goes from Elm
into a Rust worker compiled to WebAssembly and back, in Chromium.

tests/serde_wasm is a crate whose `#[worker(rust)]` enum `SerdeEchoWorkerMessage` has a
request `EchoT(T)` and a response `TEchoed(T)` per domain type `T`; each handler
answers with the value it got, so serde deserialises it into the type itself and
serialises it again. Hamlet generates the Elm, the main JS, the WebAssembly entry and
the Rust module for it (and for ../serde_diff/src/types.rs); the crate is built to
WebAssembly once per session (its target folder in pytest's cache, so reruns are
quick). For each sample that serde_json writes (`hamlet-serde-diff samples`), a compiled
Elm program decodes the sample with the generated decoder of its type, sends it with the
generated command (`sendToSerdeEchoWorkerWith`, tracked by the sample's index, so the
generated ENCODER writes what crosses), takes the answer from the generated
subscription (the generated DECODER reads what the WebAssembly wrote) and compares the
two values with Elm's `==`. It reports each sample to the page through a port. Every
message that crossed the ports and the worker boundary is checked against the
generated JSON Schema.

    test_every_domain_type_has_an_echo_request
                                    except those left out below, each with a sample
    test_every_sample_comes_back_equal
                                    the round trip, per sample, naming type and sample
    test_serde_writes_back_what_elm_wrote
                                    the response's JSON is the request's, as JSON values
    test_every_message_that_crossed_is_on_the_wire_contract

Left out, because they cannot travel through a Rust worker (Hamlet says so, and it is
right):
    Omitted     its field `alias: MaybeName` (an alias of `Option<String>`) has
                `skip_serializing_if` without `default`: serde's derive treats only a
                field written `Option<..>` as optional, so it would refuse the request
                whose key Elm leaves out ("Elm leaves its key out (`skip_serializing_if`),
                which serde cannot read back without `default`").
    Catalogue   it holds an `Omitted`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.procs import ROOT, explain
from support.schema import Wire
from support.serde_diff import TYPES_RS, printed_rows, serde_diff_program
from support.server import StaticServer
from support.wasm import build_wasm

from hamlet import generate, load

CRATE = ROOT / "tests" / "serde_wasm"
SOURCES = [str(CRATE / "src"), str(TYPES_RS)]
BASE = "SerdeEchoWorker"
SNAKE = "serde_echo_worker"
LEFT_OUT = {"Omitted", "Catalogue"}
# Where the generated files go on the test site, by the root of each generated file.
ROOTS = {"elm": "generated-elm", "js": "js", "worker": "workers", "rust": "rust"}


# ---- what Hamlet makes of the crate ---------------------------------------------------


@pytest.fixture(scope="module")
def project():
    project, diagnostics = load(SOURCES)
    assert not [d for d in diagnostics if d.is_error], [d.render() for d in diagnostics]
    return project


@pytest.fixture(scope="module")
def worker(project):
    (worker,) = [w for w in project.workers if w.base == BASE]
    return worker


def echoed_types(project, worker) -> dict[str, tuple[str, str]]:
    """Rust type name -> (request variant, response variant) of the echo worker, read
    from the model: the request `EchoT(T)` and the response that carries the same T."""
    rust_names = {t.name: t.rust_name for t in project.types}
    responses = {v.fields[0].type.name: v.name for v in worker.responses if not v.is_failure}
    pairs = {}
    for request in worker.requests:
        (field,) = request.fields
        pairs[rust_names[field.type.name]] = (request.name, responses.pop(field.type.name))
    assert not responses, f"responses without a request: {responses}"
    return pairs


@pytest.fixture(scope="module")
def samples(request, tmp_path_factory, project, worker) -> list[tuple[str, str]]:
    """(Rust type name, JSON serde_json wrote) for every sample of an echoed type."""
    program = serde_diff_program(request, tmp_path_factory)
    echoed = echoed_types(project, worker)
    return [(name, text) for kind, name, text in printed_rows(program)
            if kind == "sample" and name in echoed]


# ---- the Elm program ------------------------------------------------------------------

PROGRAM = """\
port module SerdeEcho exposing (main)

import Dict exposing (Dict)
import Json.Decode as Decode
import Json.Encode as Encode
import {module} as Worker
import {types}


port samples : (List ( String, String ) -> msg) -> Sub msg


port reported : ( Int, String, String ) -> Cmd msg


type Msg
    = Samples (List ( String, String ))
    | Answered String Worker.{response}


main : Program () (Dict String Worker.{request}) Msg
main =
    Platform.worker
        {{ init = \\_ -> ( Dict.empty, Cmd.none )
        , update = update
        , subscriptions = \\_ -> Sub.batch [ samples Samples, Worker.{tracked} Answered ]
        }}


update : Msg -> Dict String Worker.{request} -> ( Dict String Worker.{request}, Cmd Msg )
update msg sent =
    case msg of
        Samples list ->
            List.foldl send ( sent, [] ) (List.indexedMap Tuple.pair list)
                |> Tuple.mapSecond Cmd.batch

        Answered tracker response ->
            ( Dict.remove tracker sent
            , reported (report tracker (Dict.get tracker sent) response)
            )


send : ( Int, ( String, String ) ) -> ( Dict String Worker.{request}, List (Cmd Msg) ) -> ( Dict String Worker.{request}, List (Cmd Msg) )
send ( index, ( name, json ) ) ( sent, commands ) =
    case Decode.decodeString (requestOf name) json of
        Ok request ->
            ( Dict.insert (String.fromInt index) request sent
            , Worker.{send_with} {{ tracker = Just (String.fromInt index), timeout = Nothing }} request :: commands
            )

        Err error ->
            ( sent, reported ( index, "undecodable", Decode.errorToString error ) :: commands )


report : String -> Maybe Worker.{request} -> Worker.{response} -> ( Int, String, String )
report tracker sent response =
    let
        index =
            Maybe.withDefault -1 (String.toInt tracker)

        both request =
            "sent " ++ Encode.encode 0 (Worker.{encode_request} request) ++ ", got " ++ Encode.encode 0 (Worker.{encode_response} response)
    in
    case ( sent, response ) of
        ( Nothing, _ ) ->
            ( index, "unexpected", "an answer to no pending request: " ++ Encode.encode 0 (Worker.{encode_response} response) )

        ( Just request, Worker.{failure} {{ {failure_field} }} ) ->
            ( index, "failed", {failure_field} ++ "; " ++ both request )

        ( Just request, _ ) ->
            if same request response then
                ( index, "pass", "" )

            else
                ( index, "differs", both request )


requestOf : String -> Decode.Decoder Worker.{request}
requestOf name =
    case name of
{decoders}
        _ ->
            Decode.fail ("no request carries " ++ name)


same : Worker.{request} -> Worker.{response} -> Bool
same request response =
    case ( request, response ) of
{comparisons}
        _ ->
            False
"""


def program_source(project, worker) -> str:
    """The program above with a case per echoed type, its names from the model."""
    by_rust = {t.rust_name: t for t in project.types}
    types = project.types_names.module
    decoders, comparisons = [], []
    for name, (request, response) in sorted(echoed_types(project, worker).items()):
        decoders.append(f'        "{name}" ->\n'
                        f"            Decode.map Worker.{request} {types}.{by_rust[name].decoder}\n")
        comparisons.append(f"        ( Worker.{request} sent, Worker.{response} got ) ->\n"
                           f"            sent == got\n")
    (failure,) = [v for v in worker.responses if v.is_failure]
    elm = worker.elm
    return PROGRAM.format(
        module=elm.module, types=types, request=elm.request_type, response=elm.response_type,
        tracked=elm.tracked, send_with=elm.send_with, encode_request=elm.encode_request,
        encode_response=elm.encode_response, failure=failure.name,
        failure_field=failure.fields[0].elm_name,
        decoders="\n".join(decoders), comparisons="\n".join(comparisons),
    )


# ---- the site ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The generated files laid out as /js/, /workers/, /rust/, /generated-elm/, with
    tests/browser/page (its harness.js watches ports and workers) as /page/."""
    root = tmp_path_factory.mktemp("serde-wasm-site")
    result = generate(SOURCES)
    assert result.ok, "\n".join(d.render() for d in result.diagnostics)
    for file in result.files:
        target = root / ROOTS[file.root] / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
    assert not (root / "workers" / f"{SNAKE}_handlers.js").exists(), "a Rust worker got a handlers scaffold"
    shutil.copytree(Path(__file__).parent / "page", root / "page")
    return root


@pytest.fixture(scope="module")
def wasm(request, site, tmp_path_factory) -> Path:
    """tests/serde_wasm with the generated module, built to WebAssembly beside the
    generated entry. The copy keeps the crate's place in the repository
    (`tests/serde_wasm` beside `tests/serde_diff` and `crates/`), whose paths it names."""
    cache = getattr(request.config, "cache", None)
    work = cache.mkdir("serde-wasm-build") if cache else tmp_path_factory.mktemp("serde-wasm-build")
    tests = work / "tests"
    shutil.rmtree(tests / CRATE.name, ignore_errors=True)
    tests.mkdir(exist_ok=True)
    for link, target in ((work / "crates", ROOT / "crates"), (tests / "serde_diff", ROOT / "tests" / "serde_diff")):
        if link.is_symlink() and link.resolve() != target:
            link.unlink()
        if not link.is_symlink():
            link.symlink_to(target, target_is_directory=True)
    module = (site / ROOTS["rust"] / f"{SNAKE}.rs").read_text(encoding="utf-8")
    built = build_wasm(CRATE, tests, {f"src/generated/{SNAKE}.rs": module})
    placed = site / ROOTS["worker"] / f"{SNAKE}.wasm"
    shutil.copyfile(built, placed)
    return placed


@pytest.fixture(scope="module")
def elm_program(site, project, worker, tmp_path_factory, elm_compiler) -> str:
    folder = tmp_path_factory.mktemp("serde-wasm-elm")
    shutil.copytree(site / ROOTS["elm"], folder / "generated")
    (folder / "src").mkdir()
    (folder / "src" / "SerdeEcho.elm").write_text(program_source(project, worker), encoding="utf-8")
    elm_compiler.init(folder, ["src", "generated"])
    made = elm_compiler.make(folder, ["src/SerdeEcho.elm"], output=str(site / "elm" / "serde_echo.js"))
    assert made.returncode == 0, explain(made)
    return "/elm/serde_echo.js"


@pytest.fixture(scope="module")
def run(browser, site, wasm, elm_program, samples, worker):
    """The page: the compiled program, its ports watched, the generated glue set up
    with its default worker URL; every sample sent at once. Returns the reports, each
    (index, status, detail), and the page's log of what crossed."""
    elm = worker.elm
    with StaticServer(site) as server:
        context = browser.new_context()
        try:
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{server.url}/page/index.html")
            page.add_script_tag(url=elm_program)
            page.evaluate(
                """async ([main, setup, outgoing, incoming]) => {
                    const app = Elm.SerdeEcho.init();
                    watchPorts(app, outgoing, incoming);
                    window.__reports = [];
                    app.ports.reported.subscribe((report) => window.__reports.push(report));
                    const glue = await import(main);
                    glue[setup](app);
                    window.__app = app;
                }""",
                [f"/js/{SNAKE}_main.js", f"setup{BASE}", elm.send_port,
                 [elm.response_port, elm.tracked_port]],
            )
            page.evaluate("(pairs) => window.__app.ports.samples.send(pairs)", [list(s) for s in samples])
            try:
                page.wait_for_function("(count) => window.__reports.length >= count",
                                       arg=len(samples), timeout=60_000, polling=50)
            except Exception as exc:
                got = page.evaluate("() => window.__reports")
                raise AssertionError(f"{len(got)} of {len(samples)} samples reported; page errors: {errors}") from exc
            reports = page.evaluate("() => window.__reports")
            # As JSON text: playwright's own copy of an object drops a `__proto__` key.
            log = json.loads(page.evaluate("() => JSON.stringify(window.__log)"))
            assert not errors, f"the page threw: {errors}"
        finally:
            context.close()
    return reports, log


def named(samples, index: int) -> str:
    name, text = samples[index]
    return f"{name} sample #{index} {text[:300]}"


# ---- the checks ------------------------------------------------------------------------------


def test_every_domain_type_has_an_echo_request(project, worker, samples):
    echoed = echoed_types(project, worker)
    every = {t.rust_name for t in load([str(TYPES_RS)])[0].types}
    assert set(echoed) == every - LEFT_OUT
    assert LEFT_OUT <= every
    # ... and a sample that serde wrote, so that each one really travels.
    assert {name for name, _ in samples} == set(echoed)
    assert len(samples) > 150


def test_the_left_out_types_cannot_travel_through_a_rust_worker(tmp_path):
    """What the docstring says: a request carrying `Omitted` is an input error."""
    source = (CRATE / "src" / "lib.rs").read_text(encoding="utf-8")
    lib = tmp_path / "lib.rs"
    lib.write_text(source.replace("    // Worker → Main\n", "    EchoOmitted(Omitted),\n\n    // Worker → Main\n"),
                   encoding="utf-8")
    _, diagnostics = load([str(lib), str(TYPES_RS)])
    errors = [d.render() for d in diagnostics if d.is_error]
    assert len(errors) == 1 and "`alias` of `Omitted`" in errors[0] and "without `default`" in errors[0], errors


def test_every_sample_comes_back_equal(run, samples):
    reports, _ = run
    by_index = {}
    for index, status, detail in reports:
        assert index not in by_index, f"{named(samples, index)} was answered twice"
        by_index[index] = (status, detail)
    assert sorted(by_index) == list(range(len(samples)))
    wrong = [f"{named(samples, i)}\n    {status}: {detail}"
             for i, (status, detail) in sorted(by_index.items()) if status != "pass"]
    assert not wrong, f"{len(wrong)} of {len(samples)} samples did not come back equal:\n" + "\n".join(wrong)


def test_serde_writes_back_what_elm_wrote(run, samples, worker):
    """Below Elm's `==`: the JSON the WebAssembly wrote for each value is the JSON Elm's
    encoder wrote for it (as JSON values: 2.0 is 2, as in JavaScript), so no decoder's
    leniency hides a difference. Requests reach the worker in the order Elm sent them,
    each as the envelope of the request Elm wrote."""
    _, log = run
    pushed = [entry["value"] for entry in log["pushed"]]
    to_worker = [entry["message"] for entry in log["toWorker"]]
    assert len(pushed) == len(to_worker) == len(samples)
    answers: dict = {}
    for entry in log["fromWorker"]:
        answers.setdefault(entry["message"]["id"], []).append(entry["message"])
    response_of = echoed_types_by_request(worker)
    wrong = []
    for (_, tracker, _, request), envelope in zip(pushed, to_worker):
        sample = named(samples, int(tracker))
        tag, data = request["type"], {k: v for k, v in request.items() if k != "type"}
        if (envelope["type"], envelope["data"]) != (tag, data):
            wrong.append(f"{sample}\n    Elm wrote {json.dumps(request)[:300]}\n    the worker got {json.dumps(envelope)[:300]}")
            continue
        expected = [{"id": envelope["id"], "type": response_of[tag], "data": data}]
        if answers.get(envelope["id"]) != expected:
            wrong.append(f"{sample}\n    Elm wrote {json.dumps(request)[:300]}\n"
                         f"    the WebAssembly answered {json.dumps(answers.get(envelope['id']))[:300]}")
    assert not wrong, "\n".join(wrong)


def echoed_types_by_request(worker) -> dict[str, str]:
    """Request tag -> the tag of the response that carries the same type."""
    responses = {v.fields[0].type.name: v.tag for v in worker.responses if not v.is_failure}
    return {v.tag: responses[v.fields[0].type.name] for v in worker.requests}


def test_every_message_that_crossed_is_on_the_wire_contract(run, samples, project, worker):
    _, log = run
    wire = Wire(worker, project)
    elm = worker.elm

    def sample_of(message, at: int) -> str:
        """The sample a tracked message carries: ["send", tracker, timeout, request]
        from Elm, [tracker, response] to it."""
        tracker = message[at] if isinstance(message, list) and len(message) > at else None
        return named(samples, int(tracker)) if isinstance(tracker, str) and tracker.isdigit() else "untracked"

    problems = []
    for entry in log["pushed"]:
        if not wire.valid("Request.port", entry["value"]):
            problems.append(f"Elm sent {json.dumps(entry['value'])[:300]} ({sample_of(entry['value'], 1)})")
    for entry in log["sent"]:
        kind = "Response.tracked" if entry["port"] == elm.tracked_port else "Response"
        if not wire.valid(kind, entry["value"]):
            problems.append(f"Elm got {json.dumps(entry['value'])[:300]} ({sample_of(entry['value'], 0)})")
    for direction, kind in (("toWorker", "RequestEnvelope"), ("fromWorker", "ResponseEnvelope")):
        for entry in log[direction]:
            if not wire.valid(kind, entry["message"]):
                problems.append(f"{direction}: {json.dumps(entry['message'])[:300]}")
    assert not problems, "off the wire contract:\n" + "\n".join(problems)
    assert len(log["pushed"]) == len(samples) and len(log["sent"]) == len(samples)
    assert len(log["workers"]) == 1 and log["workers"][0]["url"].endswith(f"/workers/{SNAKE}.js")
