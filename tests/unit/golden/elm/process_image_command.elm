{-| Send `ProcessImage` to the worker.
-}
processImage : String -> Int -> Int -> Cmd msg
processImage imageUrl maxWidth quality =
    sendToImageWorker (ProcessImage { imageUrl = imageUrl, maxWidth = maxWidth, quality = quality })
