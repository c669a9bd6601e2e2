// Setup (c), the worker: one exposed method that answers Echo with Echoed.

import * as Comlink from '/vendor/comlink.mjs';

Comlink.expose({
  echo(text, n) {
    return { type: 'Echoed', text, n };
  },
});
