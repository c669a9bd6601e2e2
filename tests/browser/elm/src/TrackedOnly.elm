port module TrackedOnly exposing (main)

{-| Uses `sendToTestWorkerWith`, `testWorkerTracked` and `terminateTestWorker`, never
`testWorkerResponse`, so Elm leaves `testWorkerResponsePort` out of `app.ports`: the
responses of untracked requests have nowhere to go. Compiled on its own. Operations as
in `Operations`.
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Operations exposing (operation)
import Workers.TestWorker as TestWorker


port runTrackedOnly : (Decode.Value -> msg) -> Sub msg


port gotTrackedOnly : Encode.Value -> Cmd msg


type Msg
    = Run Decode.Value
    | Tracked String TestWorker.TestWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions = \_ -> Sub.batch [ runTrackedOnly Run, TestWorker.testWorkerTracked Tracked ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Run value ->
            ( model, Cmd.batch (Result.withDefault [] (Decode.decodeValue (Decode.list operation) value)) )

        Tracked tracker response ->
            ( model
            , gotTrackedOnly
                (Encode.object
                    [ ( "tracker", Encode.string tracker )
                    , ( "response", TestWorker.encodeTestWorkerResponse response )
                    ]
                )
            )
