port module Workers.HTTPRouteWorker exposing
    ( HTTPRouteWorkerRequest(..), HTTPRouteWorkerResponse(..)
    , cancelAll, resize, wrap, ping, route
    , sendToHTTPRouteWorker, httpRouteWorkerResponse
    , encodeHTTPRouteWorkerRequest, httpRouteWorkerRequestDecoder
    , encodeHTTPRouteWorkerResponse, httpRouteWorkerResponseDecoder
    )
