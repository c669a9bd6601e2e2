type Ext
    = ExtCircle
        { centerPoint : Point
        , note : Maybe String
        , tags : List String
        }
    | Square Float
    | Pair Int ( Int, String )
    | -- A *dot*.
      Dot
    | NoFields
    | EmptyRecord {}
    | Framed
        { id : Int
        , at : Point
        }
    | Proto (Maybe Int)


encodeExt : Ext -> Encode.Value
encodeExt value =
    case value of
        ExtCircle data ->
            Encode.object
                [ ( "Circle"
                  , Encode.object
                        (List.filterMap Basics.identity
                            [ Maybe.Just ( "center_point", encodePoint data.centerPoint )
                            , Maybe.map (Encode.string >> Tuple.pair "note") data.note
                            , Maybe.Just ( "tags", Encode.list Encode.string data.tags )
                            ]
                        )
                  )
                ]

        Square value_ ->
            Encode.object [ ( "Square", Encode.float value_ ) ]

        Pair value1 value2 ->
            Encode.object [ ( "Pair", Encode.list Basics.identity [ Encode.int value1, (\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.string b ]) value2 ] ) ]

        Dot ->
            Encode.string "Dot"

        NoFields ->
            Encode.object [ ( "NoFields", Encode.list Basics.identity [] ) ]

        EmptyRecord _ ->
            Encode.object [ ( "EmptyRecord", Encode.object [] ) ]

        Framed data ->
            Encode.object
                [ ( "Framed"
                  , Encode.object
                        [ ( "id", Encode.int data.id )
                        , ( "x", Encode.float data.at.x )
                        , ( "y", Encode.float data.at.y )
                        ]
                  )
                ]

        Proto value_ ->
            anyKeyObject [ ( "__proto__", value_ |> Maybe.map Encode.int |> Maybe.withDefault Encode.null ) ]


extDecoder : Decode.Decoder Ext
extDecoder =
    externalTag
        |> Decode.andThen
            (\tag ->
                case tag of
                    "Circle" ->
                        Decode.field "Circle"
                            (objectOrArray 2
                                [ "center_point", "note", "tags" ]
                                (Decode.succeed (\centerPoint note tags -> ExtCircle { centerPoint = centerPoint, note = note, tags = tags })
                                    |> Decode.map2 (|>) (Decode.field "center_point" pointDecoder)
                                    |> Decode.map2 (|>) (optionalField "note" Decode.string)
                                    |> Decode.map2 (|>) (defaultField "tags" [] (Decode.list Decode.string))
                                )
                            )

                    "Square" ->
                        Decode.field "Square" (Decode.map Square Decode.float)

                    "Pair" ->
                        Decode.field "Pair"
                            (tupleOf 2 (Decode.succeed Pair)
                                |> Decode.map2 (|>) (Decode.index 0 Decode.int)
                                |> Decode.map2 (|>) (Decode.index 1 (tupleOf 2 (Decode.map2 Tuple.pair (Decode.index 0 Decode.int) (Decode.index 1 Decode.string))))
                            )

                    "Dot" ->
                        Decode.oneOf [ Decode.map (Basics.always Dot) Decode.string, Decode.field "Dot" (Decode.null Dot) ]

                    "NoFields" ->
                        Decode.field "NoFields" (tupleOf 0 (Decode.succeed NoFields))

                    "EmptyRecord" ->
                        Decode.field "EmptyRecord" (objectOrArray 0 [] (Decode.succeed (EmptyRecord {})))

                    "Framed" ->
                        Decode.field "Framed"
                            (objectOnly (Decode.succeed (\id at -> Framed { id = id, at = at }))
                                |> Decode.map2 (|>) (Decode.field "id" Decode.int)
                                |> Decode.map2 (|>) pointDecoder
                            )

                    "__proto__" ->
                        Decode.field "__proto__" (Decode.map Proto (Decode.nullable Decode.int))

                    _ ->
                        Decode.fail ("Unknown Ext: " ++ tag)
            )
