"""Property tests: random worker enums printed as Rust, parsed and resolved for real.

    test_random_worker_resolves_as_written
        A random worker enum (variant names and shapes, field names with raw identifiers
        and Elm/JS reserved words, field types from the contract's mapping table,
        section comments, `#[worker(...)]` marks, docs, one failure variant) resolves to
        the model the contract describes: names, tags, shapes, directions and the rule
        that decided each, failure and progress flags, field types and wire names.
    test_serde_renames_reach_the_wire
        The same with serde `rename` on fields and variants, `rename_all` on the enum
        (variant tags) and on struct variants (their fields).
    test_an_elm_module_defines_exactly_the_helpers_it_calls
        The same workers, some fields renamed to keys Elm's codecs take care with
        (`__proto__`, `constructor`...): the Elm module defines exactly the helpers it
        calls and imports `Dict` exactly when it uses it.
    test_any_field_name_gives_valid_distinct_names
    test_any_wire_key_gives_valid_distinct_names
    test_any_variant_names_give_valid_distinct_names
        Any Rust identifiers (and any serde-renamed keys) give valid Elm and JS
        identifiers, distinct within their scope, or an error: never a silent clash.
    test_naming_makes_identifiers_of_anything
        `naming.elm_field` / `naming.js_local` on arbitrary keys.

The expectations are computed here from the contract, not by calling the code under test
(the reserved words are listed again on purpose). Runtime stays moderate for CI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from hamlet import naming
from hamlet.emit.elm import emit_elm
from hamlet.model import DictT, Direction, ListT, MaybeT, Prim, PrimT, Rule, Shape, TupleT
from hamlet.resolve import resolve
from hamlet.read.rust import parse_source

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

ELM_LOWER = re.compile(r"[a-z][A-Za-z0-9_]*")
ELM_UPPER = re.compile(r"[A-Z][A-Za-z0-9_]*")
JS_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
# Elm 0.19's keywords and the words a port/effect module header reserves.
ELM_WORDS = set(
    "if then else case of let in type module where import exposing as port alias infix "
    "effect command subscription".split()
)
# ECMAScript reserved words, strict-mode ones, and names a strict binding cannot take.
JS_WORDS = set(
    "break case catch class const continue debugger default delete do else enum export "
    "extends false finally for function if import in instanceof new null return super "
    "switch this throw true try typeof var void while with yield let static implements "
    "interface package private protected public await arguments eval".split()
)
# What the generated JS binds around a message field's local: a handler's parameters
# (`handleX(request, reply)`) and the entry's `answer`.
JS_BOUND = {"request", "reply", "answer"}
RUST_STRICT = set(
    "as break const continue crate else enum extern false fn for if impl in let loop match "
    "mod move mut pub ref return self Self static struct super trait true type unsafe use "
    "where while async await dyn abstract become box do final macro override priv typeof "
    "unsized virtual yield try".split()
)
from support.elm import assert_needs_exact
NOT_RAW = {"crate", "self", "super", "Self"}


def elm_lower_ok(name: str) -> bool:
    return bool(ELM_LOWER.fullmatch(name)) and name not in ELM_WORDS


def js_ok(name: str) -> bool:
    return bool(JS_IDENT.fullmatch(name)) and name not in JS_WORDS


def rust_ident(name: str) -> str:
    """How a field named `name` is written in Rust: keywords as raw identifiers."""
    return f"r#{name}" if name in RUST_STRICT else name


# ---- what serde does (serde_derive/src/internals/case.rs), written out independently -----


def camel(field_name: str) -> str:
    pascal = "".join(part[:1].upper() + part[1:] for part in field_name.split("_"))
    return pascal[:1].lower() + pascal[1:]


def variant_rename(style: str, variant: str) -> str:
    snake = "".join(("_" if i and c.isupper() else "") + c.lower() for i, c in enumerate(variant))
    return {
        "lowercase": variant.lower(),
        "UPPERCASE": variant.upper(),
        "PascalCase": variant,
        "camelCase": variant[:1].lower() + variant[1:],
        "snake_case": snake,
        "SCREAMING_SNAKE_CASE": snake.upper(),
        "kebab-case": snake.replace("_", "-"),
        "SCREAMING-KEBAB-CASE": snake.upper().replace("_", "-"),
    }[style]


def field_rename(style: str, field_name: str) -> str:
    pascal = "".join(part[:1].upper() + part[1:] for part in field_name.split("_"))
    return {
        "lowercase": field_name,
        "UPPERCASE": field_name.upper(),
        "PascalCase": pascal,
        "camelCase": pascal[:1].lower() + pascal[1:],
        "snake_case": field_name,
        "SCREAMING_SNAKE_CASE": field_name.upper(),
        "kebab-case": field_name.replace("_", "-"),
        "SCREAMING-KEBAB-CASE": field_name.upper().replace("_", "-"),
    }[style]


def lower_camel(name: str) -> str:
    """The contract's lowerCamel for the ASCII names generated here: the leading
    uppercase run is a word, an acronym loses its last letter to the next word."""
    run = len(name) - len(name.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if run > 1 and run < len(name) and name[run].islower():
        run -= 1
    return name[:run].lower() + name[run:]


# ---- field types: (Rust text, the model type the contract maps it to) --------------------

BOOL, INT, FLOAT, STRING = (PrimT(p) for p in (Prim.BOOL, Prim.INT, Prim.FLOAT, Prim.STRING))
LEAVES = st.sampled_from(
    [("bool", BOOL), ("String", STRING), ("char", STRING), ("&'static str", STRING),
     ("f32", FLOAT), ("f64", FLOAT)]
    + [(t, INT) for t in "i8 i16 i32 i64 u8 u16 u32 u64 isize usize".split()]
)


def _wrap(inner):
    lists = st.sampled_from(["Vec<{}>", "VecDeque<{}>", "HashSet<{}>", "BTreeSet<{}>",
                             "std::collections::BTreeSet<{}>", "[{}; 3]", "&'static [{}]"])
    maps = st.sampled_from(["HashMap<String, {}>", "BTreeMap<String, {}>",
                            "std::collections::HashMap<String, {}>"])
    pointers = st.sampled_from(["Box<{}>", "Rc<{}>", "Arc<{}>", "std::sync::Arc<{}>"])
    return st.one_of(
        st.tuples(lists, inner).map(lambda p: (p[0].format(p[1][0]), ListT(p[1][1]))),
        inner.map(lambda t: (f"Option<{t[0]}>", MaybeT(t[1]))),
        st.tuples(maps, inner).map(lambda p: (p[0].format(p[1][0]), DictT(p[1][1]))),
        st.tuples(pointers, inner).map(lambda p: (p[0].format(p[1][0]), p[1][1])),
        st.lists(inner, min_size=2, max_size=3).map(
            lambda items: (f"({', '.join(t for t, _ in items)})",
                           TupleT(tuple(m for _, m in items)))
        ),
    )


TYPES = st.recursive(LEAVES, _wrap, max_leaves=5)

# ---- names -------------------------------------------------------------------------

VERBS = ["Load", "Fetch", "Parse", "Compute", "Resize", "Cancel", "Search", "Sync", "Render",
         "Export", "Plant", "Set", "Start", "Stop", "Ping", "Index", "Open", "Find"]
NOUNS = ["Image", "Route", "Track", "Feed", "Seed", "Speed", "Tile", "Map", "Stats", "All",
         "Query", "Page", "Vec2", "Item", "Node", "Job"]
ACRONYMS = ["CSV", "GPX", "HTTP", "URL", "ID", "JSON", "X"]
RESPONSE_WORDS = ["Parsed", "Done", "Completed", "Complete", "Result", "Results", "Ready",
                  "Finished", "Calculated", "Response", "Loaded", "Progress"]
FAILURE_WORDS = ["Failed", "Failure", "Error"]
FIELD_WORDS = ["image", "url", "max", "width", "lat", "lon", "x", "y2", "value", "data",
               "tag", "a", "b", "request", "decoder", "item", "id", "html", "x86"]
ELM_ONLY_RESERVED = ["case", "of", "then", "module", "exposing", "port", "alias", "infix",
                     "effect", "command", "subscription", "import"]
JS_ONLY_RESERVED = ["class", "default", "delete", "new", "null", "this", "function", "var",
                    "void", "with", "public", "private", "package", "interface", "arguments",
                    "eval", "instanceof", "switch", "throw", "catch", "finally", "export"]
RUST_RAW = sorted(RUST_STRICT - NOT_RAW - {"type"})

words = st.sampled_from
request_names = st.builds(
    lambda v, rest: v + "".join(rest), words(VERBS), st.lists(words(NOUNS + ACRONYMS), max_size=2)
)
response_names = st.builds(
    lambda rest, w: "".join(rest) + w, st.lists(words(NOUNS + ACRONYMS), max_size=2),
    words(RESPONSE_WORDS),
)
snake_fields = st.lists(words(FIELD_WORDS), min_size=1, max_size=3).map("_".join)
field_names = st.one_of(
    snake_fields, words(ELM_ONLY_RESERVED), words(JS_ONLY_RESERVED), words(RUST_RAW),
    snake_fields.map(lambda n: "_" + n),
).filter(lambda n: camel(n) != "type")

SECTIONS = {
    Direction.REQUEST: ["// Main → Worker", "// main -> worker", "/* Main => Worker */",
                        "// Sent by the main thread to the worker", "// MAIN to WORKER"],
    Direction.RESPONSE: ["// Worker → Main", "// Worker ‚Üí Main", "// worker => main thread",
                         "/* Worker to main */"],
    None: ["// TODO: more variants", "// keep these in sync with the handlers"],
}


@dataclass
class FieldSpec:
    name: str | None  # Rust name without r#; None for a positional field
    rust_type: str
    model: object
    docs: str = ""
    rename: str | None = None


@dataclass
class VariantSpec:
    name: str
    shape: Shape
    fields: list[FieldSpec]
    mark: str | None  # the #[worker(...)] word
    section: Direction | None  # a section comment above it, if any
    noise: bool  # a comment above it that is not a section comment
    docs: str
    convention: Direction  # what its name says
    failure: bool = False
    rename: str | None = None
    rename_all: str | None = None  # serde `rename_all` on the variant: its fields
    expected: tuple = field(default=())  # (direction, rule, is_progress)


@st.composite
def fields_of(draw, shape: Shape) -> list[FieldSpec]:
    if shape is Shape.UNIT:
        return []
    types = draw(st.lists(TYPES, min_size=1 if shape is Shape.TUPLE else 0, max_size=4))
    if shape is Shape.TUPLE:
        return [FieldSpec(None, text, model) for text, model in types]
    names = draw(st.lists(field_names, min_size=len(types), max_size=len(types),
                          unique_by=camel))
    docs = draw(st.lists(st.sampled_from(["", "The width, in pixels.", "Where it is."]),
                         min_size=len(types), max_size=len(types)))
    return [FieldSpec(n, text, model, d) for n, (text, model), d in zip(names, types, docs)]


@st.composite
def variant_specs(draw) -> VariantSpec:
    convention = draw(st.sampled_from([Direction.REQUEST, Direction.RESPONSE]))
    name = draw(request_names if convention is Direction.REQUEST else response_names)
    shape = draw(st.sampled_from(list(Shape)))
    return VariantSpec(
        name=name,
        shape=shape,
        fields=draw(fields_of(shape)),
        mark=draw(st.sampled_from([None, None, "request", "response", "progress"])),
        section=draw(st.sampled_from([None, None, None, Direction.REQUEST, Direction.RESPONSE])),
        noise=draw(st.booleans()),
        docs=draw(st.sampled_from(["", "Sent when the work is done.", "One line.\nTwo lines."])),
        convention=convention,
    )


@st.composite
def failure_spec(draw) -> VariantSpec:
    name = draw(st.sampled_from(NOUNS + ACRONYMS + [""])) + draw(st.sampled_from(FAILURE_WORDS))
    shape = draw(st.sampled_from([Shape.STRUCT, Shape.TUPLE]))
    field_name = draw(st.sampled_from(["error", "message", "reason"])) if shape is Shape.STRUCT else None
    return VariantSpec(
        name=name, shape=shape, fields=[FieldSpec(field_name, "String", STRING)],
        mark=draw(st.sampled_from(["error", "response", None])), section=None, noise=False,
        docs="", convention=Direction.RESPONSE, failure=True,
    )


@st.composite
def workers(draw):
    """(base, variants) with every expectation filled in, or rejected when the enum
    would have no request."""
    base = draw(st.sampled_from(NOUNS + ACRONYMS)) + draw(st.sampled_from(["Worker", "Jobs"]))
    variants = draw(st.lists(variant_specs(), min_size=1, max_size=6, unique_by=lambda v: v.name))
    failure = draw(failure_spec())
    variants.insert(draw(st.integers(0, len(variants))), failure)
    section = None
    for v in variants:
        if v.section is not None:
            section = v.section
        if v.failure and v.mark is None and section is Direction.REQUEST:
            v.mark = "error"  # a request section would make it a request: mark it
        if v.mark is not None:
            direction = Direction.REQUEST if v.mark == "request" else Direction.RESPONSE
            rule = Rule.ATTRIBUTE
        elif section is not None:
            direction, rule = section, Rule.SECTION
        else:
            direction, rule = v.convention, Rule.CONVENTION
        progress = v.mark == "progress" or (
            direction is Direction.RESPONSE and naming.split_words(v.name)[-1] == "Progress"
        )
        v.expected = (direction, rule, progress)
    assume(any(v.expected[0] is Direction.REQUEST for v in variants))
    return base, variants


# ---- printing Rust -------------------------------------------------------------------


def rust_field(f: FieldSpec) -> str:
    attrs = f"#[serde(rename = {f.rename!r})] ".replace("'", '"') if f.rename else ""
    docs = f"/// {f.docs}\n        " if f.docs else ""
    if f.name is None:
        return f"{attrs}{f.rust_type}"
    return f"{docs}{attrs}{rust_ident(f.name)}: {f.rust_type}"


def rust_enum(base: str, variants: list[VariantSpec], enum_attrs: str = "",
              derive: str = "#[derive(BuildAmpWorker)]", module: str | None = None) -> str:
    lines = [derive]
    if enum_attrs:
        lines.append(enum_attrs)
    lines.append(f"pub enum {base}Message {{")
    for v in variants:
        if v.noise:
            lines.append(f"    {SECTIONS[None][len(v.name) % 2]}")
        if v.section is not None:
            lines.append(f"    {SECTIONS[v.section][len(v.name) % len(SECTIONS[v.section])]}")
        lines.extend(f"    /// {line}" for line in v.docs.split("\n") if v.docs)
        if v.mark:
            lines.append(f"    #[worker({v.mark})]")
        if v.rename:
            lines.append(f'    #[serde(rename = "{v.rename}")]')
        if v.rename_all:
            lines.append(f'    #[serde(rename_all = "{v.rename_all}")]')
        if v.shape is Shape.UNIT:
            lines.append(f"    {v.name},")
        elif v.shape is Shape.TUPLE:
            lines.append(f"    {v.name}({', '.join(rust_field(f) for f in v.fields)}),")
        else:
            body = "".join(f"\n        {rust_field(f)}," for f in v.fields)
            lines.append(f"    {v.name} {{{body}\n    }},")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    if module:
        text = f"mod {module} {{\n{text}}}\n"
    return text


def resolve_text(text: str):
    parsed = parse_source("lib.rs", text.encode("utf-8"))
    assert parsed.diagnostics == (), text
    project, diagnostics = resolve([parsed])
    return project, list(diagnostics)


def check_names(worker, text: str) -> None:
    """Every name the worker's Elm and JS use is a valid identifier, distinct in its scope."""
    commands = [v.command for v in worker.requests]
    assert len(set(commands)) == len(commands), text
    assert all(elm_lower_ok(c) for c in commands), (commands, text)
    assert all(ELM_UPPER.fullmatch(v.name) for v in worker.variants), text
    replies = [v.reply for v in worker.responses]
    assert len(set(replies)) == len(replies), text
    handlers = [v.handler for v in worker.requests]
    assert all(js_ok(h) for h in handlers) and len(set(handlers)) == len(handlers), text
    top = set(commands) | {worker.elm.send, worker.elm.subscribe, worker.elm.send_port,
                           worker.elm.response_port}
    for v in worker.variants:
        params = [f.elm_param for f in v.fields]
        assert all(elm_lower_ok(p) for p in params), (params, text)
        assert len(set(params)) == len(params) and not set(params) & top, (params, text)
        js = [f.js_name for f in v.fields]
        assert all(js_ok(n) for n in js) and len(set(js)) == len(js), (js, text)
        assert not set(js) & JS_BOUND, (js, text)
        if v.shape is Shape.STRUCT:
            elm = [f.elm_name for f in v.fields]
            assert all(elm_lower_ok(n) for n in elm), (elm, text)
            assert len(set(elm)) == len(elm), (elm, text)


# ---- (a) random workers resolve to the model the contract describes -------------------


@SETTINGS
@given(workers(), st.sampled_from([
    "#[derive(BuildAmpWorker)]", "#[derive(Debug, Clone, hamlet::BuildAmpWorker)]",
    "#[derive(Debug)]\n#[derive(BuildAmpWorker, PartialEq)]",
]), st.sampled_from([None, "workers"]))
def test_random_worker_resolves_as_written(spec, derive, module):
    base, variants = spec
    text = rust_enum(base, variants, derive=derive, module=module)
    project, diagnostics = resolve_text(text)
    assert diagnostics == [], text
    (worker,) = project.workers
    assert (worker.enum_name, worker.base) == (f"{base}Message", base)
    assert [v.name for v in worker.variants] == [v.name for v in variants]
    for got, want in zip(worker.variants, variants):
        direction, rule, progress = want.expected
        assert (got.tag, got.shape, got.direction, got.rule) == (want.name, want.shape, direction, rule), text
        assert (got.is_failure, got.is_progress, got.docs) == (want.failure, progress, want.docs), text
        if got.is_request:
            assert got.command == lower_camel(want.name), text
        else:
            assert got.reply == lower_camel(want.name), text
        assert len(got.fields) == len(want.fields), text
        for f, w in zip(got.fields, want.fields):
            assert (f.rust_name, f.type, f.rust_type, f.docs) == (w.name, w.model, w.rust_type, w.docs), text
            if w.name is None:
                assert (f.wire_name, f.elm_name) == ("", ""), text
                continue
            wire = camel(w.name)
            assert f.wire_name == wire, text
            assert f.elm_name == (wire + "_" if wire in ELM_WORDS else wire), text
            assert f.js_name == (wire + "_" if wire in JS_WORDS | JS_BOUND else wire), text
    check_names(worker, text)


STYLES = ["lowercase", "UPPERCASE", "PascalCase", "camelCase", "snake_case",
          "SCREAMING_SNAKE_CASE", "kebab-case", "SCREAMING-KEBAB-CASE"]
wire_keys = st.text(
    st.sampled_from("abcXYZ019-_ .é"), min_size=1, max_size=8
).filter(lambda k: k != "type")


@SETTINGS
@given(workers(), st.sampled_from([None] + STYLES), st.data())
def test_serde_renames_reach_the_wire(spec, style, data):
    base, variants = spec
    for v in variants:
        if data.draw(st.booleans()):
            v.rename = data.draw(st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{0,8}", fullmatch=True))
        if v.shape is Shape.STRUCT:
            v.rename_all = data.draw(st.sampled_from([None] + STYLES))
        for f in v.fields:
            if f.name is not None and data.draw(st.booleans()):
                f.rename = data.draw(wire_keys)
    tags = [v.rename or (variant_rename(style, v.name) if style else v.name) for v in variants]
    assume(len(set(tags)) == len(tags))
    def wire(v: VariantSpec, f: FieldSpec) -> str:
        return f.rename or (field_rename(v.rename_all, f.name) if v.rename_all else camel(f.name))

    for v in variants:
        wires = [wire(v, f) for f in v.fields if f.name is not None]
        assume(len(set(wires)) == len(wires) and "type" not in wires)
    enum_attrs = f'#[serde(rename_all = "{style}")]' if style else ""
    text = rust_enum(base, variants, enum_attrs)
    project, diagnostics = resolve_text(text)
    assert [d.render() for d in diagnostics if d.is_error] == [], text
    (worker,) = project.workers
    assert [v.tag for v in worker.variants] == tags, text
    assert [v.name for v in worker.variants] == [v.name for v in variants], text
    for got, want in zip(worker.variants, variants):
        named = [w for w in want.fields if w.name is not None]
        if named:
            assert [f.wire_name for f in got.fields] == [wire(want, w) for w in named], text
    check_names(worker, text)


# Keys that need care in Elm's codecs: Object.prototype's members, and Elm's locals.
CAREFUL_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "value", "data", "tag"]


@SETTINGS
@given(workers(), st.data())
def test_an_elm_module_defines_exactly_the_helpers_it_calls(spec, data):
    """Its helpers and imports are worked out from the model before printing
    (`elm_needs`): printing fails on one missing, and this finds one too many."""
    base, variants = spec
    for v in variants:
        keys = data.draw(st.lists(st.sampled_from(CAREFUL_KEYS), unique=True,
                                  min_size=len(v.fields), max_size=len(v.fields)))
        for f, key in zip(v.fields, keys):
            if f.name is not None and data.draw(st.booleans()):
                f.rename = key
    text = rust_enum(base, variants)
    project, diagnostics = resolve_text(text)
    assume(not [d for d in diagnostics if d.is_error])  # two fields renamed alike
    (worker,) = project.workers
    names = {worker.elm.optional_field, worker.elm.default_field, *dict(worker.elm.helpers).values()}
    assert_needs_exact(emit_elm(project, worker).content, names)


# ---- (b) any identifiers: valid and distinct names, or an error ------------------------

rust_identifiers = st.one_of(
    st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,12}", fullmatch=True),
    st.from_regex(r"_[A-Za-z0-9_]{1,8}", fullmatch=True),
    st.sampled_from(sorted(ELM_WORDS | JS_WORDS | JS_BOUND | RUST_STRICT) + ["Type", "Port", "If"]),
).filter(lambda n: n not in NOT_RAW and n != "_")

CALM_WORKER = """\
#[derive(BuildAmpWorker)]
pub enum NameWorkerMessage {{
    // Main → Worker
{requests}
    // Worker → Main
{responses}
    #[worker(error)]
    Failed {{ error: String }},
}}
"""


def _outcome(text: str):
    parsed = parse_source("lib.rs", text.encode("utf-8"))
    project, diagnostics = resolve([parsed])
    errors = [d for d in list(parsed.diagnostics) + list(diagnostics) if d.is_error]
    for d in errors:  # a clear error: placed in the file, with a message
        assert d.loc.path == "lib.rs" and d.loc.line >= 1 and d.message, d
    return project, errors


@SETTINGS
@given(st.lists(rust_identifiers, min_size=1, max_size=6, unique_by=lambda n: n))
def test_any_field_name_gives_valid_distinct_names(names):
    body = "".join(f"\n        {rust_ident(n)}: u32," for n in names)
    text = CALM_WORKER.format(requests=f"    Go {{{body}\n    }},", responses="    Went,")
    project, errors = _outcome(text)
    if errors:
        return
    check_names(project.workers[0], text)


@SETTINGS
@given(st.lists(wire_keys, min_size=1, max_size=6, unique_by=lambda n: n))
@example(["Content-Type", "contentType"])
@example(["case", "case_"])
def test_any_wire_key_gives_valid_distinct_names(keys):
    body = "".join(
        f'\n        #[serde(rename = "{k}")]\n        f{i}: u32,' for i, k in enumerate(keys)
    )
    text = CALM_WORKER.format(requests=f"    Go {{{body}\n    }},", responses="    Went,")
    project, errors = _outcome(text)
    if errors:
        return
    (worker,) = project.workers
    assert [f.wire_name for f in worker.requests[0].fields] == keys, text
    check_names(worker, text)


@SETTINGS
@given(st.lists(rust_identifiers, min_size=2, max_size=6, unique_by=lambda n: n),
       st.integers(1, 6))
@example(["CSVLoad", "CsvLoad"], 2)  # one lowerCamel for both
@example(["Start", "GPXParsed", "GpxParsed"], 1)  # one reply method for both
@example(["Import", "Done"], 1)  # `import` is an Elm keyword
def test_any_variant_names_give_valid_distinct_names(names, split):
    assume("Failed" not in names)
    split = max(1, min(split, len(names)))
    requests = "\n".join(f"    {rust_ident(n)}(u32)," for n in names[:split])
    responses = "\n".join(f"    #[worker(response)]\n    {rust_ident(n)}," for n in names[split:])
    text = CALM_WORKER.format(requests=requests, responses=responses)
    project, errors = _outcome(text)
    if errors:
        return
    check_names(project.workers[0], text)


@SETTINGS
@given(st.one_of(rust_identifiers, st.text(min_size=0, max_size=10)))
def test_naming_makes_identifiers_of_anything(key):
    assert elm_lower_ok(naming.elm_field(key)), key
    assert js_ok(naming.js_local(key)), key
    if re.fullmatch(r"[A-Za-z0-9_]+", key):
        assert elm_lower_ok(naming.elm_field(naming.serde_camel(key))), key
