{-| Messages from the worker to the main thread.
-}
type HTTPRouteWorkerResponse
    = -- The route ran.
      RouteDone
        { -- HTTP status.
          -- See RFC 9110.
          status : Int
        }
    | Failed String
    | Pair ( Int, String ) (Maybe String)
