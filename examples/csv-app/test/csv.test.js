// node --test test/*.test.js   (from examples/csv-app)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { CSVError, parseCSV } from '../workers/csv.js';

function fails(text, pattern, line) {
    assert.throws(
        () => parseCSV(text),
        (error) => {
            assert.ok(error instanceof CSVError, `not a CSVError: ${error}`);
            assert.match(error.message, pattern);
            assert.equal(error.line, line);
            return true;
        },
    );
}

test('plain fields, LF line breaks', () => {
    assert.deepEqual(parseCSV('a,b,c\n1,2,3'), [
        ['a', 'b', 'c'],
        ['1', '2', '3'],
    ]);
});

test('a trailing line break ends the last record and starts none', () => {
    assert.deepEqual(parseCSV('a,b\n1,2\n'), [
        ['a', 'b'],
        ['1', '2'],
    ]);
    assert.deepEqual(parseCSV('a,b\r\n1,2\r\n'), [
        ['a', 'b'],
        ['1', '2'],
    ]);
});

test('CRLF and a lone CR are line breaks like LF', () => {
    assert.deepEqual(parseCSV('a,b\r\n1,2\r3,4\n5,6'), [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
    ]);
});

test('a quoted field keeps its commas', () => {
    assert.deepEqual(parseCSV('a,"b,c"\n1,2'), [
        ['a', 'b,c'],
        ['1', '2'],
    ]);
});

test('a doubled quote inside quotes is one quote', () => {
    assert.deepEqual(parseCSV('"say ""hi""",""""\n"",x'), [
        ['say "hi"', '"'],
        ['', 'x'],
    ]);
});

test('line breaks inside quotes belong to the field, CRLF kept as typed', () => {
    assert.deepEqual(parseCSV('"one\ntwo","three\r\nfour"\r\nx,y\r\n'), [
        ['one\ntwo', 'three\r\nfour'],
        ['x', 'y'],
    ]);
});

test('empty fields, spaces kept, and a quoted empty field', () => {
    assert.deepEqual(parseCSV(',a, b ,\n"",,"  ",'), [
        ['', 'a', ' b ', ''],
        ['', '', '  ', ''],
    ]);
});

test('empty input is no rows; a lone line break is one empty record', () => {
    assert.deepEqual(parseCSV(''), []);
    assert.deepEqual(parseCSV('\n'), [['']]);
});

test('a byte order mark is not part of the first field', () => {
    assert.deepEqual(parseCSV('\ufeffa,b\n1,2'), [
        ['a', 'b'],
        ['1', '2'],
    ]);
    assert.deepEqual(parseCSV('\ufeff'), []);
});

test('non-ASCII text passes through untouched', () => {
    assert.deepEqual(parseCSV('名前,"café, ✓"\n😀,x'), [
        ['名前', 'café, ✓'],
        ['😀', 'x'],
    ]);
});

test('an unterminated quote names the line and column where it opened', () => {
    fails('a,b\n1,"2\n3,4', /^line 2, column 3: the quoted field that starts here is never closed/, 2);
    fails('"', /^line 1, column 1: .*never closed/, 1);
    // A doubled quote at the end is an escaped quote, not a closing one.
    fails('a,"b""', /^line 1, column 3: .*never closed/, 1);
});

test('a record with another number of fields names both lines', () => {
    fails('a,b,c\n1,2,3\n4,5', /^line 3 has 2 fields, but the first row \(line 1\) has 3 fields$/, 3);
    fails('a\n1,2', /^line 2 has 2 fields, but the first row \(line 1\) has 1 field$/, 2);
    fails('a,b\n\n1,2', /^line 2 is empty, but the first row \(line 1\) has 2 fields$/, 2);
});

test('lines are counted as typed: breaks inside quotes count', () => {
    fails('"multi\nline\r\nheader",b\n1,2\n3', /^line 5 has 1 field, but the first row \(line 1\) has 2 fields$/, 5);
    fails('a,"x\ny"\n1,"2', /^line 3, column 3: .*never closed/, 3);
    // A lone CR inside quotes is a line break too.
    fails('"x\ry",b\n1,"2', /^line 3, column 3: .*never closed/, 3);
});

test('text after a closing quote is an error at that spot', () => {
    fails('a,"b"c\n', /^line 1, column 6: "c" after the closing quote of a quoted field/, 1);
    fails('x\n"multi\nline" ,y', /^line 3, column 6: " " after the closing quote/, 3);
    // The whole character, not half of its UTF-16 pair; columns count UTF-16 units.
    fails('"😀"😀', /^line 1, column 5: "😀" after the closing quote/, 1);
});

test('a quote inside an unquoted field is an error at that spot', () => {
    fails('a,b\n1,2"3', /^line 2, column 4: a quote inside a field that does not start with one/, 2);
});

test('anything but a string is a TypeError, not a CSVError', () => {
    assert.throws(() => parseCSV(undefined), TypeError);
    assert.throws(() => parseCSV(42), TypeError);
});
