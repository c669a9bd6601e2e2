{-| Read a request from JSON; the inverse of `encodeImageWorkerRequest`.
-}
imageWorkerRequestDecoder : Decode.Decoder ImageWorkerRequest
imageWorkerRequestDecoder =
    Decode.field "type" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "ProcessImage" ->
                        Decode.succeed (\imageUrl maxWidth quality -> ProcessImage { imageUrl = imageUrl, maxWidth = maxWidth, quality = quality })
                            |> Decode.map2 (|>) (Decode.field "imageUrl" Decode.string)
                            |> Decode.map2 (|>) (Decode.field "maxWidth" Decode.int)
                            |> Decode.map2 (|>) (Decode.field "quality" Decode.int)

                    _ ->
                        Decode.fail ("Unknown ImageWorkerRequest type: " ++ tag)
            )
