type Pair
    = Pair Int (Maybe String)


encodePair : Pair -> Encode.Value
encodePair (Pair value1 value2) =
    Encode.list Basics.identity [ Encode.int value1, value2 |> Maybe.map Encode.string |> Maybe.withDefault Encode.null ]


pairDecoder : Decode.Decoder Pair
pairDecoder =
    tupleOf 2 (Decode.succeed Pair)
        |> Decode.map2 (|>) (Decode.index 0 Decode.int)
        |> Decode.map2 (|>) (Decode.index 1 (Decode.nullable Decode.string))
