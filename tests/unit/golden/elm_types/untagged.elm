type Loose
    = Blank
    | Num Float
    | Duo Int String
    | Rec
        { name : String
        , note : Maybe String
        }


encodeLoose : Loose -> Encode.Value
encodeLoose value =
    case value of
        Blank ->
            Encode.null

        Num value_ ->
            Encode.float value_

        Duo value1 value2 ->
            Encode.list Basics.identity [ Encode.int value1, Encode.string value2 ]

        Rec data ->
            Encode.object
                (List.filterMap Basics.identity
                    [ Maybe.Just ( "name", Encode.string data.name )
                    , Maybe.map (Encode.string >> Tuple.pair "note") data.note
                    ]
                )


looseDecoder : Decode.Decoder Loose
looseDecoder =
    Decode.oneOf
        [ Decode.null Blank
        , Decode.map Num Decode.float
        , tupleOf 2 (Decode.succeed Duo)
            |> Decode.map2 (|>) (Decode.index 0 Decode.int)
            |> Decode.map2 (|>) (Decode.index 1 Decode.string)
        , objectOnly (Decode.succeed (\name note -> Rec { name = name, note = note }))
            |> Decode.map2 (|>) (Decode.field "name" Decode.string)
            |> Decode.map2 (|>) (optionalField "note" Decode.string)
        ]
