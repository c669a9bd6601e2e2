type alias Options =
    { tags : List String
    , meta : Dict String Int
    , name : String
    , count : Int
    , ratio : Float
    , on : Bool
    , nothing : ()
    , note : Maybe String
    , labels : Labels
    , pair : ( Int, Int )
    }


encodeOptions : Options -> Encode.Value
encodeOptions value =
    Encode.object
        [ ( "tags", Encode.list Encode.string value.tags )
        , ( "meta", encodeDict Encode.int value.meta )
        , ( "name", Encode.string value.name )
        , ( "count", Encode.int value.count )
        , ( "ratio", Encode.float value.ratio )
        , ( "on", Encode.bool value.on )
        , ( "nothing", Encode.null )
        , ( "note", value.note |> Maybe.map Encode.string |> Maybe.withDefault Encode.null )
        , ( "labels", encodeLabels value.labels )
        , ( "pair", (\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) value.pair )
        ]


optionsDecoder : Decode.Decoder Options
optionsDecoder =
    objectOrArray 10
        [ "tags", "meta", "name", "count", "ratio", "on", "nothing", "note", "labels", "pair" ]
        (Decode.succeed (\tags meta name count ratio on nothing note labels pair -> { tags = tags, meta = meta, name = name, count = count, ratio = ratio, on = on, nothing = nothing, note = note, labels = labels, pair = pair })
            |> Decode.map2 (|>) (defaultField "tags" [] (Decode.list Decode.string))
            |> Decode.map2 (|>) (defaultField "meta" Dict.empty (decodeDict Decode.int))
            |> Decode.map2 (|>) (defaultField "name" "" Decode.string)
            |> Decode.map2 (|>) (defaultField "count" 0 Decode.int)
            |> Decode.map2 (|>) (defaultField "ratio" 0.0 Decode.float)
            |> Decode.map2 (|>) (defaultField "on" Basics.False Decode.bool)
            |> Decode.map2 (|>) (defaultField "nothing" () (Decode.null ()))
            |> Decode.map2 (|>) (optionalField "note" Decode.string)
            |> Decode.map2 (|>) (defaultField "labels" Dict.empty labelsDecoder)
            |> Decode.map2 (|>) (Decode.field "pair" (tupleOf 2 (Decode.map2 Tuple.pair (Decode.index 0 Decode.int) (Decode.index 1 Decode.int))))
        )
