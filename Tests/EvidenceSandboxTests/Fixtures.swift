import Foundation
import Testing

/// Test files made at test time by tools nobody here wrote: libvips renders text to pixels,
/// exiftool adds the metadata a phone writes, heif-enc (libheif) encodes HEIC, Tesseract writes
/// PDFs, qpdf attaches files. Everything lives in a temporary folder removed when the test ends,
/// pass or fail.
struct Fixtures: ~Copyable {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

    func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path(name))) }

    /// Runs a tool; its standard output, or a thrown error naming the tool and its messages.
    @discardableResult
    func tool(_ arguments: String...) throws -> String { try Fixtures.tool(arguments) }

    @discardableResult
    static func tool(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes read at once, so neither can fill and block the tool.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(description: "\(arguments.joined(separator: " ")): \(String(decoding: errData, as: UTF8.self))")
        }
        return String(decoding: outData, as: UTF8.self)
    }

    struct ToolFailure: Error, CustomStringConvertible { let description: String }

    /// Dark text on white, rendered by libvips with a Noto font (fonts-noto-core, fonts-noto-mono),
    /// `margin` pixels of white around it.
    func renderText(_ text: String, to name: String, font: String = "Noto Sans 12", dpi: Int = 300, margin: Int = 60) throws {
        let mask = path(name + ".mask.v"), dark = path(name + ".dark.v")
        // vips text reads Pango markup: the MRZ's "<" must be escaped.
        let markup = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        try tool("vips", "text", mask, markup, "--font", font, "--dpi", String(dpi))
        try tool("vips", "invert", mask, dark)
        let width = Int(try tool("vipsheader", "-f", "width", dark).trimmingCharacters(in: .whitespacesAndNewlines))!
        let height = Int(try tool("vipsheader", "-f", "height", dark).trimmingCharacters(in: .whitespacesAndNewlines))!
        try tool("vips", "embed", dark, path(name), String(margin), String(margin),
                 String(width + 2 * margin), String(height + 2 * margin), "--extend", "white")
    }

    /// What a phone writes: GPS position, make and model, the time, a comment.
    func addPhoneMetadata(_ name: String) throws {
        try tool("exiftool", "-q", "-overwrite_original",
                 "-GPSLatitude=1.3521", "-GPSLatitudeRef=N", "-GPSLongitude=103.8198", "-GPSLongitudeRef=E",
                 "-Make=Google", "-Model=Pixel 7", "-DateTimeOriginal=2026:03:14 21:07:00",
                 "-XMP:Creator=Maria Santos", "-Comment=employer house", path(name))
    }

    /// exiftool's reading of a file: every tag it finds, one `[Group] Tag : value` a line.
    func metadata(_ name: String) throws -> String {
        try tool("exiftool", "-G", "-s", "-a", "-u", path(name))
    }

    static let payslip = """
    PAYSLIP March 2026
    Employer: Mrs Lim Hwee Chin
    Worker: Maria Santos
    Basic salary: 600.00
    Hours worked: 312
    Rest days given: 0
    Net pay: 600.00
    """

    static let passportPage = """
    PASSPORT    PASSEPORT
    Type/Type P    Code/Code UTO    Passport No./No du passeport L898902C3
    Surname/Nom ERIKSSON
    Given names/Prénoms ANNA MARIA
    Nationality/Nationalité UTOPIAN
    Date of birth/Date de naissance 12 AUG 74
    Date of expiry/Date d'expiration 15 APR 12

    P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
    L898902C36UTO7408122F1204159ZE184226B<<<<<10
    """

    static let visaSticker = """
    UTOPIA            VISA
    Valid from 10 JAN 26    Valid until 10 JAN 27
    Type of visa WORK    Number of entries MULTI
    Surname ERIKSSON
    Given names ANNA MARIA

    V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
    L8988901C4XXX4009078F96121096ZE184226B<<<<<<
    """
}
