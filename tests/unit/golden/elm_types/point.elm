type alias Point =
    { x : Float
    , y : Float
    }


encodePoint : Point -> Encode.Value
encodePoint value =
    Encode.object
        [ ( "x", Encode.float value.x )
        , ( "y", Encode.float value.y )
        ]


pointDecoder : Decode.Decoder Point
pointDecoder =
    objectOrArray 2
        [ "x", "y" ]
        (Decode.succeed (\x y -> { x = x, y = y })
            |> Decode.map2 (|>) (Decode.field "x" Decode.float)
            |> Decode.map2 (|>) (Decode.field "y" Decode.float)
        )
