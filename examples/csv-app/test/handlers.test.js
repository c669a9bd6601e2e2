// The handler on its own, with a reply that records what it is given. The browser test
// (tests/toolchain/test_csv_app.py) runs it behind the generated worker entry.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { handleParseCSV } from '../workers/csv_worker_handlers.js';

function recorder() {
    const calls = [];
    return {
        calls,
        reply: {
            csvParsed: (value) => calls.push(['csvParsed', value]),
            parseError: (value) => calls.push(['parseError', value]),
        },
    };
}

test('good CSV is answered with csvParsed({ rows })', async () => {
    const { calls, reply } = recorder();
    await handleParseCSV({ data: 'a,"b,c"\n1,2' }, reply);
    assert.deepEqual(calls, [['csvParsed', { rows: [['a', 'b,c'], ['1', '2']] }]]);
});

test('bad CSV is answered with parseError({ error }) naming the line', async () => {
    const { calls, reply } = recorder();
    await handleParseCSV({ data: 'a,b\n1,"2' }, reply);
    assert.equal(calls.length, 1);
    assert.equal(calls[0][0], 'parseError');
    assert.match(calls[0][1].error, /^line 2, column 3: the quoted field that starts here is never closed/);
});

test('a request without data is a bug: it rejects, and the generated entry reports it', async () => {
    const { calls, reply } = recorder();
    await assert.rejects(handleParseCSV({}, reply), TypeError);
    assert.deepEqual(calls, []);
});
