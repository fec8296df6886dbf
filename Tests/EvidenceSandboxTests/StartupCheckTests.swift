import EvidenceSandbox
import Foundation
import Testing

/// `serve`'s start-up self-check (issue 22 #8, item 7): which of the reader's tools are missing,
/// and the one line that says so.
@Suite("the evidence reader's start-up check")
struct StartupCheckTests {
    @Test("names exactly the tools that are missing or not executable, and the English model")
    func missingTools() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-tools-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("bin"), tessdata = root.appendingPathComponent("tessdata")
        for folder in [bin, tessdata] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for (tool, mode) in [("vips", 0o755), ("vipsheader", 0o755), ("pdfinfo", 0o644), ("tesseract", 0o755), ("mawk", 0o755)] {
            let file = bin.appendingPathComponent(tool)
            try Data("#!/bin/sh\n".utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        }
        let reader = SandboxedEvidenceReader(bubblewrap: root.appendingPathComponent("no-bwrap").path)
        #expect(reader.missingTools(usrBin: bin.path, tessdata: tessdata.path) == ["bwrap", "pdfinfo", "pdftoppm", "tesseract-ocr-eng"])
        try Data().write(to: tessdata.appendingPathComponent("eng.traineddata"))
        let pdftoppm = bin.appendingPathComponent("pdftoppm")
        try Data("#!/bin/sh\n".utf8).write(to: pdftoppm)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: pdftoppm.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin.appendingPathComponent("pdfinfo").path)
        let complete = SandboxedEvidenceReader(bubblewrap: bin.appendingPathComponent("vips").path)
        #expect(complete.missingTools(usrBin: bin.path, tessdata: tessdata.path).isEmpty)
    }

    @Test("one line: what is missing, what reporters see, what to do; none when nothing is missing")
    func warningLine() throws {
        #expect(SandboxedEvidenceReader.startupWarning(missing: []) == nil)
        let line = try #require(SandboxedEvidenceReader.startupWarning(missing: ["bwrap", "vips"]))
        #expect(!line.contains("\n"))
        #expect(line.contains("missing: bwrap, vips;"))
        #expect(line.contains("503 attachments_unavailable"))
        #expect(line.contains("scripts/install-deps") && line.contains("--no-attachments"))
    }
}
