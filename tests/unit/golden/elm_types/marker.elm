type Marker
    = Marker


encodeMarker : Marker -> Encode.Value
encodeMarker _ =
    Encode.null


markerDecoder : Decode.Decoder Marker
markerDecoder =
    Decode.null Marker
