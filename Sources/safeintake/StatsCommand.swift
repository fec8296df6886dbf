import ArgumentParser
import AuditLog
import Foundation
import Intake
import Statistics

/// `safeintake stats`: the operator's statistics under differential privacy (Docs/statistics.md).
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Publish complaint statistics under differential privacy.",
        subcommands: [StatsReleaseCommand.self])
}

/// `safeintake stats release`: one month's noisy figures, signed with the log key, appended to the
/// public log and served at `/stats`.
struct StatsReleaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release one finished month's figures with exact discrete Laplace (ε) or Gaussian (ε, δ) noise.",
        discussion: """
            Every cell of the fixed domain (languages, regions from DIR/stats-regions.txt, ILO indicators, firewall \
            categories, the total) gets noise calibrated to how many cells one complaint touches; cells below the \
            threshold after noise are suppressed. Each month can be released once: the budget is spent per month.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "The month to release, YYYY-MM (UTC). Default: the month before this one.") var month: String?
    @Option(help: "The privacy budget ε of this release (0.01 to 10), for all its figures together.") var epsilon: String
    @Option(help: "δ for the discrete Gaussian (at most 0.001). Leave out for pure ε-DP with the discrete Laplace.") var delta: String?
    @Option(help: "Figures below this after noise are published as suppressed.") var threshold = ReleaseBuilder.defaultThreshold
    @Option(help: ArgumentHelp(
        "Randomised dimensions to release from the randomised answers alone, with no central noise: a comma list of language, region, indicator, firewall (Docs/statistics.md, \"Local-only dimensions\"). Default: none.",
        discussion: "Such a dimension spends its local ε₀ against release readers (ε₀ per bit for indicator and firewall); the release states its total ε."))
    var localRelease = ""
    @Flag(help: "Release the month still running (its later complaints are then in no release).") var allowCurrentMonth = false

    func run() async throws {
        let folder = DataFolder(url: URL(fileURLWithPath: store.data))
        let keyFile = folder.secrets.appendingPathComponent("log-signing.key")
        guard FileManager.default.fileExists(atPath: keyFile.path) else {
            throw ValidationError("\(keyFile.path) does not exist: point --data at the daemon's data folder (releases are signed with its log key)")
        }
        let signingKey = try folder.logSigningKey()
        let signer = try NoteSigner(name: ServeCommand.logOrigin(for: signingKey), keyPair: signingKey)
        let selection = try store.open()
        defer { selection.close() }
        let service = StatisticsService(store: selection.store, tallying: StatisticsTallying(regions: try folder.statisticsRegions()), signer: signer)
        do {
            let localOnly: Set<String>
            do { localOnly = try LocalRandomisation.localOnlyDimensions(operatorText: localRelease) } catch {
                throw ValidationError("--local-release: \(error.reason)")
            }
            let budget = StatisticsService.Budget(epsilon: try Rational(decimal: epsilon), delta: try delta.map { try Rational(decimal: $0) },
                                                  threshold: threshold, localOnly: localOnly)
            let (release, _) = try service.release(month: month ?? service.previousMonth(), budget: budget, allowCurrentMonth: allowCurrentMonth)
            let shown = release.cells.filter { $0.value != nil }.count
            let local = release.localOnly.isEmpty ? ""
                : "; \(release.localOnly.joined(separator: ", ")) from randomised answers alone, ε total = \(release.epsilonTotal.doubleValue)"
            print("released \(release.month): \(release.mechanism) (\(release.noiseParameter)), ε = \(epsilon)\(delta.map { ", δ = \($0)" } ?? "")\(local), "
                  + "\(shown) of \(release.cells.count) figures above \(release.threshold); signed and appended to the audit log")
        } catch let error as StatisticsError {
            throw ValidationError(error.reason)
        }
    }
}

extension DataFolder {
    /// The regions releases tally, one per line in `DIR/stats-regions.txt` (blank lines and lines
    /// starting with `#` skipped); none when the file does not exist.
    func statisticsRegions() throws -> [String] {
        let file = url.appendingPathComponent("stats-regions.txt")
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        return try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
