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
