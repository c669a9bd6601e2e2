port module Main exposing (main)

{-| A real Elm app for the browser tests: it sends each request it gets on `ask`
through the generated `Workers.TestWorker`, and reports each response the generated
decoder gave it on `received`, encoded again with the generated encoder.
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Workers.TestWorker as TestWorker


port ask : (Decode.Value -> msg) -> Sub msg


port received : Encode.Value -> Cmd msg


type Msg
    = Ask Decode.Value
    | Got TestWorker.TestWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions = \_ -> Sub.batch [ ask Ask, TestWorker.testWorkerResponse Got ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Ask value ->
            case Decode.decodeValue TestWorker.testWorkerRequestDecoder value of
                Ok request ->
                    ( model, TestWorker.sendToTestWorker request )

                Err error ->
                    ( model, received (Encode.object [ ( "askError", Encode.string (Decode.errorToString error) ) ]) )

        Got response ->
            ( model, received (TestWorker.encodeTestWorkerResponse response) )
