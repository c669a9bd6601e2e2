type Meters
    = Meters Float


encodeMeters : Meters -> Encode.Value
encodeMeters (Meters value_) =
    Encode.float value_


metersDecoder : Decode.Decoder Meters
metersDecoder =
    Decode.map Meters Decode.float
