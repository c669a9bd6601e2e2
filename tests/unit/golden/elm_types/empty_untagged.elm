type Un
    = V
    | W {}


encodeUn : Un -> Encode.Value
encodeUn value =
    case value of
        V ->
            Encode.list Basics.identity []

        W _ ->
            Encode.object []


unDecoder : Decode.Decoder Un
unDecoder =
    Decode.oneOf
        [ tupleOf 0 (Decode.succeed V)
        , objectOnly (Decode.succeed (W {}))
        ]
