import ArgumentParser
import Firewall
import Foundation

/// `safeintake firewall redact | strip-fields`: the firewall as JSON Lines filters, for testing the
/// policy on a corpus and for other tools (../shared/CONTRACT.md). Streams line by line, so input
/// of any size runs in constant memory; output keeps input order.
struct FirewallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall", abstract: "Run the firewall over JSON Lines on stdin.",
        subcommands: [Redact.self, StripFields.self])

    struct Redact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "{\"id\", \"text\"} in; {\"id\", \"text\": REDACTED} out.")
        @Option(help: "A firewall policy file to use instead of the built-in one.") var policy: String?

        func run() async throws {
            let firewall = Firewall(policy: try FirewallCommand.loadPolicy(policy))
            try JSONLines.transform { object in
                guard let text = object["text"] as? String else { throw JSONLines.LineError("\"text\" must be a string") }
                let language = object["lang"] as? String ?? object["language"] as? String
                return ["id": object["id"] ?? NSNull(), "text": firewall.redact(text, language: language).text]
            }
        }
    }

    struct StripFields: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "strip-fields", abstract: "{\"id\", \"fields\"} in; {\"id\", \"fields\": KEPT} out.")
        @Option(help: "A firewall policy file to use instead of the built-in one.") var policy: String?

        func run() async throws {
            let firewall = Firewall(policy: try FirewallCommand.loadPolicy(policy))
            try JSONLines.transform { object in
                guard let raw = object["fields"] as? [String: Any] else { throw JSONLines.LineError("\"fields\" must be an object") }
                var fields: [String: String] = [:]
                for (name, value) in raw {
                    guard let text = value as? String else { throw JSONLines.LineError("field \"\(name)\" must be a string") }
                    fields[name] = text
                }
                return ["id": object["id"] ?? NSNull(), "fields": firewall.screenFields(fields).kept]
            }
        }
    }

    static func loadPolicy(_ path: String?) throws -> FirewallPolicy {
        guard let path else { return FirewallPolicy.makeDefault() }
        do {
            return try FirewallPolicy(json: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        } catch let error as FirewallPolicyError {
            throw ValidationError("the firewall policy \(path) is not valid: \(error)")
        }
    }
}

/// Reads JSON Lines from stdin and writes one transformed line per input line, in order.
enum JSONLines {
    struct LineError: Error { let message: String; init(_ m: String) { message = m } }

    static func transform(_ body: ([String: Any]) throws -> [String: Any]) throws {
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw LineError("not a JSON object")
                }
                let data = try JSONSerialization.data(withJSONObject: try body(object), options: [.sortedKeys, .withoutEscapingSlashes])
                FileHandle.standardOutput.write(data + Data("\n".utf8))
            } catch let error as LineError {
                throw ValidationError("line \(lineNumber): \(error.message)")
            } catch {
                throw ValidationError("line \(lineNumber): not valid JSON")
            }
        }
    }
}
