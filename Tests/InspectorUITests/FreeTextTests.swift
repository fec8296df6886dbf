#if canImport(Glibc)
import Glibc
#endif
import Foundation
import InspectorClient
import Testing

/// Free text from a file or standard input (issue 19 #6): one source, UTF-8, bounded, one newline off.
@Suite("free text from a file or standard input")
struct FreeTextTests {
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "free-text-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func read(_ bytes: [UInt8]) throws -> String {
        let path = try file(bytes)
        defer { unlink(path) }
        return try FreeText.read(.file(path), what: "note")
    }

    @Test("one trailing newline is taken off, once; the rest is kept as written")
    func trailingNewline() throws {
        #expect(try Self.read(Array("Payslips requested\n".utf8)) == "Payslips requested")
        #expect(try Self.read(Array("two lines\nkept\n\n".utf8)) == "two lines\nkept\n")
        #expect(try Self.read(Array("Windows\r\n".utf8)) == "Windows")
        #expect(try Self.read(Array("  indented, no newline".utf8)) == "  indented, no newline")
        #expect(try Self.read(Array("Salamat po. Ang sahod ko ay ₱3,000 — 給料\n".utf8)) == "Salamat po. Ang sahod ko ay ₱3,000 — 給料")
    }

    @Test("text that is not UTF-8, empty, or larger than the server stores is refused with a clear error")
    func refusals() throws {
        let latin1 = try #require(throws: ClientError.self) { try Self.read([0x53, 0x61, 0x6C, 0xE1, 0x72, 0x69, 0x6F]) }
        #expect(latin1.message.contains("not UTF-8"))
        for empty in ["", "\n", "  \n\t\n"] {
            let error = try #require(throws: ClientError.self) { try Self.read(Array(empty.utf8)) }
            #expect(error.message.contains("empty"))
        }
        #expect(try Self.read([UInt8](repeating: 0x61, count: FreeText.maxBytes)).count == FreeText.maxBytes)
        let long = try #require(throws: ClientError.self) { try Self.read([UInt8](repeating: 0x61, count: FreeText.maxBytes + 1)) }
        #expect(long.message.contains("longer than \(FreeText.maxBytes) bytes"))
        let missing = try #require(throws: ClientError.self) { try FreeText.read(.file("/nonexistent/note.txt"), what: "note") }
        #expect(missing.message.contains("/nonexistent/note.txt"))
    }

    @Test("standard input is read to its end, in pieces, with the same rules")
    func standardInput() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        for piece in ["Which days ", "is the supervisor there?\n"] {
            _ = piece.utf8CString.withUnsafeBufferPointer { write(ends[1], $0.baseAddress!, strlen($0.baseAddress!)) }
        }
        close(ends[1])
        #expect(try FreeText.read(.standardInput, what: "message", input: ends[0]) == "Which days is the supervisor there?")
    }

    @Test("exactly one source: none is nil, two are an error naming the ways")
    func oneSource() throws {
        let ways = ["the note as an argument", "--text-file", "--stdin"]
        #expect(try FreeText.source(argument: nil, file: nil, standardInput: false, what: "note", options: ways) == nil)
        #expect(try FreeText.source(argument: nil, file: "n.txt", standardInput: false, what: "note", options: ways) == .file("n.txt"))
        #expect(try FreeText.source(argument: "x", file: nil, standardInput: false, what: "note", options: ways) == .argument("x"))
        let two = try #require(throws: ClientError.self) {
            try FreeText.source(argument: "x", file: nil, standardInput: true, what: "note", options: ways)
        }
        #expect(two.message == "the note was given more than once: give it one way, the note as an argument, --text-file or --stdin")
        #expect(try FreeText.read(.argument("as typed\n"), what: "note") == "as typed\n", "an argument is taken as it is")
    }
}
