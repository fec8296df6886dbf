import Foundation
import Server
import Testing

/// Security review 2026-12, I1: `serve` runs with core dumps off and undumpable (the interop test
/// `test_serve_dumps_no_core_and_keeps_every_file_owner_only` checks the running daemon's limits).
@Suite("process hardening")
struct ProcessHardeningTests {
    @Test("after apply() the process is not dumpable and may write no core")
    func apply() throws {
        // apply() also sets the umask to 077, process-wide: put back what the other tests run with.
        let previous = umask(0o022)
        defer { umask(previous) }
        try ProcessHardening.apply()
        #expect(!ProcessHardening.isDumpable)
        let limits = try String(contentsOfFile: "/proc/self/limits", encoding: .utf8)
        let core = try #require(limits.split(separator: "\n").first { $0.hasPrefix("Max core file size") })
        #expect(core.split(separator: " ", omittingEmptySubsequences: true).dropFirst(4).prefix(2) == ["0", "0"], "\(core)")
    }
}
