type Adj
    = AdjV
    | AdjW {}


encodeAdj : Adj -> Encode.Value
encodeAdj value =
    case value of
        AdjV ->
            Encode.object
                [ ( "t", Encode.string "V" )
                , ( "c", Encode.list Basics.identity [] )
                ]

        AdjW _ ->
            Encode.object
                [ ( "t", Encode.string "W" )
                , ( "c", Encode.object [] )
                ]


adjDecoder : Decode.Decoder Adj
adjDecoder =
    Decode.field "t" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "V" ->
                        Decode.field "c" (tupleOf 0 (Decode.succeed AdjV))

                    "W" ->
                        Decode.field "c" (objectOnly (Decode.succeed (AdjW {})))

                    _ ->
                        Decode.fail ("Unknown Adj t: " ++ tag)
            )
