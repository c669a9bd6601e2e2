{-| Turn a response into the JSON the worker sends.
-}
encodeImageWorkerResponse : ImageWorkerResponse -> Encode.Value
encodeImageWorkerResponse response =
    case response of
        ProcessingComplete data ->
            Encode.object
                [ ( "type", Encode.string "ProcessingComplete" )
                , ( "resultUrl", Encode.string data.resultUrl )
                , ( "originalSize", (\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) data.originalSize )
                , ( "finalSize", (\( a, b ) -> Encode.list Basics.identity [ Encode.int a, Encode.int b ]) data.finalSize )
                ]

        ProcessingFailed data ->
            Encode.object
                [ ( "type", Encode.string "ProcessingFailed" )
                , ( "error", Encode.string data.error )
                ]

        ProcessingProgress data ->
            Encode.object
                [ ( "type", Encode.string "ProcessingProgress" )
                , ( "percent", Encode.float data.percent )
                ]
