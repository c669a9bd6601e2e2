port module Main exposing (main)

{-| Sends each JSON text it gets as a `KeysWorker` request, through the generated
codecs, and reports each response re-encoded, or the text of a decode failure.
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Workers.KeysWorker as Keys


port requests : (String -> msg) -> Sub msg


port responses : String -> Cmd msg


type Msg
    = Request String
    | Response Keys.KeysWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions = \_ -> Sub.batch [ requests Request, Keys.keysWorkerResponse Response ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Request text ->
            case Decode.decodeString Keys.keysWorkerRequestDecoder text of
                Ok request ->
                    ( model, Keys.sendToKeysWorker request )

                Err error ->
                    ( model, responses ("request did not decode: " ++ Decode.errorToString error) )

        Response response ->
            ( model, responses (Encode.encode 0 (Keys.encodeKeysWorkerResponse response)) )
