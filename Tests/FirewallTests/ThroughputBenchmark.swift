import Foundation
import Testing
import Firewall

/// Throughput of narrative redaction on one core. Not a timed test: it only runs when
/// `FIREWALL_BENCH=1` is set and it prints the figure; it never fails on a slow machine.
///
///     FIREWALL_BENCH=1 swift test -c release --filter ThroughputBenchmark
@Suite("Throughput benchmark")
struct ThroughputBenchmark {
    @Test("narrative MB/s", .enabled(if: ProcessInfo.processInfo.environment["FIREWALL_BENCH"] == "1" && Corpus.directory != nil))
    func throughput() throws {
        var texts: [String] = []
        for set in ["a", "b", "c"] { texts += try Corpus.narratives(set).map(\.text) }
        let bytesPerRound = texts.reduce(0) { $0 + $1.utf8.count }
        let fw = Firewall(policy: .makeDefault())
        _ = texts.map { fw.redact($0) }                      // warm-up
        let rounds = 20
        let clock = ContinuousClock()
        var sink = 0
        let elapsed = clock.measure {
            for _ in 0..<rounds { for t in texts { sink &+= fw.redact(t).text.utf8.count } }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let mb = Double(bytesPerRound * rounds) / 1_000_000
        print("firewall throughput: \(String(format: "%.2f", mb / seconds)) MB/s (\(String(format: "%.1f", mb)) MB of corpus narratives in \(String(format: "%.2f", seconds)) s, sink \(sink % 7))")
        // One long narrative (memory and time must stay linear in input size).
        let long = String(repeating: texts.joined(separator: " "), count: 4)
        let longElapsed = clock.measure { sink &+= fw.redact(long).text.utf8.count }
        let ls = Double(longElapsed.components.seconds) + Double(longElapsed.components.attoseconds) / 1e18
        print("firewall throughput, one \(String(format: "%.1f", Double(long.utf8.count) / 1e6)) MB text: \(String(format: "%.2f", Double(long.utf8.count) / 1e6 / ls)) MB/s")
    }
}
