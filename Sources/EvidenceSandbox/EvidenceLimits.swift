/// The operator's limits on one attachment. Everything past a limit is refused (`.tooLarge`) or
/// stopped (`.exhausted`), never truncated.
public struct EvidenceLimits: Sendable, Equatable {
    /// Largest upload accepted, in bytes (checked before anything runs).
    public var maxBytes: Int
    /// Largest image, in pixels (width × height from the header, checked before decoding).
    public var maxPixels: Int
    /// Most PDF pages (counted before rendering).
    public var maxPages: Int
    /// Wall-clock time for the whole reading of one attachment; the sandbox is killed after it.
    /// Also each sandboxed process's CPU-time limit.
    public var timeoutSeconds: Int
    /// Address space of each process in the sandbox (`ulimit -v`).
    public var memoryBytes: Int
    /// Long edge, in pixels, of the copy OCR reads (large photos are shrunk for speed).
    public var ocrLongEdge: Int
    /// Long edge, in pixels, a PDF page is rendered at (bounds the pixels whatever the page size
    /// says; 2000 px is about 170 dpi on A4).
    public var pdfPageLongEdge: Int

    public init(maxBytes: Int = 10_000_000, maxPixels: Int = 50_000_000, maxPages: Int = 20,
                timeoutSeconds: Int = 120, memoryBytes: Int = 1 << 30,
                ocrLongEdge: Int = 2500, pdfPageLongEdge: Int = 2000) {
        self.maxBytes = maxBytes
        self.maxPixels = maxPixels
        self.maxPages = maxPages
        self.timeoutSeconds = timeoutSeconds
        self.memoryBytes = memoryBytes
        self.ocrLongEdge = ocrLongEdge
        self.pdfPageLongEdge = pdfPageLongEdge
    }

    /// The size of the sandbox's in-memory /tmp: the upload, two decoded copies of the largest
    /// image at four bytes a pixel, and room for the outputs.
    public var scratchBytes: Int { maxBytes * 3 + maxPixels * 8 + 64 << 20 }

    /// The most the sandbox may write back: clean images and OCR text.
    public var maxOutputBytes: Int { maxBytes * 4 + 64 << 20 }
}
