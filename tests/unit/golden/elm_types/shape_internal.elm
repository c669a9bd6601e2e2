type Shape
    = ShapeCircle
        { center : Point
        , radius : Float
        }
    | Polygon (List Point)
    | Empty


encodeShape : Shape -> Encode.Value
encodeShape value =
    case value of
        ShapeCircle data ->
            Encode.object
                [ ( "type", Encode.string "Circle" )
                , ( "center", encodePoint data.center )
                , ( "radius", Encode.float data.radius )
                ]

        Polygon value_ ->
            Encode.object
                [ ( "type", Encode.string "Polygon" )
                , ( "value", Encode.list encodePoint value_ )
                ]

        Empty ->
            Encode.object [ ( "type", Encode.string "Empty" ) ]


shapeDecoder : Decode.Decoder Shape
shapeDecoder =
    Decode.field "type" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "Circle" ->
                        Decode.succeed (\center radius -> ShapeCircle { center = center, radius = radius })
                            |> Decode.map2 (|>) (Decode.field "center" pointDecoder)
                            |> Decode.map2 (|>) (Decode.field "radius" Decode.float)

                    "Polygon" ->
                        Decode.succeed Polygon
                            |> Decode.map2 (|>) (Decode.field "value" (Decode.list pointDecoder))

                    "Empty" ->
                        Decode.succeed Empty

                    _ ->
                        Decode.fail ("Unknown Shape type: " ++ tag)
            )
