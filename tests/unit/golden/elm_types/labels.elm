type alias Labels =
    Dict String (List String)


encodeLabels : Labels -> Encode.Value
encodeLabels value =
    encodeDict (Encode.list Encode.string) value


labelsDecoder : Decode.Decoder Labels
labelsDecoder =
    decodeDict (Decode.list Decode.string)
