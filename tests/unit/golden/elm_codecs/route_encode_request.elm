{-| Turn a request into the JSON the worker reads.
-}
encodeRouteWorkerRequest : RouteWorkerRequest -> Encode.Value
encodeRouteWorkerRequest request =
    case request of
        PlanRoute data ->
            Encode.object
                (List.filterMap Basics.identity
                    [ Maybe.Just ( "type", Encode.string "PlanRoute" )
                    , Maybe.Just ( "from", Workers.Types.encodePoint data.from )
                    , if Dict.isEmpty data.labels then
                        Maybe.Nothing

                      else
                        Maybe.Just ( "labels", routeWorkerEncodeDict Encode.string data.labels )
                    , Maybe.map (Encode.string >> Tuple.pair "note") data.note
                    , Maybe.Just ( "x", Encode.float data.at.x )
                    , Maybe.Just ( "y", Encode.float data.at.y )
                    , if Dict.isEmpty data.tags then
                        Maybe.Nothing

                      else
                        Maybe.Just ( "tags", Workers.Types.encodeLabels data.tags )
                    ]
                )

        Jump value_ ->
            Encode.object
                [ ( "type", Encode.string "Jump" )
                , ( "x", Encode.float value_.x )
                , ( "y", Encode.float value_.y )
                ]

        Count data ->
            Encode.object
                [ ( "type", Encode.string "Count" )
                , ( "n", Encode.int data.n )
                ]
