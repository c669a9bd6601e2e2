module ImageApp exposing (main)

{-| `Workers.ImageWorker` used the way the seed's usage example uses the CSV worker:
one command per request, one subscription, and a `case` over every response.
-}

import Workers.ImageWorker as Image


type Msg
    = ProcessClicked String
    | ThumbnailClicked String
    | ImageResult Image.ImageWorkerResponse


type alias Model =
    { status : String
    , resultUrl : Maybe String
    , originalSize : Maybe ( Int, Int )
    , finalSize : Maybe ( Int, Int )
    , percent : Float
    , error : Maybe String
    }


update : Msg -> Model -> ( Model, Cmd Msg )
update msg model =
    case msg of
        ProcessClicked url ->
            ( { model | status = "Processing..." }
            , Image.processImage url 800 80
            )

        ThumbnailClicked url ->
            ( { model | status = "Processing..." }
            , Image.sendToImageWorker (Image.ProcessImage { imageUrl = url, maxWidth = 120, quality = 60 })
            )

        ImageResult result ->
            case result of
                Image.ProcessingComplete data ->
                    ( { model
                        | resultUrl = Just data.resultUrl
                        , originalSize = Just data.originalSize
                        , finalSize = Just data.finalSize
                        , status = "Complete"
                      }
                    , Cmd.none
                    )

                Image.ProcessingFailed error ->
                    ( { model | error = Just error.error, status = "Failed" }
                    , Cmd.none
                    )

                Image.ProcessingProgress progress ->
                    ( { model | percent = progress.percent }
                    , Cmd.none
                    )


subscriptions : Model -> Sub Msg
subscriptions model =
    Image.imageWorkerResponse ImageResult


{-| Processes the image URL it is started with.
-}
main : Program String Model Msg
main =
    Platform.worker
        { init =
            \url ->
                update (ProcessClicked url)
                    { status = "Idle"
                    , resultUrl = Nothing
                    , originalSize = Nothing
                    , finalSize = Nothing
                    , percent = 0
                    , error = Nothing
                    }
        , update = update
        , subscriptions = subscriptions
        }
