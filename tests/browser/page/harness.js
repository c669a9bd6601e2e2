// Test instrumentation for the browser tests, loaded before any generated module.
//
// `makeApp` builds a stand-in for an Elm app: an object shaped exactly like Elm's
// `app.ports` and nothing more. `pushFromElm` plays the Elm side of an outgoing port.
// The `Worker` wrapper counts constructions and records every envelope and terminate().
// Everything observed goes to `window.__log` for the Python side to read and validate.
"use strict";

(function () {
  const log = {
    pushed: [], // {port, value, offContract} pushed "from Elm" into subscribed callbacks
    sent: [], // {port, value} passed by the generated code to an incoming port's send
    workers: [], // {url, options} per `new Worker`
    toWorker: [], // {worker, message} per postMessage from the main thread
    fromWorker: [], // {worker, message} per message event from a worker
    terminated: [], // worker index per terminate() call
    side: [], // what handlers posted on the BroadcastChannel "hamlet-tests"
  };
  window.__log = log;
  window.__apps = {};
  window.__handles = {};

  // Structured copies keep the log immune to later mutation by the code under test.
  const copy = (value) => (value === undefined ? undefined : structuredClone(value));

  const NativeWorker = window.Worker;
  const instances = [];
  window.__workerInstances = instances;

  class RecordingWorker extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      const index = instances.length;
      instances.push(this);
      this.__index = index;
      log.workers.push({
        url: new URL(String(url), location.href).href,
        options: copy(options) ?? null,
      });
      // Registered before the generated code can add its own listener, so every
      // message is seen first here.
      this.addEventListener("message", (event) => {
        log.fromWorker.push({ worker: index, message: copy(event.data) });
      });
    }

    postMessage(message, transfer) {
      log.toWorker.push({ worker: this.__index, message: copy(message) });
      return transfer === undefined ? super.postMessage(message) : super.postMessage(message, transfer);
    }

    terminate() {
      log.terminated.push(this.__index);
      return super.terminate();
    }
  }
  window.Worker = RecordingWorker;

  // `spec` is {outgoing: [port names], incoming: [port names]}; absent ports are absent,
  // as in Elm, whose `app` has no `ports` key at all when the program has no ports.
  window.makeApp = function (name, spec) {
    const subscribers = {};
    const ports = {};
    for (const port of spec.outgoing) {
      const list = [];
      subscribers[port] = list;
      ports[port] = {
        subscribe(fn) {
          list.push(fn);
        },
        unsubscribe(fn) {
          const at = list.indexOf(fn);
          if (at >= 0) list.splice(at, 1);
        },
      };
    }
    for (const port of spec.incoming) {
      ports[port] = {
        send(value) {
          log.sent.push({ port, value: copy(value) });
        },
      };
    }
    const app = spec.outgoing.length + spec.incoming.length > 0 ? { ports } : {};
    window.__apps[name] = { app, subscribers };
    return app;
  };

  window.pushFromElm = function (appName, port, values, offContract) {
    const subscribers = window.__apps[appName].subscribers[port];
    for (const value of values) {
      log.pushed.push({ port, value: copy(value), offContract: Boolean(offContract) });
      for (const fn of subscribers.slice()) fn(value);
    }
  };

  // The side channel: a handler in a worker tells the page what it saw.
  const side = new BroadcastChannel("hamlet-tests");
  side.onmessage = (event) => log.side.push(copy(event.data));

  // A compiled Elm app's own ports, watched as the stand-in's are: what Elm sends on
  // `outgoing` is logged as pushed, what the glue sends on an incoming port as sent.
  window.watchPorts = function (app, outgoing, incoming) {
    const ports = app.ports || {};
    const out = ports[outgoing];
    if (out) {
      const subscribe = out.subscribe.bind(out);
      out.subscribe = (fn) =>
        subscribe((value) => {
          log.pushed.push({ port: outgoing, value: copy(value), offContract: false });
          fn(value);
        });
    }
    window.__unwatched = {};
    for (const name of incoming) {
      const port = ports[name];
      if (port) {
        const send = port.send.bind(port);
        window.__unwatched[name] = send;
        port.send = (value) => {
          log.sent.push({ port: name, value: copy(value) });
          send(value);
        };
      }
    }
  };

  window.subscriberCount = function (appName, port) {
    const list = window.__apps[appName].subscribers[port];
    return list ? list.length : 0;
  };
})();
