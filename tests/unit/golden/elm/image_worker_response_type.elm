{-| Messages from the worker to the main thread.
-}
type ImageWorkerResponse
    = ProcessingComplete
        { resultUrl : String
        , originalSize : ( Int, Int )
        , finalSize : ( Int, Int )
        }
    | ProcessingFailed { error : String }
    | ProcessingProgress { percent : Float }
