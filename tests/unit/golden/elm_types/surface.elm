type Surface
    = Paved
    | Gravel


encodeSurface : Surface -> Encode.Value
encodeSurface value =
    case value of
        Paved ->
            Encode.string "Paved"

        Gravel ->
            Encode.string "gravel"


surfaceDecoder : Decode.Decoder Surface
surfaceDecoder =
    unitVariant
        |> Decode.andThen
            (\tag ->
                case tag of
                    "Paved" ->
                        Decode.succeed Paved

                    "gravel" ->
                        Decode.succeed Gravel

                    _ ->
                        Decode.fail ("Unknown Surface: " ++ tag)
            )
