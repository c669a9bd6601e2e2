type Adj
    = Circle
        { radius : Float
        , tags : List String
        }
    | Square Float
    | Two Int Bool
    | Nothing_


encodeAdj : Adj -> Encode.Value
encodeAdj value =
    case value of
        Circle data ->
            Encode.object
                [ ( "t", Encode.string "Circle" )
                , ( "c"
                  , Encode.object
                        (List.filterMap Basics.identity
                            [ Maybe.Just ( "radius", Encode.float data.radius )
                            , if List.isEmpty data.tags then
                                Maybe.Nothing

                              else
                                Maybe.Just ( "tags", Encode.list Encode.string data.tags )
                            ]
                        )
                  )
                ]

        Square value_ ->
            Encode.object
                [ ( "t", Encode.string "Square" )
                , ( "c", Encode.float value_ )
                ]

        Two value1 value2 ->
            Encode.object
                [ ( "t", Encode.string "Two" )
                , ( "c", Encode.list Basics.identity [ Encode.int value1, Encode.bool value2 ] )
                ]

        Nothing_ ->
            Encode.object [ ( "t", Encode.string "Nothing" ) ]


adjDecoder : Decode.Decoder Adj
adjDecoder =
    Decode.field "t" Decode.string
        |> Decode.andThen
            (\tag ->
                case tag of
                    "Circle" ->
                        Decode.field "c" (objectOnly (Decode.succeed (\radius tags -> Circle { radius = radius, tags = tags })))
                            |> Decode.map2 (|>) (Decode.field "c" (Decode.field "radius" Decode.float))
                            |> Decode.map2 (|>) (Decode.field "c" (Decode.field "tags" (Decode.list Decode.string)))

                    "Square" ->
                        Decode.succeed Square
                            |> Decode.map2 (|>) (Decode.field "c" Decode.float)

                    "Two" ->
                        Decode.field "c" (tupleOf 2 (Decode.succeed Two))
                            |> Decode.map2 (|>) (Decode.field "c" (Decode.index 0 Decode.int))
                            |> Decode.map2 (|>) (Decode.field "c" (Decode.index 1 Decode.bool))

                    "Nothing" ->
                        Decode.map (Basics.always Nothing_) (optionalField "c" (Decode.null ()))

                    _ ->
                        Decode.fail ("Unknown Adj t: " ++ tag)
            )
