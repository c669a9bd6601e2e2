{-| Every response from the worker; one that does not decode arrives as `ProcessingFailed`.
-}
imageWorkerResponse : (ImageWorkerResponse -> msg) -> Sub msg
imageWorkerResponse toMsg =
    imageWorkerResponsePort
        (\value ->
            case Decode.decodeValue imageWorkerResponseDecoder value of
                Result.Ok response ->
                    toMsg response

                Result.Err error ->
                    toMsg (ProcessingFailed { error = "Could not decode a message from ImageWorker: " ++ Decode.errorToString error })
        )
