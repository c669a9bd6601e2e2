type Tree
    = Tree
        { label : String
        , children : Forest
        , at : Point
        }


encodeTree : Tree -> Encode.Value
encodeTree (Tree data) =
    Encode.object
        [ ( "label", Encode.string data.label )
        , ( "children", encodeForest data.children )
        , ( "at", encodePoint data.at )
        ]


treeDecoder : Decode.Decoder Tree
treeDecoder =
    objectOrArray 3
        [ "label", "children", "at" ]
        (Decode.succeed (\label children at -> Tree { label = label, children = children, at = at })
            |> Decode.map2 (|>) (Decode.field "label" Decode.string)
            |> Decode.map2 (|>) (Decode.field "children" (Decode.lazy (\_ -> forestDecoder)))
            |> Decode.map2 (|>) (Decode.field "at" pointDecoder)
        )
