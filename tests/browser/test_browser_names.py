"""Fields named like JavaScript reserved words (`await`, `arguments`, `eval`, `let`,
`static`, `super`...) and like the handler's own parameters (`request`, `reply`), in a
real browser (rust/keywords.rs). Such a field once made the handlers scaffold a
SyntaxError, and every request then failed with only "could not be loaded".
"""

from __future__ import annotations

from browser_support import KEYWORD

ASK = {
    "type": "Ask",
    "request": "the request",
    "reply": "the reply",
    "answer": 42,
    "await": True,
    "arguments": ["a", "b"],
    "eval": None,
    "yield": 7,
    "let": -3,
    "static": 2.5,
    "implements": "i",
    "package": "p",
    "enum": "e",
    "this": "t",
    "super": "s",
}
LOOKUP = {"type": "Lookup", "class": "outer", "class_": "inner", "reply": True}


def filled_in(scaffold: str, handler: str, response: str) -> str:
    """The scaffold as a user fills it in: `handler`'s placeholder reply replaced by
    `reply.<response>(...)` with the object its own destructuring takes apart, so the
    handler answers with exactly the fields it was given, through its own locals."""
    head, rest = scaffold.split(f"export async function {handler}(request, reply) {{\n", 1)
    body, tail = rest.split("\n}\n", 1)
    [unpack] = [line.strip() for line in body.splitlines() if line.strip().startswith("const {")]
    pattern = unpack.removeprefix("const ").removesuffix(" = request;")
    [placeholder] = [line for line in body.splitlines() if "is not implemented yet" in line]
    indent = placeholder[: len(placeholder) - len(placeholder.lstrip())]
    body = body.replace(placeholder, f"{indent}reply.{response}({pattern});")
    return f"{head}export async function {handler}(request, reply) {{\n{body}\n}}\n{tail}"


def test_the_generated_scaffold_loads_and_answers_each_request(elm):
    elm.start(KEYWORD)
    elm.push(ASK, LOOKUP, contract=KEYWORD)
    responses = elm.wait_responses(2, contract=KEYWORD)
    assert sorted(r["error"] for r in responses) == [
        "handleAsk is not implemented yet",
        "handleLookup is not implemented yet",
    ]
    assert {r["type"] for r in responses} == {KEYWORD.failure}
    # Asked again, it answers that next: nothing more was on its way for the first two.
    elm.answered_next(LOOKUP, {"type": KEYWORD.failure, "error": "handleLookup is not implemented yet"},
                      contract=KEYWORD)


def test_the_filled_in_scaffold_echoes_every_keyword_field(elm, site):
    workers = site.workers_dir
    scaffold = (workers / f"{KEYWORD.snake}_handlers.js").read_text(encoding="utf-8")
    handlers = filled_in(filled_in(scaffold, "handleAsk", "told"), "handleLookup", "found")
    entry = (workers / f"{KEYWORD.snake}.js").read_text(encoding="utf-8")
    import_line = f"import * as handlers from './{KEYWORD.snake}_handlers.js';"
    assert import_line in entry
    entry_copy = workers / f"{KEYWORD.snake}__filled.js"
    handlers_copy = workers / f"{KEYWORD.snake}_handlers__filled.js"
    try:
        handlers_copy.write_text(handlers, encoding="utf-8")
        entry_copy.write_text(
            entry.replace(import_line, f"import * as handlers from './{handlers_copy.name}';"),
            encoding="utf-8",
        )
        elm.start(KEYWORD, options={"workerUrl": f"/workers/{entry_copy.name}"})
        elm.push(ASK, contract=KEYWORD)
        assert elm.wait_responses(1, contract=KEYWORD) == [{**ASK, "type": "Told"}]
        elm.push(LOOKUP, contract=KEYWORD)
        assert elm.wait_responses(2, contract=KEYWORD)[1] == {**LOOKUP, "type": "Found"}
    finally:
        entry_copy.unlink(missing_ok=True)
        handlers_copy.unlink(missing_ok=True)
