// CSVWorker handlers: this file is yours to edit. Hamlet wrote it once, from
// input/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here, and prints the function to add.
//
// It runs inside the Web Worker (no DOM, no `window`), imported by csv_worker.js.
// Each request from Elm calls the handler of the same name with
//
//     request  the request's fields (listed above each handler)
//     reply    one method per response:
//                  reply.parseProgress({ percent: number })  (progress: any number of times)
//                  reply.csvParsed({ rows: Array<Array<string>>, summary: Summary })
//                  reply.cellFound(value: Cell | null)
//                  reply.nothing()
//                  reply.parseError({ error: string })
//              and reply.signal, an AbortSignal that fires when Elm cancels the
//              request or its timeout passes (Elm has then had ParseError,
//              and every later reply is dropped)
//
// Long work should stop when the signal fires: check it as you go,
//
//     for (const item of items) {
//         if (reply.signal.aborted) {
//             return;
//         }
//         // ... one step of the work
//     }
//
// listen for it (reply.signal.addEventListener('abort', () => ...)), or pass it on:
// `await fetch(url, { signal: reply.signal })`.
//
// Answer each request with exactly one final reply (any but progress); Elm sees the
// request as running until then, and replies after it are ignored. When a handler
// throws, rejects, or resolves without a final reply, Elm gets ParseError
// with the reason, so await your work before returning. A handler whose promise
// never settles, and that sends no final reply, keeps its request pending for as
// long as the worker runs, unless the request has a timeout. Calling self.close()
// ends the worker: every pending request gets ParseError, and the next
// request starts a fresh worker. Replies carry JSON values only: a BigInt or a
// cycle ends the request with ParseError when Elm cannot read it.

// The domain types in requests and replies, as they travel (see csv_worker.schema.json):
/**
 * @typedef {{ row: number, column: number }} Cell
 * @typedef {'Empty' | { Columns: Array<string> } | { Sums: { totals: Object<string, number> } }} Summary
 */

/**
 * ParseCSV
 *
 * @param {object} request
 * @param {string} request.csvText  Rust `String`
 * @param {number | null} request.maxRows  Rust `Option<u32>`
 * @param {object} reply  any number of progress replies, then one final reply:
 *     reply.parseProgress({ percent })  (progress)
 *     reply.csvParsed({ rows, summary })
 *     reply.cellFound(value)
 *     reply.nothing()
 *     reply.parseError({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleParseCSV(request, reply) {
    const { csvText, maxRows } = request;

    // TODO: do the work (reporting progress if it helps), then send one final reply;
    // stop early when reply.signal.aborted.
    reply.parseError({ error: 'handleParseCSV is not implemented yet' });
}

/**
 * FindCell
 *
 * @param {object} request
 * @param {[string, Cell]} request.value  Rust `(String, Cell)`
 * @param {object} reply  any number of progress replies, then one final reply:
 *     reply.parseProgress({ percent })  (progress)
 *     reply.csvParsed({ rows, summary })
 *     reply.cellFound(value)
 *     reply.nothing()
 *     reply.parseError({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleFindCell(request, reply) {
    const [value1, value2] = request.value;

    // TODO: do the work (reporting progress if it helps), then send one final reply;
    // stop early when reply.signal.aborted.
    reply.parseError({ error: 'handleFindCell is not implemented yet' });
}

/**
 * Match
 *
 * @param {object} request
 * @param {string} request.typeName  Rust `String`
 * @param {boolean} request.match  Rust `bool`
 * @param {number} request.reply  Rust `u8`
 * @param {object} reply  any number of progress replies, then one final reply:
 *     reply.parseProgress({ percent })  (progress)
 *     reply.csvParsed({ rows, summary })
 *     reply.cellFound(value)
 *     reply.nothing()
 *     reply.parseError({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleMatch(request, reply) {
    const { typeName, match, reply: reply_ } = request;

    // TODO: do the work (reporting progress if it helps), then send one final reply;
    // stop early when reply.signal.aborted.
    reply.parseError({ error: 'handleMatch is not implemented yet' });
}

/**
 * CancelAll
 *
 * @param {object} request  CancelAll carries no fields: {}
 * @param {object} reply  any number of progress replies, then one final reply:
 *     reply.parseProgress({ percent })  (progress)
 *     reply.csvParsed({ rows, summary })
 *     reply.cellFound(value)
 *     reply.nothing()
 *     reply.parseError({ error })
 *     reply.signal  an AbortSignal: aborted when the request is cancelled or times out
 */
export async function handleCancelAll(request, reply) {
    // TODO: do the work (reporting progress if it helps), then send one final reply;
    // stop early when reply.signal.aborted.
    reply.parseError({ error: 'handleCancelAll is not implemented yet' });
}
