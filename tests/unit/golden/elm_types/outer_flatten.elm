type alias Outer =
    { name : String
    , middle : Middle
    , note : Maybe String
    }


encodeOuter : Outer -> Encode.Value
encodeOuter value =
    Encode.object
        (List.filterMap Basics.identity
            [ Maybe.Just ( "name", Encode.string value.name )
            , Maybe.Just ( "z", Encode.int value.middle.z )
            , Maybe.Just ( "x", Encode.float value.middle.point.x )
            , Maybe.Just ( "y", Encode.float value.middle.point.y )
            , Maybe.map (Encode.string >> Tuple.pair "note") value.note
            ]
        )


outerDecoder : Decode.Decoder Outer
outerDecoder =
    objectOnly (Decode.succeed (\name middle note -> { name = name, middle = middle, note = note }))
        |> Decode.map2 (|>) (Decode.field "name" Decode.string)
        |> Decode.map2 (|>) middleDecoder
        |> Decode.map2 (|>) (optionalField "note" Decode.string)
