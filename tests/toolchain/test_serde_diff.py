"""The generated Elm codecs against real serde_json, value by value.

tests/serde_diff is a Rust crate with domain types of every shape and serde attribute
Hamlet supports (adapted from the cases of serde's and typeshare's own test suites),
types that rely on serde's defaults alone (keys as written, externally tagged enums of
every variant shape, nested, recursive and inside the other representations), and a
worker that reaches them all. Its program prints, with serde_json, sample values of
each type and hand-written JSON probes, some of which serde rejects. Hamlet generates
the Elm for the crate; a `Platform.worker` harness decodes every one of those JSON texts
with the generated decoder and encodes the result again, run in node. serde reads each
text too, and reads back what Elm wrote.

    test_serde_reads_each_sample_it_writes
                                    the test's own data is sound
    test_elm_decodes_every_sample   every value serde writes decodes in Elm
    test_elm_writes_each_sample_as_serde_does
                                    and Elm's encoding of it is the JSON serde writes
                                    for the value it reads
    test_serde_reads_back_what_elm_writes
                                    and serde reads Elm's JSON to the same value
    test_elm_and_serde_agree_on_every_probe
                                    on JSON serde did not write (arrays for structs,
                                    missing keys, `constructor` and `__proto__` keys, the
                                    order of untagged variants, wrong lengths): Elm
                                    fails exactly where serde fails, and otherwise
                                    writes back what serde writes back
    test_the_probes_include_what_serde_rejects
                                    so that the agreement covers failures too

One cargo build (its target folder in pytest's cache folder, so that reruns are quick),
one `hamlet generate`, one `elm make` (the `elm_compiler` fixture), one node run;
under CI=true a missing tool fails the test instead of skipping it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import procs
from support.procs import ROOT, explain, hamlet, node, run
from support.serde_diff import CRATE, TYPES_RS, printed_rows, serde_diff_program

from hamlet import load


# ---- the tools ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def serde_program(request, tmp_path_factory) -> Path:
    return serde_diff_program(request, tmp_path_factory)


# ---- the harness ----------------------------------------------------------------------------

HARNESS = """\
port module Harness exposing (main)

import Json.Decode as Decode
import Json.Encode as Encode
{imports}


port results : List String -> Cmd msg


port inputs : (List ( String, String ) -> msg) -> Sub msg


main : Program () () (List ( String, String ))
main =
    Platform.worker
        {{ init = \\_ -> ( (), Cmd.none )
        , update = \\pairs _ -> ( (), results (List.map run pairs) )
        , subscriptions = \\_ -> inputs Basics.identity
        }}


run : ( String, String ) -> String
run ( name, json ) =
    case name of
{cases}
        _ ->
            "err\\tno codec for " ++ name


roundTrip : Decode.Decoder a -> (a -> Encode.Value) -> String -> String
roundTrip decoder encode json =
    case Decode.decodeString decoder json of
        Ok value ->
            "ok\\t" ++ Encode.encode 0 (encode value)

        Err error ->
            "err\\t" ++ String.replace "\\n" " " (Decode.errorToString error)
"""

RUNNER = """\
const { Elm } = require('./harness.js');
const pairs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const app = Elm.Harness.init();
app.ports.results.subscribe((lines) => process.stdout.write(JSON.stringify(lines)));
app.ports.inputs.send(pairs);
"""


def harness_source(project) -> str:
    """A case per Rust type name (and the worker's two message types), each decoding with
    the generated decoder and encoding with the generated encoder; names from the model."""
    codecs = {}
    for t in project.types:
        codecs[t.rust_name] = (f"{project.types_names.module}.{t.decoder}",
                               f"{project.types_names.module}.{t.encoder}")
    modules = [project.types_names.module]
    for worker in project.workers:
        elm = worker.elm
        modules.append(elm.module)
        codecs[elm.request_type] = (f"{elm.module}.{elm.request_decoder}",
                                    f"{elm.module}.{elm.encode_request}")
        codecs[elm.response_type] = (f"{elm.module}.{elm.response_decoder}",
                                     f"{elm.module}.{elm.encode_response}")
    cases = "\n".join(
        f'        "{name}" ->\n            roundTrip {decoder} {encoder} json\n'
        for name, (decoder, encoder) in sorted(codecs.items())
    )
    imports = "\n".join(f"import {module}" for module in modules)
    return HARNESS.format(imports=imports, cases=cases)


@pytest.fixture(scope="module")
def elm_harness(tmp_path_factory, elm_compiler) -> Path:
    """`hamlet generate` for the crate, and the harness compiled with its Elm into
    harness.js beside the node runner; returns that folder."""
    folder = tmp_path_factory.mktemp("serde-diff")
    generated = hamlet("generate", TYPES_RS, "--no-cache", "--elm-out", folder / "src",
                       "--js-out", folder / "js", "--worker-out", folder / "workers", cwd=ROOT)
    assert generated.returncode == 0, explain(generated)
    project, diagnostics = load([str(TYPES_RS)])
    assert not [d for d in diagnostics if d.is_error]
    (folder / "src" / "Harness.elm").write_text(harness_source(project), encoding="utf-8")
    elm_compiler.init(folder, ["src"])
    made = elm_compiler.make(folder, ["src/Harness.elm"], output=str(folder / "harness.js"))
    assert made.returncode == 0, explain(made)
    # Every shape at once, laid out as elm-format would.
    assert procs.elm_format_problems([folder / "src" / "Workers"], cwd=folder) == ""
    (folder / "run.js").write_text(RUNNER, encoding="utf-8")
    return folder


# ---- the runs --------------------------------------------------------------------------------


def answers(lines: list[str]) -> list[tuple[bool, str]]:
    """`ok<TAB>json` / `err<TAB>message` -> (True, json) / (False, message)."""
    out = []
    for line in lines:
        status, _, rest = line.partition("\t")
        assert status in ("ok", "err"), line
        out.append((status == "ok", rest))
    return out


def serde_check(program: Path, pairs: list[tuple[str, str]]) -> list[tuple[bool, str]]:
    checked = run([program, "check"], cwd=CRATE, stdin="".join(f"{t}\t{j}\n" for t, j in pairs))
    assert checked.returncode == 0, explain(checked)
    found = answers(checked.stdout.splitlines())
    assert len(found) == len(pairs)
    return found


def elm_check(harness: Path, pairs: list[tuple[str, str]]) -> list[tuple[bool, str]]:
    ran = run([node(), "run.js"], cwd=harness, stdin=json.dumps(pairs))
    assert ran.returncode == 0, explain(ran)
    found = answers(json.loads(ran.stdout))
    assert len(found) == len(pairs)
    return found


@pytest.fixture(scope="module")
def runs(serde_program, elm_harness):
    """Every JSON text of the crate with what serde and Elm make of it, and what serde
    makes of Elm's JSON: a list of dicts with kind, type, json, serde, elm, back."""
    rows = printed_rows(serde_program)
    pairs = [(name, text) for _, name, text in rows]
    by_serde = serde_check(serde_program, pairs)
    by_elm = elm_check(elm_harness, pairs)
    written = [(name, out) for (name, _), (ok, out) in zip(pairs, by_elm) if ok]
    back = iter(serde_check(serde_program, written))
    return [
        {"kind": kind, "type": name, "json": text, "serde": serde, "elm": elm,
         "back": next(back) if elm[0] else None}
        for (kind, name, text), serde, elm in zip(rows, by_serde, by_elm)
    ]


def same_json(a: str, b: str) -> bool:
    """Equal as JSON values: key order aside, and 2.0 == 2 (JavaScript has one number)."""
    return json.loads(a) == json.loads(b)


def report(rows, describe) -> str:
    return "\n".join(f"{r['type']} {r['json']}\n    {describe(r)}" for r in rows)


def samples(runs):
    found = [r for r in runs if r["kind"] == "sample"]
    assert len(found) > 150
    return found


# ---- the checks ------------------------------------------------------------------------------


def test_serde_reads_each_sample_it_writes(runs):
    """The test's own data is sound. A few samples come back as another value: an
    untagged enum's earlier variant takes them (serde reads `[3.0, 4.0]`, its own `Pair`,
    as the `LatLng` of `Named`), which is what the probes of Elm's choices are for."""
    wrong = [r for r in samples(runs) if not r["serde"][0]]
    assert not wrong, report(wrong, lambda r: f"serde: {r['serde']}")
    changed = [r for r in samples(runs) if not same_json(r["serde"][1], r["json"])]
    assert len(changed) < len(samples(runs)) // 20, report(changed, lambda r: f"serde: {r['serde']}")


def test_elm_decodes_every_sample(runs):
    failed = [r for r in samples(runs) if not r["elm"][0]]
    assert not failed, report(failed, lambda r: f"Elm: {r['elm'][1]}")


def test_elm_writes_each_sample_as_serde_does(runs):
    """What Elm writes for the value it read is what serde writes for the value it read."""
    wrong = [r for r in samples(runs) if r["elm"][0] and not same_json(r["elm"][1], r["serde"][1])]
    assert not wrong, report(wrong, lambda r: f"serde wrote {r['serde'][1]}\n    Elm wrote   {r['elm'][1]}")


def test_serde_reads_back_what_elm_writes(runs):
    wrong = [
        r for r in runs
        if r["elm"][0] and r["serde"][0]
        and not (r["back"][0] and same_json(r["back"][1], r["serde"][1]))
    ]
    assert not wrong, report(wrong, lambda r: f"Elm wrote {r['elm'][1]}; serde: {r['back']}")
    assert sum(1 for r in runs if r["back"] is not None and r["back"][0]) > 150


def test_elm_and_serde_agree_on_every_probe(runs):
    probes = [r for r in runs if r["kind"] == "probe"]
    assert len(probes) > 100
    wrong = [
        r for r in probes
        if r["elm"][0] != r["serde"][0]
        or (r["elm"][0] and not same_json(r["elm"][1], r["serde"][1]))
    ]
    assert not wrong, report(wrong, lambda r: f"serde: {r['serde']}\n    Elm:   {r['elm']}")


def test_the_probes_include_what_serde_rejects(runs):
    probes = [r for r in runs if r["kind"] == "probe"]
    rejected = [r for r in probes if not r["serde"][0]]
    accepted = [r for r in probes if r["serde"][0]]
    assert len(rejected) > 40 and len(accepted) > 40, (len(rejected), len(accepted))
