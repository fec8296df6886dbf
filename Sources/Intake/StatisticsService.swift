import AuditLog
import Foundation
import Statistics

/// Publishes statistics under differential privacy (issue 21, Docs/statistics.md): reads one
/// finished month's tallies, adds exact discrete Laplace or Gaussian noise from libsodium's
/// randomness to every cell of the fixed domain, suppresses cells below the threshold, signs the
/// release with the log key, and stores it with its `statistics_released` audit entry in one
/// transaction. Each month is released once: a second release of the same month would spend its
/// budget twice (and averaging the two would shrink the noise).
public struct StatisticsService: Sendable {
    let store: any IntakeStore
    let tallying: StatisticsTallying
    let signer: NoteSigner
    let time: CoarseTime

    public init(store: any IntakeStore, tallying: StatisticsTallying, signer: NoteSigner, time: CoarseTime = CoarseTime()) {
        self.store = store
        self.tallying = tallying
        self.signer = signer
        self.time = time
    }

    /// The service behind a daemon's public statistics: its store and its log key.
    public init(publisher: AuditPublisher, tallying: StatisticsTallying) {
        self.init(store: publisher.store, tallying: tallying, signer: publisher.signer)
    }

    /// What the operator chose for one release: the central budget, the threshold, and the
    /// randomised dimensions released from their randomised answers alone (`localOnly`, default none).
    public struct Budget: Sendable {
        public let epsilon: Rational
        public let delta: Rational?
        public let threshold: Int
        public let localOnly: Set<String>

        public init(epsilon: Rational, delta: Rational?, threshold: Int = ReleaseBuilder.defaultThreshold, localOnly: Set<String> = []) {
            self.epsilon = epsilon
            self.delta = delta
            self.threshold = threshold
            self.localOnly = localOnly
        }
    }

    /// The month before the current UTC month: what a monthly release publishes by default.
    public func previousMonth() -> String {
        let today = time.day()
        guard let year = Int(today.prefix(4)), let month = Int(today.dropFirst(5).prefix(2)) else { return String(today.prefix(7)) }
        let (y, m) = month == 1 ? (year - 1, 12) : (year, month - 1)
        return String(format: "%04d-%02d", y, m)
    }

    /// Releases `month` (`YYYY-MM`). A month still running is refused unless `allowCurrentMonth`:
    /// complaints filed after the release in that month would then be in no release at all.
    public func release(month: String, budget: Budget, allowCurrentMonth: Bool = false) throws -> (release: StatisticsRelease, note: String) {
        guard month.wholeMatch(of: /[0-9]{4}-(0[1-9]|1[0-2])/) != nil else {
            throw StatisticsError(.invalidMonth, "'\(month)' is not a month: write it as YYYY-MM, e.g. \(previousMonth())")
        }
        let current = String(time.day().prefix(7))
        guard month < current || (allowCurrentMonth && month == current) else {
            throw StatisticsError(.invalidMonth, month == current
                ? "\(month) is still running: release it once it has ended (or pass --allow-current-month; later complaints of \(month) are then in no release)"
                : "\(month) has not started yet")
        }
        guard !(try store.statisticsReleases().contains { (try? ReleaseNote.open($0, verifiedWith: nil).month) == month }) else {
            throw Self.alreadyReleased(month)
        }
        let stored = try store.statisticsTallies(month: month)
        var sampler = ExactSampler(source: SodiumRandomSource())
        let release = try ReleaseBuilder.release(month: month, releasedDay: time.day(), counts: stored.counts, domain: tallying.domain,
                                                 epsilon: budget.epsilon, delta: budget.delta, threshold: budget.threshold,
                                                 localRandomisation: stored.localRandomisation, localOnly: budget.localOnly,
                                                 handling: try caseHandling(threeMonthsBefore: month), sampler: &sampler)
        let note = try ReleaseNote.sign(release, with: signer)
        do {
            try store.recordStatisticsRelease(month: month, note: note,
                                              audit: [AuditEvent.statisticsReleased(month: month, note: note).entryData(time: time)])
        } catch StoreError.conflict {
            throw Self.alreadyReleased(month)
        }
        return (release, note)
    }

    /// Every release, oldest month first, each checked against the log key.
    public func releases() throws -> [(release: StatisticsRelease, note: String)] {
        try store.statisticsReleases().map { (try ReleaseNote.open($0, verifiedWith: signer.verifierKey), $0) }
    }

    /// The case-handling figures of the complaints filed three months before `month`, read from the
    /// log in chunks (so that a long log is never all in memory).
    func caseHandling(threeMonthsBefore month: String) throws -> StatisticsRelease.Handling? {
        guard let cohort = CaseHandlingTally.cohort(threeMonthsBefore: month) else { return nil }
        var tally = CaseHandlingTally(cohort: cohort)
        let size = try store.auditLogSize()
        var start: UInt64 = 0
        while start < size {
            let end = min(size, start + 10_000)
            for entry in try store.auditEntries(start..<end) { tally.add(entry) }
            start = end
        }
        return StatisticsRelease.Handling(cohort: cohort, figures: tally.figures)
    }

    private static func alreadyReleased(_ month: String) -> StatisticsError {
        StatisticsError(.invalidMonth, "\(month) was released already; each month is released once, since a second release would spend its privacy budget again")
    }
}
