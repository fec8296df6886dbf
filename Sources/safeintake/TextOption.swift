import ArgumentParser
import InspectorClient

/// Free text on the command line: each command that takes some also takes it from a file
/// (`--…-file FILE`) or standard input (`--…-stdin`, or `--stdin`), exactly one of them; read by
/// `FreeText` (UTF-8, size-limited, one trailing newline off). The argument form stays for scripts
/// and CONTRACT.md, but lands in the shell's history and in process listings.
struct TextOption {
    let what: String
    /// The argument form's name, nil where there is none (a transfer's notice).
    var argument: String?
    let file: String
    let standardInput: String

    /// The note and reply texts: a positional argument, `--text-file`, `--stdin`.
    static func positional(_ what: String) -> TextOption {
        TextOption(what: what, argument: "the \(what) as an argument", file: "--text-file", standardInput: "--stdin")
    }

    /// Texts given with an option `--NAME TEXT`: `--NAME-file`, `--NAME-stdin`.
    static func named(_ name: String, what: String) -> TextOption {
        TextOption(what: what, argument: "--\(name)", file: "--\(name)-file", standardInput: "--\(name)-stdin")
    }

    /// The help line for the argument form: it works, and says where it leaves the text.
    static let argumentWarning = "It lands in your shell's history and in process listings: prefer the file or standard input."

    /// The one source given (for `validate()`), nil when none was.
    func source(_ text: String?, file path: String?, stdin: Bool) throws -> FreeText.Source? {
        do {
            return try FreeText.source(argument: text, file: path, standardInput: stdin, what: what,
                                       options: [argument, file, standardInput].compactMap { $0 })
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// The text (for `run()`), nil when no source was given.
    func read(_ text: String?, file path: String?, stdin: Bool) throws -> String? {
        guard let source = try source(text, file: path, stdin: stdin) else { return nil }
        do {
            return try FreeText.read(source, what: what)
        } catch {
            throw CLIFailure(error.message, hint: error.hint)
        }
    }

    /// Refuses two texts from standard input in one command.
    static func oneStandardInput(_ flags: [(Bool, String)]) throws {
        let given = flags.filter(\.0).map(\.1)
        guard given.count <= 1 else { throw ValidationError("standard input carries one text: give \(given.joined(separator: " or ")), and the other from a file") }
    }
}
