defaultField : String -> a -> Decode.Decoder a -> Decode.Decoder a
defaultField field default decoder =
    Decode.maybe (Decode.field field Decode.value)
        |> Decode.andThen
            (\maybe ->
                case maybe of
                    Maybe.Just _ ->
                        Decode.field field decoder

                    Maybe.Nothing ->
                        Decode.succeed default
            )
