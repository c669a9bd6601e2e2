"""`notJson(value)`, the main-thread JavaScript's check of a reply Elm's port threw on
(see `hamlet.emit.js_main`): what in it JSON cannot hold, as text, or null. No output
of its own; kept apart from the main JS's template, which it would make too long.

    notJson({ rows: [1, 2n] })  ->  'rows[1] is a BigInt (2n), which JSON has no number for'
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
"""
