import ArgumentParser
import Firewall
import Foundation

/// `safeintake firewall redact | strip-fields`: the firewall as JSON Lines filters, for testing the
/// policy on a corpus and for other tools (../shared/CONTRACT.md). Streams line by line, so input
/// of any size runs in constant memory; output keeps input order.
struct FirewallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall", abstract: "Run the firewall over JSON Lines on stdin.",
        subcommands: [Redact.self, StripFields.self, Indicators.self])

    struct Redact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "{\"id\", \"text\"} in; {\"id\", \"text\": REDACTED} out.")
        @Option(help: "A firewall policy file to use instead of the built-in one.") var policy: String?
        @Flag(help: "For evaluation: the rules alone, without the learned stage the policy may enable.") var rulesOnly = false
        @Option(help: ArgumentHelp("For evaluation: a learned model file (FWLM0001-0003) instead of the built-in one.", visibility: .hidden))
        var learnedModel: String?

        func run() async throws {
            let policy = try FirewallCommand.loadPolicy(policy)
            var model: LearnedModel? = policy.learnedStage == nil || rulesOnly ? nil : .shipped
            if let learnedModel, !rulesOnly {
                do {
                    model = try LearnedModel(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: learnedModel))))
                } catch let error as LearnedModel.FormatError {
                    throw ValidationError("\(learnedModel): \(error)")
                }
            }
            let firewall = Firewall(policy: policy, learnedModel: model)
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
                // Values that are not strings (numbers, booleans) are screened by their text and,
                // when kept, written back unchanged.
                let texts = raw.mapValues(JSONLines.text(of:))
                let kept = firewall.screenFields(texts).kept
                return ["id": object["id"] ?? NSNull(), "fields": raw.filter { kept[$0.key] != nil }]
            }
        }
    }

    /// `safeintake firewall indicators` (CONTRACT.md): the ILO forced-labour indicators each text
    /// shows, read from what the firewall leaves of it, exactly as intake tags a complaint.
    struct Indicators: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "{\"id\", \"text\"} in; {\"id\", \"indicators\": [NAME, ...]} out (ILO forced-labour indicators).")
        @Option(help: "A firewall policy file to use instead of the built-in one.") var policy: String?

        func run() async throws {
            let firewall = Firewall(policy: try FirewallCommand.loadPolicy(policy))
            let tagger = IndicatorTagger()
            try JSONLines.transform { object in
                guard let text = object["text"] as? String else { throw JSONLines.LineError("\"text\" must be a string") }
                return ["id": object["id"] ?? NSNull(), "indicators": firewall.indicators(in: text, tagger: tagger).map(\.rawValue)]
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

    /// The text the firewall screens for a JSON value: strings as they are, anything else as JSON.
    static func text(of value: Any) -> String {
        if let string = value as? String { return string }
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }

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
                throw CLIFailure("line \(lineNumber): \(error.message)")
            } catch {
                throw CLIFailure("line \(lineNumber): not valid JSON")
            }
        }
    }
}
