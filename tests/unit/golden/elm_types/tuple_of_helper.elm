tupleOf : Int -> Decode.Decoder a -> Decode.Decoder a
tupleOf size decoder =
    Decode.list Decode.value
        |> Decode.andThen
            (\items ->
                if List.length items == size then
                    decoder

                else
                    Decode.fail ("Expecting an ARRAY of " ++ String.fromInt size ++ " elements")
            )
