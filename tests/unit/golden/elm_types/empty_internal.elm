type Inner
    = InnerV
    | U


encodeInner : Inner -> Encode.Value
encodeInner value =
    case value of
        InnerV ->
            Encode.object
                [ ( "type", Encode.string "V" )
                , ( "value", Encode.list Basics.identity [] )
                ]

        U ->
            Encode.object [ ( "type", Encode.string "U" ) ]


innerDecoder : Decode.Decoder Inner
innerDecoder =
    Decode.field "type" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "V" ->
                        Decode.field "value" (tupleOf 0 (Decode.succeed InnerV))

                    "U" ->
                        Decode.succeed U

                    _ ->
                        Decode.fail ("Unknown Inner type: " ++ tag)
            )
