// Define worker messages in your app
#[derive(BuildAmpWorker, Debug, Clone)]
pub enum ImageWorkerMessage {
    // Main → Worker
    ProcessImage { 
        image_url: String, 
        max_width: u32,
        quality: u8,
    },
    
    // Worker → Main  
    ProcessingComplete { 
        result_url: String,
        original_size: (u32, u32),
        final_size: (u32, u32),
    },
    ProcessingFailed { 
        error: String 
    },
    ProcessingProgress { 
        percent: f32 
    },
}
