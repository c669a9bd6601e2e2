"""The JavaScript emitters: `<snake>_main.js`, `workers.js`, the worker entry `<snake>.js`
and the handlers scaffold, from workers resolved for real out of Rust source (and, for
domain types, from the hand-built project of the schema tests).

Every file is parsed by node as an ES module. The behaviour is run in node too, without
a browser: a fake `Worker` on the main side carries the envelopes to the real generated
entry, loaded with a fake worker `self`, and every message that crosses a boundary is
checked against the generated JSON Schema. (The browser tests in tests/browser/ are the
real-Chromium proof; these are the quick ones.)
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

import hamlet
from hamlet.write.drift import check_handlers, exported_names
from hamlet.emit.header import source_of
from hamlet.emit.js_entry import emit_entry
from hamlet.emit.js_handlers import emit_handlers, handler_stub
from hamlet.emit.js_index import emit_index
from hamlet.emit.js_main import emit_main
from hamlet.emit.js_text import fill, js_string
from hamlet.emit.js_types import js_type
from hamlet.emit.schema import emit_schema
from hamlet.model import ListT, MaybeT, Project, Shape

# The hand-built domain types of the schema tests (the resolver's side of the model).
from test_emit_schema import (
    FLOAT,
    POINT,
    STRING,
    build,
    field,
    flatten,
    named,
    positional,
    request,
    response,
    route_project,
    with_serde,
)

NODE = shutil.which("node")
needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed")

SEED = """\
// Define worker messages in your app
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage {
        image_url: String,
        max_width: u32,
        quality: u8,
    },

    // Worker → Main
    ProcessingComplete {
        result_url: String,
        original_size: (u32, u32),
        final_size: (u32, u32),
    },
    ProcessingFailed {
        error: String
    },
    ProcessingProgress {
        percent: f32
    },
}

#[derive(BuildAmpWorker, Debug, Clone)]
pub enum DataWorkerMessage {
    // Main → Worker
    ProcessCSV { data: String },
    CalculateStats { numbers: Vec<f64> },

    // Worker → Main
    CSVProcessed { rows: u32, columns: Vec<String> },
    StatsCalculated { mean: f64, median: f64, std_dev: f64 },
    WorkerError { message: String },
}

#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""

# Every variant shape in both directions, a progress variant, a tuple failure variant,
# a field named after a JS reserved word, and a request without a handler (Orphan).
SHAPES = """\
use std::collections::HashMap;

#[derive(BuildAmpWorker)]
pub enum ShapesWorkerMessage {
    // Main → Worker
    /// Behaves as `mode` says (see HANDLERS in the test).
    Run { mode: String, note: Option<String> },
    Resize(u32, u32),
    Scale(f64),
    CancelAll,
    Tag { class: String, tags: Vec<String>, meta: HashMap<String, i64>, pair: (bool, String, f32) },
    Orphan { tag: u32 },

    // Worker → Main
    Ran { mode: String, note: Option<String> },
    Resized(u32, u32),
    StepProgress(u32),
    Cancelled,
    Tagged { class: String, count: u32 },
    Failed(String),
}
"""

# The user's handlers for ShapesWorker, replacing the scaffold.
HANDLERS = """\
export async function handleRun({ mode, note }, reply) {
    switch (mode) {
        case 'complete':
            reply.ran({ mode, note });
            return;
        case 'progress':
            reply.stepProgress(1);
            await null;
            reply.stepProgress(2);
            reply.ran({ mode, note: null });
            return;
        case 'twice':
            reply.ran({ mode, note: 'first' });
            reply.ran({ mode, note: 'second' });
            reply.failed('third');
            reply.stepProgress(9);
            return;
        case 'destructured': {
            const { ran } = reply;
            ran({ mode, note: null });
            return;
        }
        case 'throw':
            throw new Error(`thrown ${note}`);
        case 'reject':
            return Promise.reject(new Error(`rejected ${note}`));
        case 'throw-value':
            throw 42;
        case 'throw-empty':
            throw new Error('');
        case 'silent':
            return;
        case 'progress-only':
            reply.stepProgress(1);
            return;
        case 'late':
            setTimeout(() => reply.ran({ mode, note: 'late' }), 0);
            return;
        case 'hang':
            return new Promise(() => {});
        case 'close':
            self.close();
            return new Promise(() => {});
        case 'bigint':
            reply.ran({ mode, note: 7n });
            return;
        default:
            throw new Error(`no mode ${mode}`);
    }
}

export async function handleResize({ value: [width, height] }, reply) {
    reply.resized(height, width);
}

export async function handleScale({ value }, reply) {
    reply.stepProgress(Math.round(value));
    reply.cancelled();
}

export async function handleCancelAll(request, reply) {
    reply.tagged({ class: JSON.stringify(request), count: Object.keys(request).length });
}

// Not async: a synchronous throw inside the entry's dispatch.
export function handleTag(request, reply) {
    if (request.class === 'boom') {
        throw new TypeError('sync boom');
    }
    reply.tagged({ class: request.class, count: request.tags.length });
}
"""

# Stand-ins for the browser: `window`, `Worker` and an Elm app's ports on the main side;
# the worker's `self`, on which the generated entry installs `onmessage`. A FakeWorker
# delivers each envelope, structured-cloned and asynchronously, to that `self.onmessage`
# (when an entry is loaded), and the entry's `self.postMessage` back to the FakeWorker
# that is current, unless it has been terminated, like a real one.
HARNESS = """\
export const log = { toElm: [], toWorker: [], fromWorker: [], workers: [], terminated: [] };
export const instances = [];
const clone = (value) => (value === undefined ? undefined : structuredClone(value));

globalThis.window = new EventTarget();

const workerSelf = new EventTarget();
let current = null;
workerSelf.postMessage = (message) => {
    log.fromWorker.push(clone(message));
    const target = current;
    const copy = clone(message);
    setTimeout(() => {
        if (target !== null && target.alive) {
            target.dispatchEvent(new MessageEvent('message', { data: copy }));
        }
    }, 0);
};
// A worker's close(): the worker that is current gets no more messages.
workerSelf.close = () => {
    if (current !== null) {
        current.closed = true;
    }
};
globalThis.self = workerSelf;

class FakeWorker extends EventTarget {
    constructor(url, options) {
        super();
        this.alive = true;
        this.index = instances.length;
        instances.push(this);
        log.workers.push({ url: String(url), options: clone(options) });
        current = this;
    }

    postMessage(message) {
        log.toWorker.push(clone(message));
        const copy = clone(message);
        setTimeout(() => {
            if (this.alive && !this.closed && typeof workerSelf.onmessage === 'function') {
                workerSelf.onmessage(new MessageEvent('message', { data: copy }));
            }
        }, 0);
    }

    terminate() {
        this.alive = false;
        log.terminated.push(this.index);
    }
}
globalThis.Worker = FakeWorker;

// An Elm app: `outgoing` / `incoming` are the port names it has. `read`, when given,
// stands for Elm reading a value on an incoming port, and may throw as Elm would.
export function makeApp(outgoing, incoming, read = (value) => {}) {
    const subscribers = [];
    const ports = {};
    for (const name of outgoing) {
        ports[name] = { subscribe: (fn) => subscribers.push(fn) };
    }
    for (const name of incoming) {
        ports[name] = {
            send: (value) => {
                read(value);
                log.toElm.push(clone(value));
            },
        };
    }
    return {
        app: outgoing.length + incoming.length ? { ports } : {},
        push: (...values) => values.forEach((value) => subscribers.forEach((fn) => fn(clone(value)))),
    };
}

export const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

export function fire(instance, type, fields = {}) {
    const event = new Event(type, { cancelable: true });
    Object.assign(event, fields);
    instance.dispatchEvent(event);
    return event.defaultPrevented;
}

export function done(extra = {}) {
    console.log(JSON.stringify({ ...log, ...extra }));
}
"""


# ---- fixtures ----------------------------------------------------------------------


def alone(worker) -> Project:
    """A project of this one worker and no domain types."""
    return Project((worker,))


def load(tmp_path: Path, monkeypatch, source: str) -> dict:
    """Workers by base name, resolved from `src/lib.rs` like a user's project."""
    (tmp_path / "src").mkdir(exist_ok=True)
    (tmp_path / "src" / "lib.rs").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    project, diagnostics = hamlet.load(["src"])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return {worker.base: worker for worker in project.workers}


@pytest.fixture
def seed(tmp_path, monkeypatch):
    return load(tmp_path, monkeypatch, SEED)


@pytest.fixture
def shapes(tmp_path, monkeypatch):
    return load(tmp_path, monkeypatch, SHAPES)["ShapesWorker"]


def check_module(content: str) -> None:
    """node parses `content` as an ES module (a plain `node --check file.js` would
    parse it as CommonJS, or not at all)."""
    result = subprocess.run(
        [NODE, "--input-type=module", "--check"],
        input=content,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr + "\n" + content


def run_node(tmp_path: Path, files: dict[str, str], script: str) -> dict:
    """Write `files` and the harness into a site folder, run `script` as an ES module
    there, and return the JSON it prints last."""
    site = tmp_path / "site"
    for name, content in {**files, "harness.mjs": HARNESS, "scenario.mjs": script}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(content, encoding="utf-8")
    # The generated files are .js ES modules, as a bundler or a browser takes them.
    (site / "package.json").write_text('{"type": "module"}\n', encoding="utf-8")
    result = subprocess.run(
        [NODE, "scenario.mjs"], cwd=site, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class Contract:
    """The generated schema's validators, as the browser tests use them."""

    def __init__(self, worker, project: Project | None = None) -> None:
        project = Project((worker,)) if project is None else project
        document = json.loads(emit_schema(project, worker).content)
        uri = document["$id"]
        registry = Registry().with_resource(uri, DRAFT202012.create_resource(document))
        self.validators = {
            kind: Draft202012Validator({"$ref": f"{uri}#/$defs/{worker.base}{kind}"}, registry=registry)
            for kind in ("Request", "Response", "RequestEnvelope", "ResponseEnvelope")
        }

    def check(self, log: dict, off_contract: tuple[str, ...] = ()) -> None:
        for kind, key in (("Response", "toElm"), ("ResponseEnvelope", "fromWorker")):
            for message in log[key]:
                assert self.validators[kind].is_valid(message), (kind, message)
        for message in log["toWorker"]:
            valid = self.validators["RequestEnvelope"].is_valid(message)
            assert valid == (message["type"] not in off_contract), message


def shapes_site(worker, handlers: str | None = HANDLERS) -> dict[str, str]:
    files = {
        f"js/{worker.js.main_file}": emit_main(alone(worker), worker).content,
        f"workers/{worker.js.worker_file}": emit_entry(alone(worker), worker).content,
    }
    if handlers is not None:
        files[f"workers/{worker.js.handlers_file}"] = handlers
    return files


MAIN_PRELUDE = """\
import { log, instances, makeApp, settle, fire, done } from './harness.mjs';
import './workers/shapes_worker.js';
const { setupShapesWorker } = await import('./js/shapes_worker_main.js');
"""

ENTRY_PRELUDE = """\
import { log, settle, done } from './harness.mjs';
import './workers/shapes_worker.js';
const send = (id, type, data) => self.onmessage(new MessageEvent('message', { data: { id, type, data } }));
"""


# ---- every file is an ES module --------------------------------------------------------


@needs_node
@pytest.mark.parametrize("which", ["seed", "shapes"])
def test_every_generated_js_file_parses_as_an_es_module(which, tmp_path, monkeypatch):
    workers = load(tmp_path, monkeypatch, SEED if which == "seed" else SHAPES)
    project = Project(tuple(sorted(workers.values(), key=lambda w: w.base)))
    files = [emit_index(project)]
    for worker in workers.values():
        files += [emit_main(alone(worker), worker), emit_entry(alone(worker), worker), emit_handlers(alone(worker), worker)]
    for file in files:
        check_module(file.content)


@needs_node
def test_check_module_rejects_what_is_not_a_module():
    with pytest.raises(AssertionError):
        check_module("export const = ;\n")
    with pytest.raises(AssertionError):  # a valid script, but modules are strict code
        check_module("with (Math) { max(1, 2); }\n")


# Every word JS reserves somewhere (strict mode and module code included), and every name
# the generated JS binds around a field's local, as a wire name in both directions.
def keyword_source() -> str:
    from hamlet import naming

    words = sorted((naming.JS_RESERVED | naming.JS_BOUND) - {"type"})  # `type` is the tag
    fields = "".join(
        f'        #[serde(rename = "{word}")]\n        f{n}: String,\n' for n, word in enumerate(words)
    )
    return (
        "#[derive(BuildAmpWorker)]\npub enum KeywordWorkerMessage {\n    // Main → Worker\n"
        f"    Ask {{\n{fields}    }},\n    Pair(String, String),\n    // Worker → Main\n"
        f"    Told {{\n{fields}    }},\n    Both(String, String),\n    KeywordFailed {{ error: String }},\n}}\n"
    )


@needs_node
def test_every_reserved_or_bound_word_as_a_field_gives_valid_js(tmp_path, monkeypatch):
    worker = load(tmp_path, monkeypatch, keyword_source())["KeywordWorker"]
    project = Project((worker,))
    ask = worker.requests[0]
    locals_ = [f.js_name for f in ask.fields]
    assert len(set(locals_)) == len(locals_) > 40
    assert {"request_", "reply_", "answer_", "await_", "arguments_", "eval_", "let_"} <= set(locals_)
    for file in (emit_main(alone(worker), worker), emit_entry(alone(worker), worker), emit_handlers(project, worker),
                 emit_index(project)):
        check_module(file.content)
    # The drift hint's stub is the scaffold's, and parses on its own too.
    problems = check_handlers(worker, "keyword_worker_handlers.js", "", strict=False)
    assert len(problems) == 2
    for problem in problems:
        stub = "\n".join(line[4:] for line in problem.hint.split("\n")[1:])
        assert stub in emit_handlers(project, worker).content
        check_module(stub)


@needs_node
def test_the_keyword_scaffold_binds_each_field_to_its_own_local(tmp_path, monkeypatch):
    # Run the scaffold's destructuring for real: every wire key reaches its local.
    worker = load(tmp_path, monkeypatch, keyword_source())["KeywordWorker"]
    content = emit_handlers(alone(worker), worker).content
    [unpack] = [line.strip() for line in content.splitlines() if line.strip().startswith("const {")]
    pattern = unpack.removeprefix("const ").removesuffix(" = request;")
    request = {f.wire_name: f"value of {f.wire_name}" for f in worker.requests[0].fields}
    script = f"const request = {json.dumps(request)};\n{unpack}\nconsole.log(JSON.stringify({pattern}));\n"
    result = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == request


# ---- names, paths and notices ----------------------------------------------------------


def test_file_names_roots_and_notices(seed):
    worker = seed["ImageWorker"]
    expected = {
        emit_main: ("js", "image_worker_main.js", False),
        emit_entry: ("worker", "image_worker.js", False),
        emit_handlers: ("worker", "image_worker_handlers.js", True),
    }
    for emit, (root, path, scaffold) in expected.items():
        out = emit(alone(worker), worker)
        assert (out.root, out.path, out.scaffold) == (root, path, scaffold)
        assert out.content.endswith("\n") and not out.content.endswith("\n\n")
        first_lines = "".join(out.content.splitlines(keepends=True)[:6])
        # Generated files name their source, so `hamlet.write` can find orphans; the
        # user's file must not look generated, or it could be removed as one.
        assert source_of(first_lines) == (None if scaffold else ["src/lib.rs"])
    assert "this file is yours to edit" in emit_handlers(alone(worker), worker).content
    assert "never overwrites it" in emit_handlers(alone(worker), worker).content


def test_workers_index_names_every_source(seed):
    project = Project(tuple(sorted(seed.values(), key=lambda w: w.base)))
    out = emit_index(project)
    assert (out.root, out.path, out.scaffold) == ("js", "workers.js", False)
    assert source_of(out.content.splitlines()[0]) == ["src/lib.rs"]
    assert "import { setupCSVWorker } from './csv_worker_main.js';\n" in out.content
    assert "import { setupDataWorker } from './data_worker_main.js';\n" in out.content
    assert "        csvWorker: setupCSVWorker(app, options?.csvWorker),\n" in out.content
    assert "        imageWorker: setupImageWorker(app, options?.imageWorker),\n" in out.content
    assert "//         imageWorker: { workerUrl: '/workers/image_worker.js' }," in out.content


def test_main_uses_the_models_names(seed):
    content = emit_main(alone(seed["CSVWorker"]), seed["CSVWorker"]).content
    assert "export function setupCSVWorker(app, options = {}) {\n" in content
    assert "const DEFAULT_WORKER_URL = '/workers/csv_worker.js';\n" in content
    assert "const fromElm = ports?.sendToCSVWorkerPort;\n" in content
    assert "const toElm = ports?.csvWorkerResponsePort;\n" in content
    assert "return { type: 'ParseError', error: text };\n" in content
    assert "worker = new Worker(workerUrl, { type: 'module' });\n" in content
    # No progress variant: every response ends its request.
    assert "\n        pending.delete(id);\n" in content
    assert "console." not in content


def test_main_keeps_progress_pending(seed):
    content = emit_main(alone(seed["ImageWorker"]), seed["ImageWorker"]).content
    assert (
        "        if (type !== 'ProcessingProgress') {\n"
        "            pending.delete(id);\n"
        "        }\n"
    ) in content
    assert "return { type: 'ProcessingFailed', error: text };\n" in content


def test_tuple_failure_variant_travels_in_value(shapes):
    assert "return { type: 'Failed', value: text };\n" in emit_main(alone(shapes), shapes).content
    assert "this.send('Failed', { value: text }, true);\n" in emit_entry(alone(shapes), shapes).content


def test_entry_dispatches_every_request_and_replies_per_shape(shapes):
    content = emit_entry(alone(shapes), shapes).content
    assert "import * as handlers from './shapes_worker_handlers.js';\n" in content
    for name in ("Run", "Resize", "Scale", "CancelAll", "Tag", "Orphan"):
        assert (
            f"        case '{name}':\n"
            f"            run(handlers.handle{name}, 'handle{name}', data, answer);\n"
            "            break;\n"
        ) in content
    assert "ran: (fields) => answer.send('Ran', fields, true),\n" in content
    assert "resized: (value1, value2) => answer.send('Resized', { value: [value1, value2] }, true)," in content
    # JS names positional fields in its own scope: Elm's `value_` does not leak in.
    assert "stepProgress: (value) => answer.send('StepProgress', { value }, false)," in content
    assert "cancelled: () => answer.send('Cancelled', {}, true),\n" in content
    assert "console." not in content


def test_scaffold_has_one_documented_stub_per_request(shapes):
    content = emit_handlers(alone(shapes), shapes).content
    assert sorted(exported_names(content)) == sorted(v.handler for v in shapes.requests)
    assert "const { mode, note } = request;\n" in content
    assert "const [value1, value2] = request.value;\n" in content
    # `class` is reserved in JS: the local gets another name, the wire key stays.
    assert "const { class: class_, tags, meta, pair } = request;\n" in content
    assert " * @param {string} request.class  Rust `String`\n" in content
    assert " * @param {Object<string, number>} request.meta  Rust `HashMap<String, i64>`\n" in content
    assert " * @param {[boolean, string, number]} request.pair  Rust `(bool, String, f32)`\n" in content
    assert " * @param {string | null} request.note  Rust `Option<String>`\n" in content
    assert " * @param {object} request  CancelAll carries no fields: {}\n" in content
    assert " * Run: Behaves as `mode` says (see HANDLERS in the test).\n" in content
    assert " *     reply.stepProgress(value)  (progress)\n" in content
    assert " *     reply.tagged({ class: class_, count })\n" in content
    assert "reply.failed('handleRun is not implemented yet');\n" in content
    assert "//                  reply.tagged({ class: string, count: number })\n" in content


def test_seed_scaffold_reads_like_the_contract(seed):
    content = emit_handlers(alone(seed["ImageWorker"]), seed["ImageWorker"]).content
    assert (
        "export async function handleProcessImage(request, reply) {\n"
        "    const { imageUrl, maxWidth, quality } = request;\n"
        "\n"
        "    // TODO: do the work (reporting progress if it helps), then send one final reply.\n"
        "    reply.processingFailed({ error: 'handleProcessImage is not implemented yet' });\n"
        "}\n"
    ) in content
    assert " *     reply.processingComplete({ resultUrl, originalSize, finalSize })\n" in content
    assert "TODO: do the work, then send one final reply." in emit_handlers(alone(seed["CSVWorker"]), seed["CSVWorker"]).content


def test_drift_suggests_the_scaffolds_stub(shapes):
    stub = handler_stub(shapes, shapes.requests[0])
    assert stub in emit_handlers(alone(shapes), shapes).content
    without_run = emit_handlers(alone(shapes), shapes).content.replace(stub, "")
    [problem] = check_handlers(shapes, "workers/shapes_worker_handlers.js", without_run, strict=False)
    assert "export async function handleRun(request, reply) {" in problem.hint


def test_docs_cannot_close_a_comment(tmp_path, monkeypatch):
    source = SHAPES.replace("/// Behaves as", "/// Ends */ early, behaves as")
    worker = load(tmp_path, monkeypatch, source)["ShapesWorker"]
    content = emit_handlers(alone(worker), worker).content
    assert "Ends *\\/ early" in content
    if NODE:
        check_module(content)


def test_output_is_deterministic(seed):
    worker = seed["DataWorker"]
    for emit in (emit_main, emit_entry, emit_handlers):
        assert emit(alone(worker), worker) == emit(alone(worker), worker)


# ---- the text helpers ------------------------------------------------------------------


def test_fill_indents_blocks_and_refuses_mistakes():
    template = """
        a {{x}} b
            {{block}}
        {{empty}}
        end
    """
    assert fill(template, x="1", block="p\n\nq", empty="") == "a 1 b\n    p\n\n    q\nend\n"
    with pytest.raises(KeyError):
        fill(template, x="1", block="")
    with pytest.raises(ValueError):
        fill(template, x="1", block="", empty="", extra="?")
    with pytest.raises(ValueError):
        fill(template, x="two\nlines", block="", empty="")


@needs_node
def test_js_string_round_trips_through_node():
    text = "it's \\ \"quoted\"\n\t\u2028 ✓ \x01"
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", f"process.stdout.write(JSON.stringify({js_string(text)}))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == text


# ---- the worker entry, run in node --------------------------------------------------------


@needs_node
def test_entry_answers_each_request_once(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'complete', note: 'n' });
send(2, 'Resize', { value: [640, 480] });
send(3, 'Scale', { value: 2.6 });
send(4, 'CancelAll', {});
send(5, 'Tag', { class: 'c', tags: ['a', 'b'], meta: {}, pair: [true, 's', 1.5] });
send(6, 'Run', { mode: 'progress', note: null });
send(7, 'Run', { mode: 'twice', note: null });
send(8, 'Run', { mode: 'destructured', note: null });
await settle();
done();
""",
    )
    by_id: dict[int, list] = {}
    for message in log["fromWorker"]:
        by_id.setdefault(message["id"], []).append([message["type"], message["data"]])
    assert by_id == {
        1: [["Ran", {"mode": "complete", "note": "n"}]],
        2: [["Resized", {"value": [480, 640]}]],
        3: [["StepProgress", {"value": 3}], ["Cancelled", {}]],
        4: [["Tagged", {"class": "{}", "count": 0}]],
        5: [["Tagged", {"class": "c", "count": 2}]],
        6: [["StepProgress", {"value": 1}], ["StepProgress", {"value": 2}], ["Ran", {"mode": "progress", "note": None}]],
        # Only the first final reply counts; nothing follows it.
        7: [["Ran", {"mode": "twice", "note": "first"}]],
        8: [["Ran", {"mode": "destructured", "note": None}]],
    }
    Contract(shapes).check(log)


@needs_node
def test_entry_turns_every_failure_into_the_failure_variant(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'throw', note: 'x1' });
send(2, 'Run', { mode: 'reject', note: 'x2' });
send(3, 'Run', { mode: 'throw-value', note: null });
send(4, 'Run', { mode: 'throw-empty', note: null });
send(5, 'Run', { mode: 'silent', note: null });
send(6, 'Run', { mode: 'progress-only', note: null });
send(7, 'Run', { mode: 'late', note: null });
send(8, 'Tag', { class: 'boom', tags: [], meta: {}, pair: [false, '', 0] });
send(9, 'Orphan', { tag: 1 });
send(10, 'Bogus', { tag: 1 });
send(11, 'Run', { mode: 'hang', note: null });
await settle();
done();
""",
    )
    by_id: dict[int, list] = {}
    for message in log["fromWorker"]:
        by_id.setdefault(message["id"], []).append(message)
    assert 11 not in by_id  # still working: no answer yet, and no failure either
    failures = {}
    for id_, messages in by_id.items():
        *progress, last = messages
        assert all(m["type"] == "StepProgress" for m in progress)
        assert last["type"] == "Failed" and set(last["data"]) == {"value"}, messages
        failures[id_] = last["data"]["value"]
    assert failures[1] == "thrown x1"
    assert failures[2] == "rejected x2"
    assert failures[3] == "42"
    assert failures[4] == "Error"
    assert failures[5] == "handleRun finished without sending a response"
    assert failures[6] == "handleRun finished without sending a response"
    assert len(by_id[6]) == 2
    assert failures[7] == "handleRun finished without sending a response"  # the late reply is dropped
    assert failures[8] == "sync boom"
    assert failures[9].startswith("handleOrphan is not exported from shapes_worker_handlers.js")
    assert "export async function handleOrphan(request, reply)" in failures[9]
    assert '"Bogus"' in failures[10] and "Run, Resize, Scale, CancelAll, Tag, Orphan" in failures[10]
    Contract(shapes).check(log, off_contract=("Bogus",))


@needs_node
def test_the_scaffold_answers_with_the_failure_variant(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes, emit_handlers(alone(shapes), shapes).content),
        ENTRY_PRELUDE
        + """
send(1, 'Run', { mode: 'complete', note: null });
send(2, 'CancelAll', {});
await settle();
done();
""",
    )
    assert log["fromWorker"] == [
        {"id": 1, "type": "Failed", "data": {"value": "handleRun is not implemented yet"}},
        {"id": 2, "type": "Failed", "data": {"value": "handleCancelAll is not implemented yet"}},
    ]


@needs_node
def test_an_unhandled_rejection_is_rethrown_as_an_uncaught_error(shapes, tmp_path):
    log = run_node(
        tmp_path,
        shapes_site(shapes),
        ENTRY_PRELUDE
        + """
const uncaught = [];
process.on('uncaughtException', (error) => uncaught.push(String(error)));
const event = new Event('unhandledrejection', { cancelable: true });
event.reason = new Error('forgotten promise');
self.dispatchEvent(event);
await settle();
done({ uncaught, handled: event.defaultPrevented });
""",
    )
    assert log["uncaught"] == ["Error: forgotten promise"]
    # Marked handled, so the browser reports it once: as the rethrown error.
    assert log["handled"] is True


# ---- the main thread, run in node ------------------------------------------------------------


def main_run(shapes, tmp_path, body: str, handlers: str | None = HANDLERS) -> dict:
    return run_node(tmp_path, shapes_site(shapes, handlers), MAIN_PRELUDE + body)


@needs_node
def test_main_starts_the_worker_lazily_and_envelopes_each_request(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
await settle();
const before = log.workers.length;
elm.push(
    { type: 'Run', mode: 'progress', note: null },
    { type: 'Resize', value: [1, 2] },
    { type: 'CancelAll' },
    { type: 'Run', mode: 'complete', note: 'é ✓' },
);
await settle();
done({ before, handleKeys: Object.keys(handle) });
""",
    )
    assert log["before"] == 0
    assert log["handleKeys"] == ["terminate"]
    assert log["workers"] == [{"url": "/workers/shapes_worker.js", "options": {"type": "module"}}]
    assert log["toWorker"] == [
        {"id": 1, "type": "Run", "data": {"mode": "progress", "note": None}},
        {"id": 2, "type": "Resize", "data": {"value": [1, 2]}},
        {"id": 3, "type": "CancelAll", "data": {}},
        {"id": 4, "type": "Run", "data": {"mode": "complete", "note": "é ✓"}},
    ]
    canonical = functools.partial(json.dumps, sort_keys=True)
    assert sorted(log["toElm"], key=canonical) == sorted(
        [
            {"type": "StepProgress", "value": 1},
            {"type": "StepProgress", "value": 2},
            {"type": "Ran", "mode": "progress", "note": None},
            {"type": "Resized", "value": [2, 1]},
            {"type": "Tagged", "class": "{}", "count": 0},
            {"type": "Ran", "mode": "complete", "note": "é ✓"},
        ],
        key=canonical,
    )
    # Progress arrives in order, before the response that ends the request.
    run = [m for m in log["toElm"] if m["type"] == "StepProgress" or m.get("mode") == "progress"]
    assert [m["type"] for m in run] == ["StepProgress", "StepProgress", "Ran"]
    Contract(shapes).check(log)


@needs_node
def test_main_drops_responses_for_requests_that_ended(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
const [worker] = instances;
const deliver = (data) => worker.dispatchEvent(new MessageEvent('message', { data }));
deliver({ id: 1, type: 'Ran', data: { mode: 'again', note: null } });   // already ended
deliver({ id: 99, type: 'Ran', data: { mode: 'never', note: null } });  // never asked
deliver(null);
deliver('noise');
await settle();
done();
""",
    )
    assert log["toElm"] == [{"type": "Ran", "mode": "complete", "note": None}]


@needs_node
@pytest.mark.parametrize(
    "event, fields, expected",
    [
        ("error", "{ message: 'Uncaught Error: boom' }", "ShapesWorker crashed: Uncaught Error: boom"),
        ("error", "{}", "ShapesWorker could not be loaded from /w/shapes.js, or stopped without an error message"),
        ("messageerror", "{}", "ShapesWorker sent a message that could not be read (messageerror)"),
    ],
)
def test_a_worker_failure_fails_each_pending_request_once_and_the_next_starts_fresh(
    shapes, tmp_path, event, fields, expected
):
    log = main_run(
        shapes,
        tmp_path,
        f"""
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app, {{ workerUrl: '/w/shapes.js' }});
elm.push(
    {{ type: 'Run', mode: 'complete', note: null }},
    {{ type: 'Run', mode: 'throw', note: 't' }},
    {{ type: 'Run', mode: 'hang', note: null }},
    {{ type: 'Run', mode: 'hang', note: null }},
);
await settle();
const prevented = fire(instances[0], '{event}', {fields});
const answered = log.toElm.length;
fire(instances[0], '{event}', {fields});  // the old worker is forgotten: no second failure
elm.push({{ type: 'Resize', value: [3, 4] }});
await settle();
done({{ prevented, answered }});
""",
    )
    # Ended before the failure: the first two. Pending: the two that hang, once each.
    assert log["toElm"] == [
        {"type": "Ran", "mode": "complete", "note": None},
        {"type": "Failed", "value": "thrown t"},
        {"type": "Failed", "value": expected},
        {"type": "Failed", "value": expected},
        {"type": "Resized", "value": [4, 3]},
    ]
    assert log["answered"] == 4
    assert log["terminated"] == [0]
    assert [w["url"] for w in log["workers"]] == ["/w/shapes.js", "/w/shapes.js"]
    assert log["prevented"] is (event == "error")
    Contract(shapes).check(log)


@needs_node
def test_a_handler_that_closes_the_worker_fails_what_is_pending_and_the_next_starts_fresh(
    shapes, tmp_path
):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'complete', note: null }, { type: 'Run', mode: 'hang', note: null });
await settle();
elm.push({ type: 'Run', mode: 'close', note: null });
await settle();
elm.push({ type: 'Resize', value: [3, 4] });
await settle();
done();
""",
    )
    closed = "ShapesWorker closed itself: a handler called self.close()"
    assert log["toElm"] == [
        {"type": "Ran", "mode": "complete", "note": None},
        {"type": "Failed", "value": closed},
        {"type": "Failed", "value": closed},
        {"type": "Resized", "value": [4, 3]},
    ]
    assert {"closing": True} in log["fromWorker"]
    assert log["terminated"] == [0] and len(log["workers"]) == 2
    Contract(shapes).check(log)


@needs_node
def test_a_closing_notice_from_a_forgotten_worker_changes_nothing(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
handle.terminate();
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
instances[0].dispatchEvent(new MessageEvent('message', { data: { closing: true } }));
// A message with an id is never taken for the notice.
instances[1].dispatchEvent(new MessageEvent('message', { data: { id: 99, closing: true } }));
await settle();
done();
""",
    )
    assert log["toElm"] == [{"type": "Failed", "value": "ShapesWorker was terminated"}]


ELM_READS = """
// Elm reads a value on a port and, when it does not decode, prints it with
// JSON.stringify: a BigInt or a cycle throws there (Elm's kernel, reproduced).
const read = (value) => {
    if (value.type === 'Ran' && typeof value.note !== 'string' && value.note !== null) {
        JSON.stringify(value);
    }
};
"""


@needs_node
def test_a_reply_elm_cannot_read_ends_its_request_with_one_failure(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        ELM_READS
        + """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], read);
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'bigint', note: null }, { type: 'Resize', value: [1, 2] });
await settle();
log.fromWorker.length = 0;  // it holds the BigInt, which the log's JSON cannot
done();
""",
    )
    assert log["toElm"] == [
        {"type": "Failed", "value": "ShapesWorker replied Ran, which Elm cannot read: "
                                    "note is a BigInt (7n), which JSON has no number for"},
        {"type": "Resized", "value": [2, 1]},
    ]


@needs_node
def test_not_json_names_the_first_bigint_or_cycle_and_nothing_else(shapes, tmp_path):
    # The main thread's check, run on values as structured clone delivers them.
    log = main_run(
        shapes,
        tmp_path,
        """
const values = {};
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort'], (value) => {
    if (value.type === 'Ran') { throw new TypeError('Elm could not read it'); }
});
setupShapesWorker(elm.app);
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
const shared = { x: 1 };
const cyclic = { a: { b: [1, 2] } };
cyclic.a.b.push(cyclic.a);
const top = {};
top.me = top;
const cases = {
    cycle: cyclic,
    top,
    nested: { deep: [[[{ n: 1n }]]] },
    shared: { one: shared, two: shared, list: [shared, shared] },  // not a cycle
};
const uncaught = [];
process.on('uncaughtException', (error) => uncaught.push(String(error)));
let id = 1;
for (const [name, data] of Object.entries(cases)) {
    elm.push({ type: 'Run', mode: 'hang', note: null });
    await settle();
    id += 1;
    instances[0].dispatchEvent(new MessageEvent('message', { data: { id, type: 'Ran', data } }));
    await settle();
}
done({ uncaught });
""",
    )
    texts = [m["value"] for m in log["toElm"]]
    prefix = "ShapesWorker replied Ran, which Elm cannot read: "
    assert texts == [
        prefix + "a.b[2] refers back to a, a cycle JSON cannot hold",
        prefix + "me refers back to the reply itself, a cycle JSON cannot hold",
        prefix + "deep[0][0][0].n is a BigInt (1n), which JSON has no number for",
    ]
    # Nothing wrong with the value: what the app threw is not swallowed.
    assert log["uncaught"] == ["TypeError: Elm could not read it"]


@needs_node
def test_a_second_setup_returns_the_first_handle_and_connects_nothing_more(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const first = setupShapesWorker(elm.app);
const second = setupShapesWorker(elm.app, { workerUrl: '/elsewhere.js' });
const other = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const third = setupShapesWorker(other.app);
elm.push({ type: 'Resize', value: [1, 2] });
await settle();
done({ same: first === second, distinct: first !== third,
       enumerable: Object.keys(elm.app), frozen: typeof setupShapesWorker(Object.freeze({})) });
""",
    )
    assert log["same"] is True and log["distinct"] is True
    assert log["toElm"] == [{"type": "Resized", "value": [2, 1]}]
    assert [w["url"] for w in log["workers"]] == ["/workers/shapes_worker.js"]
    assert log["enumerable"] == ["ports"]  # the handle is kept out of sight
    assert log["frozen"] == "object"


@needs_node
def test_terminate_fails_pending_requests_and_a_later_request_starts_afresh(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
const handle = setupShapesWorker(elm.app);
handle.terminate();  // no worker yet: nothing to do
const idle = { workers: log.workers.length, terminated: log.terminated.length, toElm: log.toElm.length };
elm.push({ type: 'Run', mode: 'hang', note: null }, { type: 'Run', mode: 'hang', note: null });
await settle();
handle.terminate();
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
window.dispatchEvent(new Event('beforeunload'));
await settle();
done({ idle });
""",
    )
    assert log["idle"] == {"workers": 0, "terminated": 0, "toElm": 0}
    assert log["toElm"] == [
        {"type": "Failed", "value": "ShapesWorker was terminated"},
        {"type": "Failed", "value": "ShapesWorker was terminated"},
        {"type": "Ran", "mode": "complete", "note": None},
    ]
    assert len(log["workers"]) == 2
    assert log["terminated"] == [0, 1]  # terminate(), then beforeunload


@needs_node
def test_beforeunload_fails_what_is_pending(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app);
window.dispatchEvent(new Event('beforeunload'));  // no worker yet
elm.push({ type: 'Run', mode: 'hang', note: null });
await settle();
window.dispatchEvent(new Event('beforeunload'));
done();
""",
    )
    assert log["terminated"] == [0]
    assert log["toElm"] == [{"type": "Failed", "value": "ShapesWorker stopped: the page is unloading"}]


@needs_node
@pytest.mark.parametrize("outgoing, incoming", [(True, False), (False, True), (False, False)])
def test_absent_ports_do_not_throw(shapes, tmp_path, outgoing, incoming):
    log = main_run(
        shapes,
        tmp_path,
        f"""
const elm = makeApp({json.dumps(['sendToShapesWorkerPort'] if outgoing else [])},
                    {json.dumps(['shapesWorkerResponsePort'] if incoming else [])});
const handle = setupShapesWorker(elm.app);
elm.push({{ type: 'Run', mode: 'complete', note: null }}, {{ type: 'Run', mode: 'hang', note: null }});
await settle();
if (instances.length) fire(instances[0], 'error', {{ message: 'x' }});
handle.terminate();
setupShapesWorker(undefined);
setupShapesWorker(elm.app, null);
done();
""",
    )
    assert log["toElm"] == []
    assert len(log["workers"]) == (1 if outgoing else 0)
    assert len(log["fromWorker"]) == (1 if outgoing else 0)  # the 'complete' answer, dropped


@needs_node
def test_a_worker_that_cannot_be_constructed_fails_the_request(shapes, tmp_path):
    log = main_run(
        shapes,
        tmp_path,
        """
const elm = makeApp(['sendToShapesWorkerPort'], ['shapesWorkerResponsePort']);
setupShapesWorker(elm.app, { workerUrl: 'https://elsewhere.example/w.js' });
const RealFake = globalThis.Worker;
globalThis.Worker = class { constructor() { throw new Error('SecurityError: cross-origin'); } };
elm.push({ type: 'Run', mode: 'complete', note: null });
globalThis.Worker = RealFake;
elm.push({ type: 'Run', mode: 'complete', note: null });
await settle();
done();
""",
    )
    assert log["toElm"] == [
        {
            "type": "Failed",
            "value": "ShapesWorker could not start from https://elsewhere.example/w.js: "
            "SecurityError: cross-origin",
        },
        {"type": "Ran", "mode": "complete", "note": None},
    ]


@needs_node
def test_setup_workers_sets_up_each_worker_with_its_own_options(seed, tmp_path):
    project = Project(tuple(sorted(seed.values(), key=lambda w: w.base)))
    files = {"js/workers.js": emit_index(project).content}
    for worker in project.workers:
        files[f"js/{worker.js.main_file}"] = emit_main(alone(worker), worker).content
    log = run_node(
        tmp_path,
        files,
        """
import { log, makeApp, settle, done } from './harness.mjs';
const { setupWorkers } = await import('./js/workers.js');
const elm = makeApp(
    ['sendToCSVWorkerPort', 'sendToDataWorkerPort', 'sendToImageWorkerPort'],
    ['csvWorkerResponsePort'],
);
const handles = setupWorkers(elm.app, { imageWorker: { workerUrl: '/static/image.js' } });
const idle = log.workers.length;
elm.push({ type: 'ParseCSV', data: 'a,b' });
await settle();
done({ idle, handles: Object.keys(handles), terminate: Object.values(handles).map((h) => typeof h.terminate) });
""",
    )
    assert log["idle"] == 0
    assert log["handles"] == ["csvWorker", "dataWorker", "imageWorker"]
    assert log["terminate"] == ["function"] * 3
    # One push reaches every subscriber (the fake app shares them): each worker starts
    # from its own URL, the image worker from the one given in its options.
    assert sorted(w["url"] for w in log["workers"]) == [
        "/static/image.js",
        "/workers/csv_worker.js",
        "/workers/data_worker.js",
    ]


# ---- domain types ------------------------------------------------------------------------


def test_js_type_names_a_domain_type():
    assert js_type(named("Shape")) == "Shape"
    assert js_type(ListT(MaybeT(named("Point")))) == "Array<Point | null>"


def test_the_scaffold_defines_each_reached_domain_type_in_its_wire_shape():
    project = route_project()
    route, small = project.workers
    content = emit_handlers(project, route).content
    block = content[content.index("/**\n * @typedef"):]
    block = block[: block.index(" */\n")]
    typedefs = [line.split("} ")[-1] for line in block.splitlines() if "@typedef" in line]
    assert typedefs == sorted(t.name for t in project.types if t.name != "Unreached")
    for line in (
        " * @typedef {{ lat: number, lon: number }} Point\n",
        " * @typedef {number} Meters\n",
        " * @typedef {[number, string]} Pair\n",
        " * @typedef {null} Marker\n",
        " * @typedef {'Paved' | 'Gravel' | 'trail'} Surface\n",
        " * @typedef {Object<string, Array<string>>} Labels\n",
        " * @typedef {{ type: 'Circle', center: Point, radius: number } | { type: 'Polygon', value: Array<Point> }"
        " | { type: 'Segment', value: [Point, Point] } | { type: 'Empty' }} Shape\n",
        " * @typedef {{ kind: 'Moved', lat: number, lon: number } | { kind: 'stopped', atMs: number }"
        " | { kind: 'lost' }} Event\n",
        " * @typedef {{ t: 'Leaf', c: number } | { t: 'Branch', c: { left: Tree, right: Tree } }"
        " | { t: 'Span', c: [number, number] } | { t: 'Nil' }} Tree\n",
        " * @typedef {null | number | string | [number, string] | Array<Value>"
        " | { key: string, inner?: Value | null }} Value\n",
        " * @typedef {{ name: string, tags?: Array<string>, note?: string | null, extra?: Array<number>,"
        " lat: number, lon: number, label: string }} Options\n",
    ):
        assert line in content, line
    assert "(see route_worker.schema.json)" in content
    assert " * @param {Point} request.from  Rust `?`\n" in content
    assert "//                  reply.planned({ distance: Meters, surfaces: Array<Surface> })\n" in content
    small_content = emit_handlers(project, small).content
    assert [line for line in small_content.splitlines() if "@typedef" in line] == [
        " * @typedef {'Paved' | 'Gravel' | 'trail'} Surface"
    ]
    assert emit_handlers(project, route) == emit_handlers(project, route)
    if NODE:
        check_module(content)
        check_module(emit_entry(alone(route), route).content)


def test_without_domain_types_the_scaffold_is_unchanged(seed):
    for worker in seed.values():
        assert "@typedef" not in emit_handlers(alone(worker), worker).content


def flat_worker():
    """A request with a flattened field and a response that is serde's internally tagged
    newtype of a struct: both put the struct's keys beside "type"."""
    [point] = positional(named("Point"))
    variants = (
        request("Locate", flatten("at", POINT), field("zoom", FLOAT)),
        request("Draw", field("shape", named("Shape"))),
        response("Moved", replace(point, flattened=POINT.fields), shape=Shape.TUPLE),
        response("Drawn", field("shape", named("Shape"))),
        response("Failed", field("error", STRING), failure=True),
    )
    worker = with_serde(build("FlatWorker", *variants), variants)
    return worker, Project((worker,), route_project().types)


def test_flattened_keys_in_the_scaffold_and_the_entry():
    worker, project = flat_worker()
    handlers = emit_handlers(project, worker).content
    assert "    const { lat, lon, zoom } = request;\n" in handlers
    assert " * @param {number} request.lat  Rust `?`\n" in handlers
    assert "request['']" not in handlers
    entry = emit_entry(alone(worker), worker).content
    name = next(v for v in worker.responses if v.name == "Moved").fields[0].js_name
    assert f"moved: ({name}) => answer.send('Moved', {name}, true),\n" in entry


FLAT_HANDLERS = """\
export async function handleLocate({ lat, lon, zoom }, reply) {
    reply.moved({ lat: lat + zoom, lon });
}

export async function handleDraw({ shape }, reply) {
    reply.drawn({ shape: shape.type === 'Circle' ? { ...shape, radius: shape.radius * 2 } : shape });
}
"""


@needs_node
def test_domain_values_cross_the_entry_as_the_schema_says(tmp_path):
    worker, project = flat_worker()
    files = {
        f"workers/{worker.js.worker_file}": emit_entry(alone(worker), worker).content,
        f"workers/{worker.js.handlers_file}": FLAT_HANDLERS,
    }
    log = run_node(
        tmp_path,
        files,
        """\
import { log, settle, done } from './harness.mjs';
import './workers/flat_worker.js';
const send = (id, type, data) => self.onmessage(new MessageEvent('message', { data: { id, type, data } }));
send(1, 'Locate', { lat: 1, lon: 2, zoom: 3 });
send(2, 'Draw', { shape: { type: 'Circle', center: { lat: 0, lon: 0 }, radius: 1.5 } });
send(3, 'Draw', { shape: { type: 'Polygon', value: [{ lat: 1, lon: 1 }] } });
await settle();
done();
""",
    )
    assert log["fromWorker"] == [
        {"id": 1, "type": "Moved", "data": {"lat": 4, "lon": 2}},
        {"id": 2, "type": "Drawn", "data": {"shape": {"type": "Circle", "center": {"lat": 0, "lon": 0}, "radius": 3}}},
        {"id": 3, "type": "Drawn", "data": {"shape": {"type": "Polygon", "value": [{"lat": 1, "lon": 1}]}}},
    ]
    contract = Contract(worker, project)
    for message in log["fromWorker"]:
        assert contract.validators["ResponseEnvelope"].is_valid(message), message
    assert not contract.validators["ResponseEnvelope"].is_valid(
        {"id": 1, "type": "Moved", "data": {"value": {"lat": 4, "lon": 2}}}
    )
    assert contract.validators["RequestEnvelope"].is_valid(
        {"id": 1, "type": "Locate", "data": {"lat": 1, "lon": 2, "zoom": 3}}
    )


def test_the_scaffold_types_serde_types_as_serde_writes_them(tmp_path, monkeypatch):
    source = """\
#[derive(Serialize, Deserialize)]
pub struct Point { pub x_pos: f64 }
#[derive(Serialize, Deserialize)]
pub enum Shape { Circle { center_point: Point }, Square(f64), Pair(u8, String), Dot, V(), W {},
                 #[serde(rename = "constructor")] Ctor(Option<u8>) }
pub struct Plain { pub x_pos: f64 }
#[derive(BuildAmpWorker)]
pub enum DrawWorkerMessage { Draw { shape: Shape, plain: Plain }, DrawFailed { error: String } }
"""
    worker = load(tmp_path, monkeypatch, source)["DrawWorker"]
    project, _ = hamlet.load(["src"])
    content = emit_handlers(project, worker).content
    for line in (
        " * @typedef {{ x_pos: number }} Point\n",
        " * @typedef {{ xPos: number }} Plain\n",
        " * @typedef {{ Circle: { center_point: Point } } | { Square: number } | { Pair: [number, string] }"
        " | 'Dot' | { V: [] } | { W: {} } | { constructor: number | null }} Shape\n",
    ):
        assert line in content, line
    if NODE:
        check_module(content)
