// @ts-check
// CSVWorker handlers: this file is ours. Hamlet wrote it once as a scaffold, from
// src/lib.rs, and never overwrites it; `hamlet generate` warns when a request has no
// handler here. It runs inside the Web Worker, imported by the generated csv_worker.js.

import { CSVError, parseCSV } from './csv.js';

// Checked against the generated csv_worker.d.ts: a missing or misspelled handler, a reply
// that does not exist or a wrong field is an error in the editor and for `tsc --checkJs`.
/** @typedef {import('./csv_worker.js').CSVWorkerHandlersCheck<typeof import('./csv_worker_handlers.js')>} CSVWorkerHandlersChecked */

/**
 * ParseCSV: parse `request.data` as CSV (RFC 4180).
 *
 * @param {import('./csv_worker.js').CSVWorkerRequest['ParseCSV']} request  { data: string }
 * @param {import('./csv_worker.js').CSVWorkerReply} reply  one final reply:
 *     reply.csvParsed({ rows })    rows: Array<Array<string>>
 *     reply.parseError({ error })  error: what is wrong, and on which line
 */
export async function handleParseCSV(request, reply) {
    const { data } = request;
    let rows;
    try {
        rows = parseCSV(data);
    } catch (error) {
        if (!(error instanceof CSVError)) {
            throw error; // a bug, not bad input: the generated entry reports it as ParseError
        }
        reply.parseError({ error: error.message });
        return;
    }
    reply.csvParsed({ rows });
}
