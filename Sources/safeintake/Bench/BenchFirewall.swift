import ArgumentParser
import Firewall
import Foundation

/// `safeintake bench firewall FILE…`: narrative redaction throughput on one core, in process, on
/// the `text` of every JSON line in the given files (corpus narratives). Issue 16's target is
/// 2 MB/s; the figures go in Docs/firewall.md. Pin it to one core with `taskset -c 1`.
struct BenchFirewall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall", abstract: "Firewall throughput (MB/s) over the narratives of JSON Lines files.")

    @Argument(help: "JSON Lines files with a \"text\" on every line (e.g. ../shared/firewall-corpus/narratives-*.jsonl).")
    var files: [String]
    @Option(help: "Passes over all the texts per measurement.") var rounds = 20
    @Option(help: "Measurements.") var repeats = 5
    @Flag(help: "The rules alone, without the learned stage of the default policy (for comparison).") var rulesOnly = false

    func run() throws {
        var texts: [String] = []
        for path in files {
            let content = try String(contentsOfFile: path, encoding: .utf8)
            for line in content.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String else {
                    throw ValidationError("\(path): every line must be a JSON object with a \"text\" string")
                }
                texts.append(text)
            }
        }
        guard !texts.isEmpty else { throw ValidationError("no texts in \(files.joined(separator: ", "))") }
        let firewall = rulesOnly ? Firewall(policy: .makeDefault(), learnedModel: nil) : Firewall(policy: .makeDefault())
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        var sink = 0
        for t in texts { sink &+= firewall.redact(t).text.utf8.count }   // warm-up
        print("firewall\(rulesOnly ? " (rules only)" : ""): \(texts.count) texts, \(bytes) bytes, \(rounds) rounds per measurement, one thread")
        for _ in 0..<repeats {
            let seconds = Self.time { for _ in 0..<rounds { for t in texts { sink &+= firewall.redact(t).text.utf8.count } } }
            print(String(format: "  corpus texts: %.2f MB/s", Double(bytes * rounds) / 1e6 / seconds))
        }
        let long = String(repeating: texts.joined(separator: " "), count: 2)
        let seconds = Self.time { sink &+= firewall.redact(long).text.utf8.count }
        print(String(format: "  one %.2f MB text: %.2f MB/s (checksum %d)", Double(long.utf8.count) / 1e6,
                     Double(long.utf8.count) / 1e6 / seconds, sink % 97))
    }

    private static func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
