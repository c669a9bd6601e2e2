{-| Messages from the worker to the main thread.
-}
type DataWorkerResponse
    = CSVProcessed
        { rows : Int
        , columns : List String
        }
    | StatsCalculated
        { mean : Float
        , median : Float
        , stdDev : Float
        }
    | WorkerError { message : String }
