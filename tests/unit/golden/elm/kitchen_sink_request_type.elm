{-| Messages from the main thread to the worker.
-}
type HTTPRouteWorkerRequest
    = -- Stop *everything*.
      --
      --   Really.
      -- a -} b {- c
      -- ---
      -- 	tabbed
      CancelAll
    | Resize Int Int
    | Wrap (Maybe Int)
    | Ping {}
    | Route
        { -- An Elm keyword.
          case_ : Bool
        , value : List (Maybe Int)
        , headers : Dict String (List String)
        , contentType : String
        , nested : ( ( Int, String ), ( Int, Int, () ), Maybe ( Int, String ) )
        , maybePairs : Maybe (List ( Float, Bool ))
        , unit : ()
        , deep : List (List (Maybe (Maybe (Dict String Int))))
        }
