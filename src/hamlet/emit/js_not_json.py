"""`notJson(value)` and `tooDeep(value, error)`, the main-thread JavaScript's checks of
a reply Elm's port threw on (see `hamlet.emit.js_main`): what in it Elm cannot read, as
text, or null. No output of their own; kept apart from the main JS's template, which
they would make too long.

    notJson({ rows: [1, 2n] })  ->  'rows[1] is a BigInt (2n), which JSON has no number for'
    tooDeep(<2,000 levels>, new RangeError(..))  ->  'it is nested 2000 levels deep, ..'
"""

NOT_JSON = """\
// What in `value` JSON cannot hold, as text, or null when it holds only JSON.
// Iterative, so that a deep value cannot overflow the stack here.
// `{ rows: [1, 2n] }` -> 'rows[1] is a BigInt (2n), which JSON has no number for'.
function notJson(value) {
    const open = new Map(); // the objects on the path from `value` to the current one
    const todo = [[value, '', false]];
    while (todo.length > 0) {
        const [item, path, leaving] = todo.pop();
        if (leaving) {
            open.delete(item);
        } else if (typeof item === 'bigint') {
            return `${path || 'the reply'} is a BigInt (${item}n), which JSON has no number for`;
        } else if (item !== null && typeof item === 'object') {
            if (open.has(item)) {
                const back = open.get(item) || 'the reply itself';
                return `${path} refers back to ${back}, a cycle JSON cannot hold`;
            }
            open.set(item, path);
            todo.push([item, path, true]);
            const list = Array.isArray(item);
            for (const key of Object.keys(item)) {
                const at = list ? `${path}[${key}]` : path ? `${path}.${key}` : key;
                todo.push([item[key], at, false]);
            }
        }
    }
    return null;
}

// The stack ran out while Elm read `value` (a RangeError), and `value` is nested deep
// enough for that to be its fault: Elm's decoders recurse once or more per level, so a
// reply the worker could send may still be too deep for them. How deep, as text, or
// null: then the error is not the reply's.
function tooDeep(value, error) {
    if (!(error instanceof RangeError)) {
        return null;
    }
    let deepest = 0; // objects and arrays inside each other, `value` the first
    const todo = [[value, 1]];
    while (todo.length > 0) {
        const [item, depth] = todo.pop();
        if (item !== null && typeof item === 'object') {
            deepest = Math.max(deepest, depth);
            for (const key of Object.keys(item)) {
                todo.push([item[key], depth + 1]);
            }
        }
    }
    return deepest >= 100
        ? `it is nested ${deepest} levels deep, and Elm's decoder ran out of stack reading it`
        : null;
}
"""
