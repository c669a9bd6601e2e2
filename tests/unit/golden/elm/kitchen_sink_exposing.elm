port module Workers.HTTPRouteWorker exposing
    ( HTTPRouteWorkerRequest(..), HTTPRouteWorkerResponse(..)
    , cancelAll, resize, wrap, ping, route
    , sendToHTTPRouteWorker, httpRouteWorkerResponse
    , sendToHTTPRouteWorkerWith, httpRouteWorkerTracked, cancelHTTPRouteWorker, terminateHTTPRouteWorker
    , encodeHTTPRouteWorkerRequest, httpRouteWorkerRequestDecoder
    , encodeHTTPRouteWorkerResponse, httpRouteWorkerResponseDecoder
    )
