{-| Read a request from JSON; the inverse of `encodeRouteWorkerRequest`.
-}
routeWorkerRequestDecoder : Decode.Decoder RouteWorkerRequest
routeWorkerRequestDecoder =
    Decode.field "type" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "PlanRoute" ->
                        Decode.succeed (\from labels note at tags -> PlanRoute { from = from, labels = labels, note = note, at = at, tags = tags })
                            |> Decode.map2 (|>) (Decode.field "from" Workers.Types.pointDecoder)
                            |> Decode.map2 (|>) (routeWorkerDefaultField "labels" Dict.empty (routeWorkerDecodeDict Decode.string))
                            |> Decode.map2 (|>) (routeWorkerOptionalField "note" Decode.string)
                            |> Decode.map2 (|>) Workers.Types.pointDecoder
                            |> Decode.map2 (|>) (routeWorkerDefaultField "tags" Dict.empty Workers.Types.labelsDecoder)

                    "Jump" ->
                        Decode.succeed Jump
                            |> Decode.map2 (|>) Workers.Types.pointDecoder

                    "Count" ->
                        Decode.succeed (\n -> Count { n = n })
                            |> Decode.map2 (|>) (routeWorkerDefaultField "n" 0 Decode.int)

                    _ ->
                        Decode.fail ("Unknown RouteWorkerRequest type: " ++ tag)
            )
