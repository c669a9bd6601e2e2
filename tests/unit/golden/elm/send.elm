{-| Send any request to the worker.
-}
sendToImageWorker : ImageWorkerRequest -> Cmd msg
sendToImageWorker request =
    sendToImageWorkerPort (encodeImageWorkerRequest request)
