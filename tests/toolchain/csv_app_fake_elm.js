// Stands in for the compiled Elm app (generated/elm.js) in test_csv_app.py, so the
// example's index.html, the generated glue, the worker entry and the handlers run for
// real in Chromium without the Elm packages. It offers what the real app offers:
// `Elm.Main.init({ node })` returning an app with the two ports Main.elm uses.
//
//   window.__fromElm(value)  what the Elm port `sendToCSVWorkerPort` would carry
//   window.__toElm           every value sent to `csvWorkerResponsePort`, in order
(function () {
    const subscribers = [];
    window.__toElm = [];
    window.__initNode = null;
    window.__subscribers = () => subscribers.length;
    window.__fromElm = (value) => {
        for (const subscriber of subscribers.slice()) {
            subscriber(value);
        }
    };
    window.Elm = {
        Main: {
            init(options) {
                window.__initNode = options && options.node ? options.node.id : null;
                return {
                    ports: {
                        sendToCSVWorkerPort: {
                            subscribe: (fn) => subscribers.push(fn),
                            unsubscribe: (fn) => {
                                const at = subscribers.indexOf(fn);
                                if (at !== -1) subscribers.splice(at, 1);
                            },
                        },
                        csvWorkerResponsePort: {
                            send: (value) => window.__toElm.push(value),
                        },
                    },
                };
            },
        },
    };
})();
