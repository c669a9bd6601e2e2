type alias Forest =
    List Tree


encodeForest : Forest -> Encode.Value
encodeForest value =
    Encode.list encodeTree value


forestDecoder : Decode.Decoder Forest
forestDecoder =
    Decode.list (Decode.lazy (\_ -> treeDecoder))
