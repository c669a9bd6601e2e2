// Setup (a): hand-written glue between the same two ports and a worker, with raw
// postMessage. Minimal but not careless: every request gets an id, and a reply is
// passed on only while its request is pending.

export function setupRaw(app, workerUrl) {
  const worker = new Worker(workerUrl, { type: 'module' });
  const toElm = app.ports.echoWorkerResponsePort;
  const pending = new Set();
  let nextId = 1;

  worker.onmessage = (event) => {
    const { id, type, text, n } = event.data;
    if (pending.delete(id)) {
      toElm.send({ type, text, n });
    }
  };

  app.ports.sendToEchoWorkerPort.subscribe((request) => {
    const id = nextId++;
    pending.add(id);
    worker.postMessage({ id, type: request.type, text: request.text, n: request.n });
  });
}
