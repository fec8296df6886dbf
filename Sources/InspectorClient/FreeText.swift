#if canImport(Glibc)
import Glibc
#endif
import Envelope
import Foundation

/// Free text an inspector writes (a note, a message to the reporter, an outcome, a reason, a
/// transfer notice), read from a file or standard input rather than the command line, where it
/// would land in the shell's history and in every process listing (issue 19 #6). Read as UTF-8
/// (anything else is refused, never repaired), at most `maxBytes`, and one trailing newline, the
/// one an editor or `echo` adds, taken off.
public enum FreeText {
    public enum Source: Equatable, Sendable {
        /// Given on the command line (kept for scripts: it lands in shell history).
        case argument(String)
        case file(String)
        case standardInput
    }

    /// No text larger than the largest sealed record the server stores can fit in one.
    public static let maxBytes = EnvelopeFormat.maxCaseWorkRecordBytes

    /// The one source among those given, nil when none is; more than one is an error. `what`
    /// names the text, `options` the ways of giving it, as the command spells them.
    public static func source(argument: String?, file: String?, standardInput: Bool,
                              what: String, options: [String]) throws(ClientError) -> Source? {
        let given = [argument.map(Source.argument), file.map(Source.file), standardInput ? .standardInput : nil].compactMap { $0 }
        guard given.count <= 1 else {
            let ways = options.dropLast().joined(separator: ", ") + " or " + (options.last ?? "")
            throw ClientError("the \(what) was given more than once: give it one way, \(ways)")
        }
        return given.first
    }

    /// The text from `source`; `input` stands for standard input (tests give a pipe).
    public static func read(_ source: Source, what: String, input: Int32 = STDIN_FILENO) throws(ClientError) -> String {
        let bytes: [UInt8]
        let from: String
        switch source {
        case .argument(let text):
            return text
        case .file(let path):
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ClientError("cannot read the \(what) from \(path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            (bytes, from) = (try readBounded(fd, what: what, from: path), path)
        case .standardInput:
            if isatty(input) == 1 {
                FileHandle.standardError.write(Data("Type the \(what), then Ctrl-D on a line of its own:\n".utf8))
            }
            (bytes, from) = (try readBounded(input, what: what, from: "standard input"), "standard input")
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw ClientError("the \(what) in \(from) is not UTF-8 text", hint: "save it as UTF-8 (most editors offer it under \"Save as\")")
        }
        // "\r\n" is one Character in Swift: either way, one line ending goes.
        if text.hasSuffix("\n") || text.hasSuffix("\r\n") { text.removeLast() }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ClientError("the \(what) in \(from) is empty")
        }
        return text
    }

    /// Reads to the end, refusing more than `maxBytes` without reading on.
    private static func readBounded(_ fd: Int32, what: String, from: String) throws(ClientError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var count = 0
        while count <= maxBytes {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, maxBytes + 1 - count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw ClientError("cannot read the \(what) from \(from): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            count += n
        }
        guard count <= maxBytes else {
            throw ClientError("the \(what) in \(from) is longer than \(maxBytes) bytes, more than the server stores for one",
                              hint: "shorten it, or split it into several")
        }
        return Array(bytes[..<count])
    }
}
