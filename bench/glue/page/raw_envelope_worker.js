// Setup (a2), the worker: raw_worker.js with Hamlet's envelope.

self.onmessage = (event) => {
  const { id, type, data } = event.data;
  if (type === 'Echo') {
    self.postMessage({ id, type: 'Echoed', data: { text: data.text, n: data.n } });
  }
};
