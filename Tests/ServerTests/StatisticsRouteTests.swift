import AuditLog
import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import Statistics
import Testing

@Suite("the public statistics routes")
struct StatisticsRouteTests {
    /// Files `count` complaints and releases the current month through the harness's store and log key.
    static func released(_ h: ServerHarness, count: Int) throws -> StatisticsRelease {
        for i in 0..<count {
            _ = try h.deps.intake.file(body: Array(#"{"language":"\#(i % 2 == 0 ? "en" : "tl")","fields":{},"narrative":"They did not pay my salary for 3 months and I work 18 hours a day."}"#.utf8))
        }
        let service = StatisticsService(publisher: h.deps.audit, tallying: h.deps.intake.statistics)
        return try service.release(month: String(CoarseTime().day().prefix(7)),
                                   budget: .init(epsilon: try Rational(decimal: "2"), delta: try Rational(decimal: "1e-6"), threshold: 5),
                                   allowCurrentMonth: true).release
    }

    @Test("before any release: the page says so; JSON is empty; CSV is only the header")
    func empty() async throws {
        let h = try ServerHarness()
        try await h.test { client in
            let page = try await client.executeRequest(uri: "/stats", method: .get, headers: [:], body: nil)
            #expect(page.status == .ok && String(buffer: page.body).contains("No figures have been published yet"))
            let list = try await client.executeRequest(uri: "/v1/stats/releases", method: .get, headers: [:], body: nil)
            #expect((try json(list)["releases"] as? [Any])?.isEmpty == true)
            let csv = try await client.executeRequest(uri: "/v1/stats/releases.csv", method: .get, headers: [:], body: nil)
            #expect(String(buffer: csv.body) == StatisticsRelease.csvColumns.joined(separator: ",") + "\r\n")
        }
    }

    @Test("a release is served as a page with SVG charts and no script, as signed JSON, and as CSV")
    func served() async throws {
        let h = try ServerHarness()
        let release = try Self.released(h, count: 60)
        try await h.test { client in
            let page = try await client.executeRequest(uri: "/stats", method: .get, headers: [:], body: nil)
            let html = String(buffer: page.body)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(html.contains("<svg") && !html.lowercased().contains("<script") && !html.contains("style=\""))
            #expect(html.contains(release.month) && html.contains("discrete Gaussian"))
            #expect(release.localEpsilon?["firewall"] == LocalRandomisation.standard.epsilons["firewall"])
            #expect(html.contains("was randomised before it was stored (ε₀ = 1.1)"), "each randomised dimension states its ε₀ and its ±")
            // 60 complaints plus noise with σ ≈ 12.5 stay above the threshold of 5 but with probability ~10⁻⁵.
            let total = try #require(release.cells.first { $0.dimension == "total" }?.value)
            #expect(html.contains(">\(total)</text>"), "the total is drawn with its figure")
            let cohort = try #require(release.handling?.cohort)
            #expect(html.contains("How the complaints filed in \(cohort) were handled"))
            let css = try await client.executeRequest(uri: "/stats/style.css", method: .get, headers: [:], body: nil)
            #expect(css.status == .ok && String(buffer: css.body).contains("@media print"))

            let list = try await client.executeRequest(uri: "/v1/stats/releases", method: .get, headers: [:], body: nil)
            let releases = try #require(try json(list)["releases"] as? [[String: Any]])
            #expect(releases.count == 1)
            let note = try #require(releases[0]["signed_note"] as? String)
            #expect(try ReleaseNote.open(note, verifiedWith: try NoteSigner(name: "test.invalid/log", keyPair: h.logKey).verifierKey) == release)
            #expect(releases[0]["month"] as? String == release.month && releases[0]["epsilon"] as? Double == 2)

            let csv = try await client.executeRequest(uri: "/v1/stats/releases.csv", method: .get, headers: [:], body: nil)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(String(buffer: csv.body) == StatisticsRelease.csv([release]))
        }
    }
}
