// What the stand-in Elm app of each setup has, for bench.js and dry.js: the port it
// sends requests on and the one its replies arrive on, the value Elm's encoder pushes
// for a request with its tracker, and whether a value on the incoming port is the
// request's answer. The wire of tracked requests is in docs/wire-format.md.

function echoes(reply, request) {
  return (
    reply !== null &&
    typeof reply === 'object' &&
    reply.type === 'Echoed' &&
    reply.text === request.text &&
    reply.n === request.n
  );
}

const untracked = {
  out: 'sendToEchoWorkerPort',
  in: 'echoWorkerResponsePort',
  push: (request) => request,
  correct: (reply, request) => echoes(reply, request),
};

// `sendToEchoWorkerWith { tracker = Just tracker, timeout = timeout } request`, and its
// replies as `echoWorkerTracked` gets them: [tracker, response].
function tracked(timeout) {
  return {
    out: 'sendToEchoWorkerPort',
    in: 'echoWorkerTrackedPort',
    push: (request, tracker) => ['send', tracker, timeout, request],
    correct: (reply, request, tracker) =>
      Array.isArray(reply) && reply[0] === tracker && echoes(reply[1], request),
  };
}

export const WIRES = {
  raw: untracked,
  envelope: untracked,
  hamlet: untracked,
  tracked: tracked(null),
  timeout: tracked(60_000),
  comlink: untracked,
};

// An object shaped like Elm's `app` for a setup's two ports, and nothing more; the
// driver sets `onReply`.
export function makeApp(wire) {
  const subscribers = [];
  const stand = {
    onReply: null,
    app: {
      ports: {
        [wire.out]: {
          subscribe(fn) {
            subscribers.push(fn);
          },
          unsubscribe(fn) {
            const at = subscribers.indexOf(fn);
            if (at >= 0) subscribers.splice(at, 1);
          },
        },
        [wire.in]: {
          send(value) {
            stand.onReply(value);
          },
        },
      },
    },
    // What Elm does with a value on an outgoing port: call each subscriber with it.
    push(value) {
      for (let i = 0; i < subscribers.length; i += 1) subscribers[i](value);
    },
  };
  return stand;
}
