encodeDict : (a -> Encode.Value) -> Dict String a -> Encode.Value
encodeDict encoder dict =
    if Dict.member "__proto__" dict then
        anyKeyObject (List.map (Tuple.mapSecond encoder) (Dict.toList dict))

    else
        Encode.dict Basics.identity encoder dict
