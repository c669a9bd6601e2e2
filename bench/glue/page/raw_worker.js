// Setup (a), the worker: answers Echo with Echoed, the same id and fields.

self.onmessage = (event) => {
  const { id, type, text, n } = event.data;
  if (type === 'Echo') {
    self.postMessage({ id, type: 'Echoed', text, n });
  }
};
