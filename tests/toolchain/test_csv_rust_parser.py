"""examples/csv-rust's CSV parser against examples/csv-app's: the two examples must give
the same rows, the same error message and the same line for the same text.

    test_rust_unit_tests             `cargo test` on the crate (its own tests and doc test)
    test_parsers_agree               about 3,000 texts, hand-picked and random, through both
                                     parsers: `node` runs workers/csv.js, cargo runs the
                                     crate's `csv_json` example

The random texts come from a small alphabet that hits every branch: quotes, commas, the
three line breaks, a byte order mark, and characters of one, two and four UTF-8 bytes
(columns count UTF-16 units in both). A failure prints the seed and the first text
that differs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from support import procs
from support.examples import crate_copy, generate
from support.procs import ROOT, explain

CRATE = ROOT / "examples" / "csv-rust"
JS_PARSER = ROOT / "examples" / "csv-app" / "workers" / "csv.js"
ALPHABET = ['a', 'b', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'é', '😀', '\ufeff', 'x,y']
HAND_PICKED = [
    "", "\ufeff", "\ufeffa,b", "a,b,c\n1,2,3", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2",
    'name,motto\r\nAda,"Hello, ""world"""\r\n', '"a\nb",c\n"d\r\ne",f', '"never closed',
    '"a"b', '"a"😀', 'a"b', '😀a"b', "a,b\n1", "a,b\n\n", "a\n,", '""', '"",""\n,',
]


@pytest.fixture(scope="module")
def crate(tmp_path_factory) -> Path:
    """The crate includes the module `hamlet generate` writes: a generated copy."""
    app = crate_copy(CRATE, tmp_path_factory.mktemp("csv-rust"), ("generated", "target"))
    generated = generate(app)
    assert generated.returncode == 0, explain(generated)
    return app


@pytest.fixture(scope="module")
def cargo(tmp_path_factory):
    return procs.cargo(tmp_path_factory.mktemp("csv-rust-target"), serde=True)


def random_texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def parse_with_js(texts: list[str]) -> list[dict]:
    script = (
        f"import {{ parseCSV }} from {json.dumps(JS_PARSER.as_uri())};\n"
        "import { readFileSync } from 'node:fs';\n"
        "const texts = JSON.parse(readFileSync(0, 'utf8'));\n"
        "console.log(JSON.stringify(texts.map((text) => {\n"
        "    try { return { rows: parseCSV(text) }; }\n"
        "    catch (error) { return { error: error.message, line: error.line }; }\n"
        "})));\n"
    )
    ran = procs.run([procs.node(), "--input-type=module", "-e", script], cwd=ROOT,
                    stdin=json.dumps(texts))
    assert ran.returncode == 0, explain(ran)
    return json.loads(ran.stdout)


def parse_with_rust(cargo, crate: Path, texts: list[str]) -> list[dict]:
    ran = cargo(["run", "-q", "--offline", "--locked", "--example", "csv_json"], cwd=crate,
                stdin=json.dumps(texts))
    assert ran.returncode == 0, explain(ran)
    return json.loads(ran.stdout)


def test_rust_unit_tests(cargo, crate):
    tested = cargo(["test", "--offline", "--locked"], cwd=crate)
    assert tested.returncode == 0, explain(tested)
    assert "test result: ok" in tested.stdout, explain(tested)


def test_parsers_agree(cargo, crate):
    seed = 20261130
    texts = HAND_PICKED + random_texts(seed, 3000)
    js, rust = parse_with_js(texts), parse_with_rust(cargo, crate, texts)
    assert len(js) == len(rust) == len(texts)
    differ = [(text, a, b) for text, a, b in zip(texts, js, rust) if a != b]
    assert not differ, f"seed {seed}: {len(differ)} differ; first: {differ[0]!r}"
    # The corpus reaches every outcome, so agreement means something.
    messages = {result.get("error", "rows").split(": ")[-1][:25] for result in js}
    assert len(messages) >= 5, messages
