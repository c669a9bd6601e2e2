"""What both worker entries share, the JavaScript one (`js_entry`) and the WebAssembly
one (`wasm_entry`): the `Answer` that holds one request's replies to the rules of the
envelope, `describe`, the start of `onmessage` (control messages) and the failure of an
unknown request type. No output of its own.

The rules live here once, so that a request answered by a Rust worker ends exactly as
one answered by JavaScript: progress never ends it, the first final reply does, later
replies and replies after a cancel are dropped.
"""

from __future__ import annotations

from hamlet.emit.js_text import failure_fields, fill, js_string
from hamlet.model import Worker

_ANSWER = """
    // The requests that have not had their final reply, by id: a cancel from the main
    // thread (["cancel", id, name, text]) finds its request here.
    const running = new Map();

    // One request's replies, posted until the first final one, or until the request is
    // cancelled.
    class Answer {
        constructor(id) {
            this.id = id;
            this.open = true;
            this.controller = null; // made when a handler first reads reply.signal
        }

        send(type, data, final) {
            if (this.open) {
                self.postMessage({ id: this.id, type, data });
                if (final) {
                    this.close();
                }
            }
        }

        fail(text) {
            this.send({{failure_name}}, {{failure_data}}, true);
        }

        close() {
            this.open = false;
            running.delete(this.id);
        }

        get signal() {
            if (this.controller === null) {
                this.controller = new AbortController();
            }
            return this.controller.signal;
        }

        // The main thread ended the request (a cancel, a timeout): it has already told
        // Elm, so every later reply is dropped; the handler's signal says why.
        abort(name, text) {
            if (this.open) {
                this.close();
                if (this.controller === null) {
                    this.controller = new AbortController(); // read later, already aborted
                }
                this.controller.abort(new DOMException(text, name));
            }
        }
    }
"""

# Why `describe` never throws is said where it is used (each entry's own comment).
_DESCRIBE = """
    function describe(error) {
        try {
            return String(error instanceof Error ? error.message || error : error);
        } catch {
            return 'a value that cannot be shown as text was thrown';
        }
    }
"""

_RECEIVE = """
    const message = event.data;
    if (Array.isArray(message)) {
        // Not a request: ["cancel", id, name, text].
        if (message[0] === 'cancel') {
            running.get(message[1])?.abort(message[2], message[3]);
        }
        return;
    }
    if (message === null || typeof message !== 'object') {
        return; // not an envelope either: nothing to answer, and no id to answer it by
    }
    const { id, type, data } = message;
    const answer = new Answer(id);
"""

_UNKNOWN = """
    // Not JSON.stringify alone: it throws on a BigInt, and gives undefined for
    // a missing type.
    const shown = typeof type === 'string' ? JSON.stringify(type) : `${typeof type} (not a string)`;
    answer.fail(
        `{{base}} has no request of type ${shown}; it handles {{request_names}}. ` +
            'Were {{main_file}} and {{worker_file}} generated from the same enum?',
    );
"""


def answer_class(worker: Worker) -> str:
    """`running` and `class Answer`, whose `fail(text)` sends the worker's failure
    variant: `{id, type: 'ProcessingFailed', data: {error: text}}`."""
    return _block(
        _ANSWER,
        failure_name=js_string(worker.failure.tag),
        failure_data=failure_fields(worker, "text"),
    )


def describe_function() -> str:
    """`describe(error)`: whatever was thrown, as a string, never throwing itself."""
    return _block(_DESCRIBE)


def receive_prologue() -> str:
    """The start of `self.onmessage`: a control message is acted on and returns; an
    envelope becomes `id`, `type`, `data` and the request's `answer`."""
    return _block(_RECEIVE)


def unknown_type(worker: Worker) -> str:
    """The failure of a request whose `type` the worker does not handle; it names the
    requests it does handle, and the two files that may be out of step."""
    return _block(
        _UNKNOWN,
        base=worker.base,
        request_names=", ".join(v.name for v in worker.requests),
        main_file=worker.js.main_file,
        worker_file=worker.js.worker_file,
    )


def _block(template: str, **values: str) -> str:
    """A filled template as a block for a slot of its own line (no trailing newline)."""
    return fill(template, **values).rstrip("\n")
