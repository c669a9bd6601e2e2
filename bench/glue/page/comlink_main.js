// Setup (c): the same two ports wired to a worker through Comlink (served from npm's
// `comlink` package, its ESM build).

import * as Comlink from '/vendor/comlink.mjs';

export function setupComlink(app, workerUrl) {
  const api = Comlink.wrap(new Worker(workerUrl, { type: 'module' }));
  const toElm = app.ports.echoWorkerResponsePort;
  const send = (reply) => toElm.send(reply);

  app.ports.sendToEchoWorkerPort.subscribe((request) => {
    api.echo(request.text, request.n).then(send);
  });
}
