/// The Tesseract models for a reporter's language: hers and English (not all sixteen: each model
/// costs time). The languages are the reporter pages' (`ReporterWeb`); any other tag reads English
/// only. Debian ships Tagalog as `fil` (package tesseract-ocr-fil).
enum OCRLanguages {
    static let models: [String: String] = [
        "am": "amh", "ar": "ara", "bn": "ben", "en": "eng", "es": "spa", "hi": "hin", "id": "ind",
        "km": "khm", "my": "mya", "ne": "nep", "si": "sin", "sw": "swa", "ta": "tam", "tl": "fil",
        "ur": "urd", "vi": "vie",
    ]

    /// `es-MX` → `spa+eng`; `en` → `eng`; unknown → `eng`. Only values from the table above ever
    /// reach the sandbox's command line.
    static func tesseract(for language: String) -> String {
        let primary = String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
        guard let model = models[primary], model != "eng" else { return "eng" }
        return model + "+eng"
    }

    /// Every package the reader needs installed (scripts/install-deps).
    static var packages: [String] { Set(models.values).sorted().map { "tesseract-ocr-" + $0 } }
}
