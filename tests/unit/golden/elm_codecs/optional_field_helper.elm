httpRouteWorkerOptionalField : String -> Decode.Decoder a -> Decode.Decoder (Maybe a)
httpRouteWorkerOptionalField field decoder =
    Decode.maybe (Decode.field field Decode.value)
        |> Decode.andThen
            (\maybe ->
                case maybe of
                    Maybe.Just _ ->
                        Decode.field field (Decode.nullable decoder)

                    Maybe.Nothing ->
                        Decode.succeed Maybe.Nothing
            )
