import Firewall
import Foundation
import Intake
import Sodium

/// The production `EvidenceReader` (issue 20): every decoder runs in a bubblewrap sandbox
/// (`SandboxScript`), one per attachment, with no network, no view of the data folder or keys,
/// a memory-backed /tmp, resource limits, and a wall-clock kill. This process parses nothing of
/// the upload but its first bytes (`EvidenceType.sniff`); it parses the sandbox's framed output
/// (`SandboxFrames`), Tesseract's TSV (`TesseractTSV`) and writes the rebuilt PDF (`ImagePDF`).
///
/// Synchronous and slow (1.5 s for a 12 MP photo, about 1 s a PDF page, on 2 cores): call it off the event
/// loop. Thread-safe; each call is independent.
public struct SandboxedEvidenceReader: EvidenceReader {
    public let limits: EvidenceLimits
    /// Where bubblewrap is (Debian: /usr/bin/bwrap). The tools are found on /usr/bin inside.
    public let bubblewrap: String

    public init(limits: EvidenceLimits = EvidenceLimits(), bubblewrap: String = "/usr/bin/bwrap") {
        self.limits = limits
        self.bubblewrap = bubblewrap
    }

    /// The Debian packages the reader runs (scripts/install-deps installs them).
    public static var requiredPackages: [String] {
        ["bubblewrap", "libvips-tools", "poppler-utils", "tesseract-ocr", "tesseract-ocr-osd"] + OCRLanguages.packages
    }

    /// The programs the sandbox's script runs, found in the host's /usr/bin (mounted read-only inside).
    static let sandboxTools = ["vips", "vipsheader", "pdfinfo", "pdftoppm", "tesseract", "mawk"]

    /// What the reader needs and cannot find, by name: bubblewrap and prlimit on the host, the tools
    /// the sandbox runs (`usrBin`: the host's /usr/bin), and Tesseract's English model (`tessdata`),
    /// which every reading uses. Empty when all are there. `serve` checks it at start
    /// (`startupWarning`): without them every attachment is answered `attachments_unavailable`.
    public func missingTools(usrBin: String = "/usr/bin", tessdata: String = "/usr/share/tesseract-ocr/5/tessdata") -> [String] {
        let files = FileManager.default
        var missing: [String] = []
        if !files.isExecutableFile(atPath: bubblewrap) { missing.append("bwrap") }
        if !files.isExecutableFile(atPath: SandboxScript.prlimit) { missing.append("prlimit") }
        for tool in Self.sandboxTools where !files.isExecutableFile(atPath: usrBin + "/" + tool) { missing.append(tool) }
        if !files.isReadableFile(atPath: tessdata + "/eng.traineddata") { missing.append("tesseract-ocr-eng") }
        return missing
    }

    /// The one line `serve` prints to stderr when attachments are on and `missing` is not empty:
    /// what is missing, what reporters will see, and what to do. Nil when nothing is missing.
    public static func startupWarning(missing: [String]) -> String? {
        guard !missing.isEmpty else { return nil }
        return "safeintake: warning: attachments are on but the evidence reader cannot run, missing: \(missing.joined(separator: ", ")); "
            + "every photo or PDF will be refused with 503 attachments_unavailable (reporters can still send their words). "
            + "Install them (scripts/install-deps: bubblewrap libvips-tools poppler-utils tesseract-ocr), or start with --no-attachments"
    }

    public func read(_ upload: UploadedEvidence, language: String) throws(EvidenceError) -> SanitisedEvidence {
        guard upload.bytes.count <= limits.maxBytes else { throw .tooLarge }
        guard let type = EvidenceType.sniff(upload.bytes) else { throw .unsupportedType }
        let kind: String
        switch type {
        case .jpeg: kind = "jpeg"
        case .png: kind = "png"
        case .webp: kind = "webp"
        case .heic: kind = "heic"
        case .pdf: kind = "pdf"
        }
        guard FileManager.default.isExecutableFile(atPath: bubblewrap) else {
            throw .readerUnavailable("bubblewrap not found at \(bubblewrap) (Debian package bubblewrap)")
        }
        let command = SandboxScript.command(kind: kind, languages: OCRLanguages.tesseract(for: language), limits: limits,
                                            bubblewrap: bubblewrap)
        let run = try SandboxProcess.run(executable: command.executable, arguments: command.arguments,
                                         input: upload.bytes, timeout: limits.timeoutSeconds, maxOutput: limits.maxOutputBytes)
        return try Self.interpret(run, type: type)
    }

    /// The sandbox's output as clean evidence, or the error it names.
    static func interpret(_ run: SandboxRun, type: EvidenceType) throws(EvidenceError) -> SanitisedEvidence {
        if run.timedOut || run.overflowed { throw .exhausted }
        guard var frames = SandboxFrames.parse(run.stdout) else { throw .malformed }
        if let fail = frames.last, fail.name == "FAIL" {
            let reason = String(decoding: fail.payload, as: UTF8.self)
            switch reason {
            case "too_large": throw .tooLarge
            case "exhausted": throw .exhausted
            case _ where reason.hasPrefix("unavailable:"): throw .readerUnavailable(String(reason.prefix(80)))
            default: throw .malformed
            }
        }
        guard frames.last?.name == "DONE", run.status == 0, !run.killedBySignal else {
            if frames.isEmpty && !run.killedBySignal && run.status != 0 {
                // Nothing came out and nothing was killed: the sandbox itself did not start.
                // bubblewrap's and the shell's own messages carry no reporter data (every tool's
                // messages stay in the sandbox).
                let message = String(decoding: run.stderr.prefix(200), as: UTF8.self)
                throw .readerUnavailable("the sandbox did not start: \(message)")
            }
            throw run.killedBySignal ? .exhausted : .malformed
        }
        var images: [[UInt8]] = []
        var sizes: [(Int, Int)] = []
        var readings: [[OCRWord]] = []
        for frame in frames {
            switch frame.name {
            case "IMAGE": images.append(frame.payload)
            case "SIZE":
                let numbers = String(decoding: frame.payload, as: UTF8.self).split(separator: " ").compactMap { Int($0) }
                guard numbers.count == 3, numbers[0] > 0, numbers[1] > 0 else { throw .malformed }
                sizes.append((numbers[0], numbers[1]))
            case "TSV": readings.append(TesseractTSV.words(String(decoding: frame.payload, as: UTF8.self)))
            case "DONE": break
            default: throw .malformed
            }
        }
        guard !images.isEmpty, images.count == sizes.count else { throw .malformed }
        guard (1...2).contains(readings.count) else { throw .malformed }
        let (words, readability) = ReadabilityRule.better(readings)
        let text = TesseractTSV.text(words)
        // Wipe what this function copied: the TSV now, the page images once the PDF holds them.
        // (The clean bytes returned are the caller's to wipe.)
        defer {
            for i in frames.indices where frames[i].name != "IMAGE" || type == .pdf { SecureBytes.wipe(&frames[i].payload) }
        }
        switch type {
        case .pdf:
            let pdf = ImagePDF.build(zip(images, sizes).map { ImagePDF.Page(jpeg: $0, width: $1.0, height: $1.1) })
            let pages = images.count
            images = []
            return SanitisedEvidence(mediaType: "application/pdf", bytes: pdf, text: text, readability: readability, pages: pages)
        case .png, .webp:
            guard images.count == 1 else { throw .malformed }
            return SanitisedEvidence(mediaType: "image/png", bytes: images[0], text: text, readability: readability, pages: 1)
        case .jpeg, .heic:
            guard images.count == 1 else { throw .malformed }
            return SanitisedEvidence(mediaType: "image/jpeg", bytes: images[0], text: text, readability: readability, pages: 1)
        }
    }
}
