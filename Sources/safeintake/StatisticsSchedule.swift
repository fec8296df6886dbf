import ArgumentParser
import Foundation
import Intake
import Logging
import Statistics

/// `serve --stats-epsilon`: the daemon releases the previous month's statistics once it has ended,
/// checking at start and then hourly. Several daemons on one database may all try; the store lets
/// only one release a month, and the others find it released.
enum StatisticsSchedule {
    static let interval: Duration = .seconds(3600)

    static func start(_ service: StatisticsService, budget: StatisticsService.Budget, logger: Logger) -> Task<Void, Never> {
        Task.detached {
            while !Task.isCancelled {
                let month = service.previousMonth()
                do {
                    let (release, _) = try service.release(month: month, budget: budget)
                    logger.info("statistics released", metadata: ["month": "\(release.month)", "mechanism": "\(release.mechanism)"])
                } catch let error as StatisticsError where error.code == .invalidMonth {
                    // Released already (by this daemon or another): nothing to do until next month.
                } catch {
                    logger.error("statistics release failed; retrying in an hour", metadata: ["month": "\(month)", "reason": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}

/// The daemon's monthly release, off unless `--stats-epsilon` is given.
struct StatisticsScheduleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Release each finished month's statistics with this ε (Docs/statistics.md). Default: no scheduled release.",
                               discussion: "Each month is released once; `safeintake stats release` does the same by hand."))
    var statsEpsilon: String?
    @Option(help: "δ for the scheduled releases (discrete Gaussian); without it, the discrete Laplace.") var statsDelta: String?
    @Option(help: "Figures below this after noise are suppressed in scheduled releases.") var statsThreshold = ReleaseBuilder.defaultThreshold
    @Option(help: ArgumentHelp(
        "ε₀ of the randomised response applied to each complaint's tallies before they are stored: one value for every dimension, or e.g. '1.1,firewall=0.7' (Docs/statistics.md, \"Randomised tallies\").",
        discussion: "Default 1.1: a stored firewall or indicator bit is wrong with probability 1/(1+e^1.1) ≈ 0.25. A month keeps the ε₀ recorded by its first filing; every daemon on one database should use the same."))
    var statsLocalEpsilon = LocalRandomisation.defaultEpsilon
    @Option(help: ArgumentHelp(
        "Randomised dimensions the scheduled releases publish from the randomised answers alone, with no central noise: a comma list of language, region, indicator, firewall (Docs/statistics.md, \"Local-only dimensions\"). Default: none.",
        discussion: "Needs --stats-epsilon. Such a dimension spends its ε₀ against release readers (ε₀ per bit for indicator and firewall); each release states its total ε."))
    var statsLocalRelease = ""

    /// The randomised response at rest; a malformed or out-of-range ε₀ is refused at start.
    func localRandomisation() throws -> LocalRandomisation {
        do { return try LocalRandomisation(operatorText: statsLocalEpsilon) } catch { throw ValidationError("--stats-local-epsilon: \(error.reason)") }
    }

    /// The budget, or nil when no release is scheduled; malformed values are refused at start.
    func budget() throws -> StatisticsService.Budget? {
        let localOnly: Set<String>
        do { localOnly = try LocalRandomisation.localOnlyDimensions(operatorText: statsLocalRelease) } catch {
            throw ValidationError("--stats-local-release: \(error.reason)")
        }
        guard let statsEpsilon else {
            guard localOnly.isEmpty else {
                throw ValidationError("--stats-local-release applies to scheduled releases: give --stats-epsilon too (or release by hand with `safeintake stats release --local-release`)")
            }
            return nil
        }
        do {
            let budget = StatisticsService.Budget(epsilon: try Rational(decimal: statsEpsilon), delta: try statsDelta.map { try Rational(decimal: $0) },
                                                  threshold: statsThreshold, localOnly: localOnly)
            // Calibrating checks the ranges now, not at the first release a month later.
            _ = try NoiseMechanism.calibrated(epsilon: budget.epsilon, delta: budget.delta, domain: StatisticsTallying().domain.removing(localOnly))
            return budget
        } catch let error as StatisticsError {
            throw ValidationError("--stats-epsilon/--stats-delta: \(error.reason)")
        }
    }
}
