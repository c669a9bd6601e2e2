type Mark
    = At Point
    | Pair Int Int


encodeMark : Mark -> Encode.Value
encodeMark value =
    case value of
        At value_ ->
            Encode.object
                [ ( "kind", Encode.string "At" )
                , ( "x", Encode.float value_.x )
                , ( "y", Encode.float value_.y )
                ]

        Pair value1 value2 ->
            Encode.object
                [ ( "kind", Encode.string "Pair" )
                , ( "value", Encode.list Basics.identity [ Encode.int value1, Encode.int value2 ] )
                ]


markDecoder : Decode.Decoder Mark
markDecoder =
    Decode.field "kind" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "At" ->
                        Decode.succeed At
                            |> Decode.map2 (|>) pointDecoder

                    "Pair" ->
                        Decode.field "value" (tupleOf 2 (Decode.succeed Pair))
                            |> Decode.map2 (|>) (Decode.field "value" (Decode.index 0 Decode.int))
                            |> Decode.map2 (|>) (Decode.field "value" (Decode.index 1 Decode.int))

                    _ ->
                        Decode.fail ("Unknown Mark kind: " ++ tag)
            )
