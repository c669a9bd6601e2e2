// An RFC 4180 CSV parser, small enough to read in one sitting.
//
//   parseCSV('name,motto\r\nAda,"Hello, ""world"""\r\n')
//     -> [["name", "motto"], ["Ada", 'Hello, "world"']]
//
// Records end with CRLF, LF or a lone CR; the last line break is optional. A field in
// double quotes may hold commas, line breaks and doubled quotes (""). Spaces are part
// of a field. Every record must have as many fields as the first one. Anything else
// throws a CSVError whose message names the line (and column) of the problem, counted
// in the text as typed, so line breaks inside quoted fields count too.

export class CSVError extends Error {
    /**
     * @param {string} message
     * @param {number} line
     */
    constructor(message, line) {
        super(message);
        this.name = 'CSVError';
        this.line = line;
    }
}

const QUOTE = '"';

/**
 * @param {string} text
 * @returns {string[][]}
 */
export function parseCSV(text) {
    if (typeof text !== 'string') {
        throw new TypeError(`parseCSV expects a string, got ${typeof text}`);
    }
    // A byte order mark is an encoding artefact, not part of the first field.
    const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    /** @type {string[][]} */
    const rows = [];
    if (start === text.length) {
        return rows;
    }
    let i = start;
    let line = 1;
    let lineStart = start;
    let width = null; // the number of fields in the first record
    let firstLine = 1;

    const column = (/** @type {number} */ at) => at - lineStart + 1;

    for (;;) {
        const recordLine = line;
        const row = [];
        for (;;) {
            let value;
            if (text[i] === QUOTE) {
                const openLine = line;
                const openColumn = column(i);
                value = '';
                i += 1;
                for (;;) {
                    const close = text.indexOf(QUOTE, i);
                    if (close === -1) {
                        throw new CSVError(
                            `line ${openLine}, column ${openColumn}: the quoted field that starts here is never closed (a field in quotes ends with a quote; write a quote inside it as "")`,
                            openLine,
                        );
                    }
                    const chunk = text.slice(i, close);
                    value += chunk;
                    // Line breaks inside the field still move us down the text.
                    const breaks = lineBreaks(chunk);
                    if (breaks.count > 0) {
                        line += breaks.count;
                        lineStart = i + breaks.lastEnd;
                    }
                    if (text[close + 1] === QUOTE) {
                        value += QUOTE;
                        i = close + 2;
                    } else {
                        i = close + 1;
                        break;
                    }
                }
                if (i < text.length && !isDelimiter(text[i])) {
                    // Shown as a whole character, never half of a surrogate pair.
                    throw new CSVError(
                        `line ${line}, column ${column(i)}: ${JSON.stringify([...text.slice(i, i + 2)][0])} after the closing quote of a quoted field (a quoted field must end right before a comma or a line break)`,
                        line,
                    );
                }
            } else {
                let end = i;
                while (end < text.length && !isDelimiter(text[end])) {
                    end += 1;
                }
                value = text.slice(i, end);
                const stray = value.indexOf(QUOTE);
                if (stray !== -1) {
                    throw new CSVError(
                        `line ${line}, column ${column(i + stray)}: a quote inside a field that does not start with one (put the whole field in quotes and double the quote: "5'10""")`,
                        line,
                    );
                }
                i = end;
            }
            row.push(value);
            if (text[i] === ',') {
                i += 1;
                continue;
            }
            break;
        }

        if (width === null) {
            width = row.length;
            firstLine = recordLine;
        } else if (row.length !== width) {
            throw new CSVError(widthMessage(recordLine, row, width, firstLine), recordLine);
        }
        rows.push(row);

        if (i >= text.length) {
            return rows;
        }
        // text[i] is a line break: CRLF, LF or a lone CR.
        i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
        line += 1;
        lineStart = i;
        if (i >= text.length) {
            return rows; // a final line break ends the last record, it starts none
        }
    }
}

/** @param {string} char */
function isDelimiter(char) {
    return char === ',' || char === '\n' || char === '\r';
}

// How many line breaks `chunk` holds (CRLF counts once), and the offset just past the last.
/** @param {string} chunk */
function lineBreaks(chunk) {
    let count = 0;
    let lastEnd = 0;
    for (let k = 0; k < chunk.length; k += 1) {
        if (chunk[k] === '\n' || (chunk[k] === '\r' && chunk[k + 1] !== '\n')) {
            count += 1;
            lastEnd = k + 1;
        }
    }
    return { count, lastEnd };
}

/**
 * @param {number} line
 * @param {string[]} row
 * @param {number} width
 * @param {number} firstLine
 */
function widthMessage(line, row, width, firstLine) {
    const expected = `the first row (line ${firstLine}) has ${fields(width)}`;
    if (row.length === 1 && row[0] === '') {
        return `line ${line} is empty, but ${expected}`;
    }
    return `line ${line} has ${fields(row.length)}, but ${expected}`;
}

/** @param {number} n */
function fields(n) {
    return n === 1 ? '1 field' : `${n} fields`;
}
