import ArgumentParser
import Foundation
import InspectorClient

/// Output helpers shared by the commands.
enum CLIOutput {
    /// Prints one compact JSON object per line (sorted keys: stable for scripts and diffs).
    static func printJSONLine(_ object: [String: Any]) {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// One object as `--format` says: JSON (one line, as scripts read it) or, for a person, one
    /// `name  value` line per member (nested values as compact JSON). Without `--format`: the
    /// table on a terminal, JSON otherwise, so what scripts and CONTRACT.md see never changes.
    static func printObject(_ object: [String: Any], format: OutputFormat?) {
        guard OutputFormat.resolved(format) == .table else { return printJSONLine(object) }
        let width = object.keys.map(\.count).max() ?? 0
        for name in object.keys.sorted() {
            let value = object[name]!
            let text: String
            switch value {
            case let string as String: text = string
            case let flag as Bool: text = flag ? "yes" : "no"
            case let number as Int: text = String(number)
            case is NSNull: text = "-"
            default:
                let data = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
                text = String(decoding: data, as: UTF8.self)
            }
            Swift.print(name.padding(width) + "  " + TerminalText.oneLine(text))
        }
    }

    /// `warning: …` on standard error: something the command skipped but did not fail on.
    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("warning: \(text)\n".utf8))
    }

    /// Runs `body`; a `ClientError` becomes `error: …` / `hint: …` on standard error and exit code 1.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ClientError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `--format json|table`: how a command prints what it found.
enum OutputFormat: String, ExpressibleByArgument {
    case json, table

    /// The format given, else the table on a terminal and JSON otherwise (pipes, files, scripts).
    static func resolved(_ given: OutputFormat?) -> OutputFormat {
        given ?? (isatty(STDOUT_FILENO) == 1 ? .table : .json)
    }
}
