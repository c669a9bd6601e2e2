// Setup (a2): raw_main.js with Hamlet's envelope, {id, type, data: {text, n}}, both ways.
// Not a contender: it tells the cost of the wire format apart from the cost of the glue.

export function setupRawEnvelope(app, workerUrl) {
  const worker = new Worker(workerUrl, { type: 'module' });
  const toElm = app.ports.echoWorkerResponsePort;
  const pending = new Set();
  let nextId = 1;

  worker.onmessage = (event) => {
    const { id, type, data } = event.data;
    if (pending.delete(id)) {
      toElm.send({ type, text: data.text, n: data.n });
    }
  };

  app.ports.sendToEchoWorkerPort.subscribe((request) => {
    const id = nextId++;
    pending.add(id);
    worker.postMessage({ id, type: request.type, data: { text: request.text, n: request.n } });
  });
}
