type Node
    = Node { next : Maybe Node }


encodeNode : Node -> Encode.Value
encodeNode (Node data) =
    Encode.object [ ( "next", data.next |> Maybe.map encodeNode |> Maybe.withDefault Encode.null ) ]


nodeDecoder : Decode.Decoder Node
nodeDecoder =
    objectOrArray 1
        [ "next" ]
        (Decode.succeed (\next -> Node { next = next })
            |> Decode.map2 (|>) (optionalField "next" (Decode.lazy (\_ -> nodeDecoder)))
        )
