port module Tracked exposing (main)

{-| A real Elm app for the tracked-request tests: each list it gets on `runTracked`
becomes one update whose commands are one `Cmd.batch`, in the list's order, made with
the generated `Workers.TestWorker` (so Elm, not the test, decides the order in which
they reach JavaScript). It reports what each subscription gave it on `gotTracked`.
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Operations exposing (operation)
import Workers.TestWorker as TestWorker


port runTracked : (Decode.Value -> msg) -> Sub msg


port gotTracked : Encode.Value -> Cmd msg


type Msg
    = Run Decode.Value
    | Tracked String TestWorker.TestWorkerResponse
    | Untracked TestWorker.TestWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions =
            \_ ->
                Sub.batch
                    [ runTracked Run
                    , TestWorker.testWorkerTracked Tracked
                    , TestWorker.testWorkerResponse Untracked
                    ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Run value ->
            case Decode.decodeValue (Decode.list operation) value of
                Ok commands ->
                    ( model, Cmd.batch commands )

                Err error ->
                    ( model, gotTracked (Encode.object [ ( "error", Encode.string (Decode.errorToString error) ) ]) )

        Tracked tracker response ->
            ( model
            , gotTracked
                (Encode.object
                    [ ( "tracker", Encode.string tracker )
                    , ( "response", TestWorker.encodeTestWorkerResponse response )
                    ]
                )
            )

        Untracked response ->
            ( model, gotTracked (Encode.object [ ( "response", TestWorker.encodeTestWorkerResponse response ) ]) )
