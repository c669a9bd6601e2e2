module TrackedApp exposing (main)

{-| Every function of tracked requests, against the generated `Workers.ImageWorker`:
one job per image with its own progress, a cancel per job, a stop-everything, and a
search-as-you-type restart (cancel and send in one batch), beside the untracked
subscription.
-}

import Dict exposing (Dict)
import Workers.ImageWorker as Image


type Msg
    = Start String
    | Restart String
    | Cancel String
    | StopAll
    | Tracked String Image.ImageWorkerResponse
    | Untracked Image.ImageWorkerResponse


type alias Model =
    { jobs : Dict String String
    }


job : String -> Image.ImageWorkerRequest
job url =
    Image.ProcessImage { imageUrl = url, maxWidth = 800, quality = 80 }


update : Msg -> Model -> ( Model, Cmd Msg )
update msg model =
    case msg of
        Start url ->
            ( { model | jobs = Dict.insert url "0%" model.jobs }
            , Image.sendToImageWorkerWith { tracker = Just url, timeout = Just 30000 } (job url)
            )

        Restart url ->
            ( model
            , Cmd.batch
                [ Image.cancelImageWorker "search"
                , Image.sendToImageWorkerWith { tracker = Just "search", timeout = Nothing } (job url)
                ]
            )

        Cancel url ->
            ( model, Image.cancelImageWorker url )

        StopAll ->
            ( { model | jobs = Dict.empty }
            , Cmd.batch [ Image.terminateImageWorker, Image.sendToImageWorkerWith { tracker = Nothing, timeout = Just 5000 } (job "next") ]
            )

        Tracked url response ->
            ( { model | jobs = Dict.insert url (describe response) model.jobs }, Cmd.none )

        Untracked response ->
            ( { model | jobs = Dict.insert "untracked" (describe response) model.jobs }, Cmd.none )


describe : Image.ImageWorkerResponse -> String
describe response =
    case response of
        Image.ProcessingProgress progress ->
            String.fromFloat progress.percent ++ "%"

        Image.ProcessingComplete done ->
            done.resultUrl

        Image.ProcessingFailed failed ->
            failed.error


main : Program () Model Msg
main =
    Platform.worker
        { init = \_ -> update (Start "a.png") { jobs = Dict.empty }
        , update = update
        , subscriptions =
            \_ ->
                Sub.batch
                    [ Image.imageWorkerTracked Tracked
                    , Image.imageWorkerResponse Untracked
                    ]
        }
