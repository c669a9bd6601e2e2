// The bundled app's entry, for Vite (vite.config.js) and webpack: the bundler's Elm
// plugin compiles src/Main.elm, and the generated glue creates the worker with
// `new Worker(new URL('../../workers/csv_worker.js', import.meta.url))`, which the
// bundler follows to bundle the worker entry, the handlers and what they import.
import { Elm } from '../src/Main.elm';
import { setupCSVWorker } from '../generated/js/csv_worker_main.js';

const app = Elm.Main.init({ node: document.getElementById('app') });
setupCSVWorker(app);
