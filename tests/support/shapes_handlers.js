// ShapesWorker's handlers, written as a user would (they replace the scaffold): each
// request's `mode` says how to answer, so one handler covers every way a handler can
// end. See tests/support/shapes.py.

export async function handleRun({ mode, note }, reply) {
    switch (mode) {
        case 'complete':
            reply.ran({ mode, note });
            return;
        case 'progress':
            reply.stepProgress(1);
            await null;
            reply.stepProgress(2);
            reply.ran({ mode, note: null });
            return;
        case 'twice':
            reply.ran({ mode, note: 'first' });
            reply.ran({ mode, note: 'second' });
            reply.failed('third');
            reply.stepProgress(9);
            return;
        case 'destructured': {
            const { ran } = reply;
            ran({ mode, note: null });
            return;
        }
        case 'throw':
            throw new Error(`thrown ${note}`);
        case 'reject':
            return Promise.reject(new Error(`rejected ${note}`));
        case 'throw-value':
            throw 42;
        case 'throw-empty':
            throw new Error('');
        case 'throw-revoked':
            throw revokedProxy();
        case 'throw-unreadable': // an Error whose message cannot be read
            throw Object.defineProperty(new Error(), 'message', {
                get() {
                    throw new Error('unreadable');
                },
            });
        case 'throw-number-message':
            throw Object.assign(new Error(), { message: 42 });
        case 'throw-symbol-message':
            throw Object.assign(new Error(), { message: Symbol('why') });
        case 'silent':
            return;
        case 'progress-only':
            reply.stepProgress(1);
            return;
        case 'fail-after-reply':
            reply.ran({ mode, note: null });
            throw new Error('a bug after the reply');
        case 'late':
            setTimeout(() => reply.ran({ mode, note: 'late' }), 0);
            return;
        case 'hang':
            return new Promise(() => {});
        case 'abortable': {
            // Cooperative: one progress, then it waits for reply.signal, tells the
            // scenario (globalThis.aborted) why it stopped, and replies anyway, late.
            // Destructured, as a handler may: the methods and the signal alike.
            const { signal, stepProgress, ran } = reply;
            stepProgress(1);
            await new Promise((resolve) => signal.addEventListener('abort', resolve));
            (globalThis.aborted ??= []).push({ note, name: signal.reason.name, message: signal.reason.message });
            stepProgress(2);
            ran({ mode, note: 'late' });
            return;
        }
        case 'close':
            self.close();
            return new Promise(() => {});
        case 'bigint':
            reply.ran({ mode, note: 7n });
            return;
        case 'deep': {
            // 400 levels: more than a reader that recurses much per level has stack for.
            let note = 'bottom';
            for (let level = 0; level < 400; level += 1) note = { inner: note };
            reply.ran({ mode, note });
            return;
        }
        default:
            throw new Error(`no mode ${mode}`);
    }
}

export async function handleResize({ value: [width, height] }, reply) {
    reply.resized(height, width);
}

export async function handleScale({ value }, reply) {
    reply.stepProgress(Math.round(value));
    reply.cancelled();
}

export async function handleCancelAll(request, reply) {
    reply.tagged({ class: JSON.stringify(request), count: Object.keys(request).length });
}

// Not async: a synchronous throw inside the entry's dispatch.
export function handleTag(request, reply) {
    switch (request.class) {
        case 'boom':
            throw new TypeError('sync boom');
        case 'revoked':
            throw revokedProxy();
        case 'bad-then': {
            // A promise with a `then` of its own that throws when called.
            const promise = new Promise(() => {});
            promise.then = () => {
                throw new Error('then broke');
            };
            return promise;
        }
    }
    reply.tagged({ class: request.class, count: request.tags.length });
}

// A value even `instanceof` throws on.
function revokedProxy() {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
}
