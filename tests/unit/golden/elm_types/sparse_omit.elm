type alias Sparse =
    { tags : List String
    , meta : Dict String Int
    , labels : Labels
    , name : String
    , note : Maybe ( Int, Int )
    , count : Int
    }


encodeSparse : Sparse -> Encode.Value
encodeSparse value =
    Encode.object
        (List.filterMap Basics.identity
            [ if List.isEmpty value.tags then
                Maybe.Nothing

              else
                Maybe.Just ( "tags", Encode.list Encode.string value.tags )
            , if Dict.isEmpty value.meta then
                Maybe.Nothing

              else
                Maybe.Just ( "meta", encodeDict Encode.int value.meta )
            , if Dict.isEmpty value.labels then
                Maybe.Nothing

              else
                Maybe.Just ( "labels", encodeLabels value.labels )
            , if String.isEmpty value.name then
                Maybe.Nothing

              else
                Maybe.Just ( "name", Encode.string value.name )
            , Maybe.map ((\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) >> Tuple.pair "note") value.note
            , Maybe.Just ( "count", Encode.int value.count )
            ]
        )


sparseDecoder : Decode.Decoder Sparse
sparseDecoder =
    objectOrArray 6
        [ "tags", "meta", "labels", "name", "note", "count" ]
        (Decode.succeed (\tags meta labels name note count -> { tags = tags, meta = meta, labels = labels, name = name, note = note, count = count })
            |> Decode.map2 (|>) (Decode.field "tags" (Decode.list Decode.string))
            |> Decode.map2 (|>) (Decode.field "meta" (decodeDict Decode.int))
            |> Decode.map2 (|>) (Decode.field "labels" labelsDecoder)
            |> Decode.map2 (|>) (Decode.field "name" Decode.string)
            |> Decode.map2 (|>) (optionalField "note" (tupleOf 2 (Decode.map2 Tuple.pair (Decode.index 0 Decode.int) (Decode.index 1 Decode.int))))
            |> Decode.map2 (|>) (Decode.field "count" Decode.int)
        )
