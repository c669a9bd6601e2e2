type alias Proto =
    { constructor : Maybe Int
    , proto : String
    , valueOf : List Int
    , plain : Maybe Int
    }


encodeProto : Proto -> Encode.Value
encodeProto value =
    anyKeyObject
        [ ( "constructor", value.constructor |> Maybe.map Encode.int |> Maybe.withDefault Encode.null )
        , ( "__proto__", Encode.string value.proto )
        , ( "valueOf", Encode.list Encode.int value.valueOf )
        , ( "plain", value.plain |> Maybe.map Encode.int |> Maybe.withDefault Encode.null )
        ]


protoDecoder : Decode.Decoder Proto
protoDecoder =
    objectOrArray 4
        [ "constructor", "__proto__", "valueOf", "plain" ]
        (Decode.succeed (\constructor proto valueOf plain -> { constructor = constructor, proto = proto, valueOf = valueOf, plain = plain })
            |> Decode.map2 (|>) (ownField "constructor" (Maybe.Just Maybe.Nothing) (Decode.nullable Decode.int))
            |> Decode.map2 (|>) (ownField "__proto__" Maybe.Nothing Decode.string)
            |> Decode.map2 (|>) (ownField "valueOf" (Maybe.Just []) (Decode.list Decode.int))
            |> Decode.map2 (|>) (optionalField "plain" Decode.int)
        )
