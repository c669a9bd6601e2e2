module Operations exposing (operation)

{-| The operations the tracked-request test apps take on their `run<Module>` port, as
one command each, made with the generated `Workers.TestWorker`:

    {"op": "send", "tracker": "t" or null, "timeout": 100 or null, "request": {...}}
    {"op": "plain", "request": {...}}
    {"op": "cancel", "tracker": "t"}
    {"op": "terminate"}

None of them uses a subscription, so an app that imports this gets no incoming port
of the worker's from it.

-}

import Json.Decode as Decode
import Workers.TestWorker as TestWorker


operation : Decode.Decoder (Cmd msg)
operation =
    Decode.field "op" Decode.string
        |> Decode.andThen
            (\op ->
                case op of
                    "send" ->
                        Decode.map3
                            (\tracker timeout request ->
                                TestWorker.sendToTestWorkerWith { tracker = tracker, timeout = timeout } request
                            )
                            (Decode.field "tracker" (Decode.nullable Decode.string))
                            (Decode.oneOf [ Decode.field "timeout" (Decode.nullable Decode.float), Decode.succeed Nothing ])
                            (Decode.field "request" TestWorker.testWorkerRequestDecoder)

                    "plain" ->
                        Decode.map TestWorker.sendToTestWorker (Decode.field "request" TestWorker.testWorkerRequestDecoder)

                    "cancel" ->
                        Decode.map TestWorker.cancelTestWorker (Decode.field "tracker" Decode.string)

                    "terminate" ->
                        Decode.succeed TestWorker.terminateTestWorker

                    _ ->
                        Decode.fail ("no operation " ++ op)
            )
