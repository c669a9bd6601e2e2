"""A worker written in Rust, in a real browser: the generated WebAssembly entry runs
the module built from tests/browser/wasm/ with Debian's Rust, in a real module Web
Worker, behind the same main-thread glue as a JavaScript worker. Every message that
crosses the ports and the worker boundary is checked against the generated JSON Schema
at the end of each test (the `elm` fixture).
"""

from __future__ import annotations

import shutil
import uuid

from browser_support import WASM

FAILED = WASM.failure


def echo(tag: int, text: str = "") -> dict:
    return {"type": "Echo", "tag": tag, "text": text or f"text {tag}"}


def echoed(tag: int, text: str = "") -> dict:
    return {"type": "Echoed", "tag": tag, "text": text or f"text {tag}"}


def failed(text: str) -> dict:
    return {"type": FAILED, WASM.failure_field: text}


def start(elm, options: dict | None = None) -> None:
    elm.start(WASM, options)


def still_serving(elm, tag: int) -> None:
    elm.answered_next(echo(tag), echoed(tag), contract=WASM)


def test_a_request_goes_through_the_webassembly_and_back(elm, wasm_worker):
    start(elm)
    elm.push(echo(1, "héllo, wörld ✓"), {"type": "Add", "value": [40, 2]}, {"type": "Ping"}, contract=WASM)
    responses = elm.wait_responses(3, WASM)
    # Each request answered once, by the right reply.
    assert sorted(responses, key=str) == sorted(
        [echoed(1, "héllo, wörld ✓"), {"type": "Sum", "value": 42}, {"type": "Pong"}], key=str
    )
    sent = elm.envelopes_to_worker()
    assert {e["type"]: e["data"] for e in sent} == {
        "Echo": {"tag": 1, "text": "héllo, wörld ✓"},
        "Add": {"value": [40, 2]},
        "Ping": {},
    }
    replies = {e["id"]: e for e in elm.envelopes_from_worker()}
    assert {replies[e["id"]]["type"] for e in sent} == {"Echoed", "Sum", "Pong"}
    assert replies[next(e["id"] for e in sent if e["type"] == "Ping")]["data"] == {}
    assert len(elm.workers()) == 1
    assert elm.workers()[0]["url"].endswith("/workers/wasm_worker.js")


def test_progress_reaches_elm_before_the_final_reply(elm, wasm_worker):
    start(elm)
    elm.push({"type": "Count", "tag": 7, "steps": 3}, contract=WASM)
    assert elm.wait_responses(4, WASM) == [
        {"type": "CountProgress", "value": [7, 1]},
        {"type": "CountProgress", "value": [7, 2]},
        {"type": "CountProgress", "value": [7, 3]},
        {"type": "Counted", "value": 7},
    ]
    still_serving(elm, 8)  # and nothing more came for request 7 before it


def test_err_from_a_handler_becomes_the_failure_variant_with_its_text(elm, wasm_worker):
    start(elm)
    elm.answered_next({"type": "Refuse", "message": "no thanks: 3 > 2"}, failed("no thanks: 3 > 2"),
                      contract=WASM)
    still_serving(elm, 1)


def test_a_handler_that_returns_without_a_final_reply_fails_its_request(elm, wasm_worker):
    start(elm)
    elm.answered_next({"type": "Silent", "tag": 1}, failed("silent finished without sending a response"),
                      contract=WASM)
    still_serving(elm, 2)


def test_only_the_first_final_reply_counts(elm, wasm_worker):
    start(elm)
    elm.answered_next({"type": "Twice", "tag": 5}, {"type": "Counted", "value": 5}, contract=WASM)
    still_serving(elm, 6)  # the barrier: `Counted(6)` would have come before this
    twice = [e for e in elm.envelopes_from_worker() if e["type"] == "Counted"]
    assert [e["data"] for e in twice] == [{"value": 5}]  # dropped in the worker already


def test_a_panic_becomes_the_failure_variant_and_the_next_request_works(elm, wasm_worker):
    start(elm)
    elm.push({"type": "Panic", "message": "boom at row 12"}, contract=WASM)
    (response,) = elm.wait_responses(1, WASM)
    assert response["type"] == FAILED
    # Rust's own words for the panic: `panicked at 'boom at row 12', src/lib.rs:L:C`.
    text = response[WASM.failure_field]
    assert "panicked at" in text and "boom at row 12" in text and "src/lib.rs" in text, text
    # The module's state after the trap is what it was mid-request (its RefCell still
    # borrowed): only a fresh instance answers the next one, in the same worker.
    still_serving(elm, 1)
    elm.push({"type": "Panic", "message": "again"}, contract=WASM)
    assert "again" in elm.wait_responses(3, WASM)[-1][WASM.failure_field]
    elm.answered_next({"type": "Count", "tag": 2, "steps": 0}, {"type": "Counted", "value": 2}, contract=WASM)
    assert len(elm.workers()) == 1 and elm.terminated() == []


def test_a_request_serde_rejects_becomes_the_failure_variant_with_serdes_message(elm, wasm_worker):
    start(elm)
    # On the schema's contract (an Elm Int), but 300 is no u8.
    elm.push({"type": "Small", "count": 300}, contract=WASM)
    (response,) = elm.wait_responses(1, WASM)
    assert response["type"] == FAILED
    assert "invalid value: integer `300`, expected u8" in response[WASM.failure_field], response
    elm.answered_next({"type": "Small", "count": 255}, {"type": "Counted", "value": 255}, contract=WASM)


def test_a_thousand_concurrent_requests_are_each_answered_once(elm, wasm_worker):
    start(elm)
    count = 1000
    # Pushed at once, before the module has loaded: they wait for it, and keep their order.
    requests = [
        echo(n) if n % 3 else {"type": "Count", "tag": n, "steps": 2}
        for n in range(count)
    ]
    elm.push(*requests, contract=WASM)
    expected = count + 2 * sum(1 for n in range(count) if n % 3 == 0)  # with the progress
    responses = elm.wait_responses(expected, WASM, timeout=30_000)
    finals = [r for r in responses if r["type"] != "CountProgress"]
    tags = sorted(r.get("tag", r.get("value")) for r in finals)
    assert tags == list(range(count))
    assert len(responses) == expected
    still_serving(elm, count)  # nothing more was on its way
    by_id: dict[int, list[str]] = {}
    for envelope in elm.envelopes_from_worker():
        by_id.setdefault(envelope["id"], []).append(envelope["type"])
    assert len(by_id) == count + 1
    for types in by_id.values():
        *progress, last = types
        assert last in ("Echoed", "Counted") and all(t == "CountProgress" for t in progress), types


def test_a_missing_module_fails_each_request_naming_its_url_and_a_later_request_tries_again(
    elm, wasm_worker, server, site
):
    name = f"late-{uuid.uuid4().hex}.wasm"
    start(elm, {"workerUrl": f"/workers/wasm_worker.js?wasm=/late/{name}"})
    elm.push(echo(1), echo(2), contract=WASM)
    responses = elm.wait_responses(2, WASM)
    url = f"{server.url}/late/{name}"
    for response in responses:
        # The reason is the server's own: Python's says "File not found".
        assert response == failed(
            f"WasmWorker could not load its WebAssembly from {url}: the server answered 404 File not found"
        ), response
    # The failed load is not kept: once the file is there, the next request loads it.
    (site.root / "late").mkdir(exist_ok=True)
    shutil.copyfile(wasm_worker, site.root / "late" / name)
    still_serving(elm, 3)
    assert len(elm.workers()) == 1


def test_the_wasm_parameter_finds_a_module_served_under_another_name_and_type(elm, wasm_worker):
    # /wasm-alt/worker.bin is served as application/octet-stream, which streaming
    # compilation refuses: the entry reads the whole file instead.
    start(elm, {"workerUrl": "/workers/wasm_worker.js?wasm=../wasm-alt/worker.bin"})
    still_serving(elm, 1)
    elm.push({"type": "Count", "tag": 2, "steps": 1}, contract=WASM)
    assert elm.wait_responses(3, WASM)[1:] == [
        {"type": "CountProgress", "value": [2, 1]},
        {"type": "Counted", "value": 2},
    ]
