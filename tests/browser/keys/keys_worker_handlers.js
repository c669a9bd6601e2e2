// The handlers of tests/browser/keys/keys.rs: echo the request with what it looked like,
// leaving out the keys whose value is null (so that Elm reads them as missing); or throw,
// when asked to, so that the failure variant carries the error.
//
// `Object.fromEntries` makes each key an own key; `echoed[key] = value` would not for
// "__proto__", which sets the prototype instead.

export async function handleEcho(request, reply) {
    if (request.constructor === 'throw') {
        throw new Error('asked to throw');
    }
    const kept = Object.entries(request).filter(([, value]) => value !== null);
    reply.echoed(Object.fromEntries([...kept, ['seen', JSON.stringify(request)]]));
}
