type Empty
    = Empty


encodeEmpty : Empty -> Encode.Value
encodeEmpty _ =
    Encode.list Basics.identity []


emptyDecoder : Decode.Decoder Empty
emptyDecoder =
    tupleOf 0 (Decode.succeed Empty)
