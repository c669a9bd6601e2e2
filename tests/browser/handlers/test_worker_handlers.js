// Test handlers for TestWorker: they replace the generated scaffold, as a user's
// handlers would. Each request variant has one behaviour the browser tests rely on;
// `handleOrphan` is missing on purpose.

const never = () => new Promise(() => {});
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

export async function handleEcho({ tag, text }, reply) {
  reply.echoed({ tag, text });
}

export async function handleCount({ tag, steps }, reply) {
  for (let step = 1; step <= steps; step += 1) {
    reply.countProgress(tag, step);
    await tick();
  }
  reply.counted(tag);
}

export async function handleAdd(request, reply) {
  const [a, b] = request.value;
  reply.sum(a + b);
}

export async function handlePing(request, reply) {
  reply.pong();
}

// Not async: the throw happens synchronously inside the entry's dispatch.
export function handleExplode({ message }) {
  if (message === "a revoked Proxy") {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    throw proxy; // even `instanceof` throws on it
  }
  throw new Error(message);
}

export function handleRefuse({ message }) {
  return Promise.reject(new Error(message));
}

export async function handleSilent() {}

export async function handleStall({ tag }, reply) {
  reply.countProgress(tag, 1);
  return never();
}

export async function handleHang() {
  return never();
}

export async function handleSleep({ tag, ms }, reply) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  reply.echoed({ tag, text: "slept" });
}

// The error escapes every handler and every promise: only the worker's global error
// handling, and the main thread's `error` event, can see it.
export async function handleCrash({ tag }) {
  setTimeout(() => {
    throw new Error(`boom ${tag}`);
  });
  return never();
}

// Nobody awaits the rejected promise: an unhandled rejection in the worker.
export async function handleAbandon({ tag }) {
  Promise.reject(new Error(`abandoned ${tag}`));
  return never();
}

// Ends the worker from inside a handler; the main thread gets no event for that.
export async function handleQuit({ tag, first }, reply) {
  if (first) {
    reply.echoed({ tag, text: "bye" });
  }
  self.close();
  return never();
}

// Replies that structured clone carries but JSON cannot hold.
export async function handleMisreply({ tag, what }, reply) {
  switch (what) {
    case "bigint":
      reply.echoed({ tag: BigInt(tag), text: "big" });
      return;
    case "cycle": {
      const text = { tag };
      text.again = [text];
      reply.echoed({ tag, text });
      return;
    }
    case "progress-bigint":
      reply.countProgress(tag, 1n);
      await tick();
      reply.counted(tag);
      return;
    case "bigint-unread": {
      const fields = { tag, text: "extra" };
      fields.unread = 5n;
      reply.echoed(fields);
      return;
    }
    default:
      throw new Error(`no misreply ${what}`);
  }
}

// The side channel of the tracked-request tests: what a handler saw, for the page.
const side = new BroadcastChannel("hamlet-tests");

export async function handleWork({ tag }, reply) {
  reply.countProgress(tag, 1);
  const reason = await new Promise((resolve) => {
    reply.signal.addEventListener("abort", () => resolve(reply.signal.reason));
  });
  // Late: the request has ended, so these must go nowhere.
  reply.countProgress(tag, 2);
  reply.counted(tag);
  side.postMessage({ tag, aborted: reply.signal.aborted, name: reason.name, message: reason.message });
}

// Every job's step k is sent before any job's step k + 1.
const rounds = new Map();

function arrive(step, jobs) {
  let round = rounds.get(step);
  if (round === undefined) {
    round = { count: 0 };
    round.done = new Promise((resolve) => {
      round.release = resolve;
    });
    rounds.set(step, round);
  }
  round.count += 1;
  if (round.count === jobs) {
    round.release();
  }
  return round.done;
}

export async function handleLockstep({ tag, jobs, steps }, reply) {
  for (let step = 1; step <= steps; step += 1) {
    reply.countProgress(tag, step);
    await arrive(step, jobs);
  }
  reply.counted(tag);
}

export async function handleLabel(request, reply) {
  reply.labelled(request);
}
