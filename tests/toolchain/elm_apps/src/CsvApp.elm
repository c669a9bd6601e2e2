module CsvApp exposing (main)

{-| The seed design's "Use in Elm" example, compiled against the generated
`Workers.CSVWorker`. From the import to `subscriptions` the text is the seed's,
verbatim (spacing included); the seed leaves out `Model` and `main`, which follow it.
-}

import Workers.CSVWorker as CSV

type Msg
    = ParseCSVClicked String
    | CSVResult CSV.CSVWorkerResponse

update : Msg -> Model -> (Model, Cmd Msg)
update msg model =
    case msg of
        ParseCSVClicked csvData ->
            ( { model | status = "Parsing..." }
            , CSV.parseCSV csvData
            )
            
        CSVResult result ->
            case result of
                CSV.CSVParsed data ->
                    ( { model | csvData = data.rows, status = "Complete" }
                    , Cmd.none
                    )
                    
                CSV.ParseError error ->
                    ( { model | error = Just error.error, status = "Failed" }
                    , Cmd.none
                    )

subscriptions : Model -> Sub Msg
subscriptions model =
    CSV.csvWorkerResponse CSVResult


type alias Model =
    { status : String
    , csvData : List (List String)
    , error : Maybe String
    }


{-| Parses the CSV text it is started with, through the seed's own `update`.
-}
main : Program String Model Msg
main =
    Platform.worker
        { init = \csvData -> update (ParseCSVClicked csvData) { status = "Idle", csvData = [], error = Nothing }
        , update = update
        , subscriptions = subscriptions
        }
