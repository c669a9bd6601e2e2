port module Partial exposing (main)

{-| Uses only some of the new functions: `sendToTestWorkerWith`, `cancelTestWorker`
and `testWorkerResponse`, never `testWorkerTracked`, so Elm leaves
`testWorkerTrackedPort` out of `app.ports`. Compiled on its own (a program compiled
with others gets their ports too). Operations as in `Operations`.
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Operations exposing (operation)
import Workers.TestWorker as TestWorker


port runPartial : (Decode.Value -> msg) -> Sub msg


port gotPartial : Encode.Value -> Cmd msg


type Msg
    = Run Decode.Value
    | Untracked TestWorker.TestWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions = \_ -> Sub.batch [ runPartial Run, TestWorker.testWorkerResponse Untracked ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Run value ->
            ( model, Cmd.batch (Result.withDefault [] (Decode.decodeValue (Decode.list operation) value)) )

        Untracked response ->
            ( model, gotPartial (Encode.object [ ( "response", TestWorker.encodeTestWorkerResponse response ) ]) )
