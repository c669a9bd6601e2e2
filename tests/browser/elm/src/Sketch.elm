port module Sketch exposing (main)

{-| The compiled Elm app for SketchWorker, as Main is for TestWorker: each value it
gets on `askSketch` is decoded with the generated request decoder and sent through the
generated `Workers.SketchWorker`; each response the generated decoder gave it is
encoded again and reported on `receivedSketch`. A value the decoder refuses is
reported on `refusedSketch`, with the decoder's error. (Main and Sketch are compiled
into one script, and a program's ports need names of their own.)
-}

import Json.Decode as Decode
import Json.Encode as Encode
import Workers.SketchWorker as SketchWorker


port askSketch : (Decode.Value -> msg) -> Sub msg


port receivedSketch : Encode.Value -> Cmd msg


port refusedSketch : String -> Cmd msg


type Msg
    = Ask Decode.Value
    | Got SketchWorker.SketchWorkerResponse


main : Program () () Msg
main =
    Platform.worker
        { init = \_ -> ( (), Cmd.none )
        , update = update
        , subscriptions = \_ -> Sub.batch [ askSketch Ask, SketchWorker.sketchWorkerResponse Got ]
        }


update : Msg -> () -> ( (), Cmd Msg )
update msg model =
    case msg of
        Ask value ->
            case Decode.decodeValue SketchWorker.sketchWorkerRequestDecoder value of
                Ok request ->
                    ( model, SketchWorker.sendToSketchWorker request )

                Err error ->
                    ( model, refusedSketch (Decode.errorToString error) )

        Got response ->
            ( model, receivedSketch (SketchWorker.encodeSketchWorkerResponse response) )
