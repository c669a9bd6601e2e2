module DataApp exposing (main)

{-| `Workers.DataWorker` used the way the seed's usage example uses the CSV worker:
one command per request, one subscription, and a `case` over every response.
-}

import Workers.DataWorker as Data


type Msg
    = StatsClicked (List Float)
    | CsvClicked String
    | RawCsvClicked String
    | DataResult Data.DataWorkerResponse


type alias Model =
    { status : String
    , rows : Int
    , columns : List String
    , stats : Maybe { mean : Float, median : Float, stdDev : Float }
    , error : Maybe String
    }


update : Msg -> Model -> ( Model, Cmd Msg )
update msg model =
    case msg of
        StatsClicked numbers ->
            ( { model | status = "Calculating..." }
            , Data.calculateStats numbers
            )

        CsvClicked csv ->
            ( { model | status = "Processing..." }
            , Data.processCSV csv
            )

        RawCsvClicked csv ->
            ( { model | status = "Processing..." }
            , Data.sendToDataWorker (Data.ProcessCSV { data = csv })
            )

        DataResult result ->
            case result of
                Data.CSVProcessed data ->
                    ( { model | rows = data.rows, columns = data.columns, status = "Complete" }
                    , Cmd.none
                    )

                Data.StatsCalculated stats ->
                    ( { model
                        | stats = Just { mean = stats.mean, median = stats.median, stdDev = stats.stdDev }
                        , status = "Complete"
                      }
                    , Cmd.none
                    )

                Data.WorkerError error ->
                    ( { model | error = Just error.message, status = "Failed" }
                    , Cmd.none
                    )


subscriptions : Model -> Sub Msg
subscriptions model =
    Data.dataWorkerResponse DataResult


{-| Sends the CSV text it is started with, and asks for the statistics of 1 and 2.
-}
main : Program String Model Msg
main =
    Platform.worker
        { init =
            \csv ->
                let
                    ( model, processing ) =
                        update (CsvClicked csv)
                            { status = "Idle", rows = 0, columns = [], stats = Nothing, error = Nothing }
                in
                ( model
                , Cmd.batch
                    [ processing
                    , Data.calculateStats [ 1, 2 ]
                    , Data.sendToDataWorker (Data.CalculateStats { numbers = [ 0.5 ] })
                    ]
                )
        , update = update
        , subscriptions = subscriptions
        }
