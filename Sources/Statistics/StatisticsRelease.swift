import Foundation

/// One month's published figures: every cell of the domain with its noisy value (nil when
/// suppressed), and everything a reader needs to judge them — the mechanism, its exact parameter,
/// the budget (ε, δ) it spent, the sensitivities it was calibrated to, the suppression threshold,
/// the dimensions released from randomised answers alone and the release's whole ε.
///
/// Version 2 (written since local-only dimensions exist) adds `local_only` and `epsilon_total`;
/// version 1 releases, stored before, still read (with no local-only dimension and ε total = ε)
/// and write back byte for byte as they were signed.
///
/// What it deliberately lacks: the number of complaints, any case id, any range of the audit log,
/// any exact count. Which complaints it covers is stated only as "filed in this UTC month".
public struct StatisticsRelease: Sendable, Equatable {
    public static let format = "safeintake-statistics-release"
    /// The version new releases are written in; `supportedVersions` are read.
    public static let version = 2
    public static let supportedVersions = 1...2

    public struct Cell: Sendable, Equatable {
        public let dimension: String
        public let cell: String
        /// The noisy count, or nil when it fell below the threshold after noise.
        public let value: Int?

        public init(dimension: String, cell: String, value: Int?) {
            self.dimension = dimension
            self.cell = cell
            self.value = value
        }
    }

    /// The format version this release was written in (1 or 2).
    public let version: Int
    /// `YYYY-MM`, UTC: the release covers complaints filed in this month.
    public let month: String
    /// `YYYY-MM-DD`, UTC.
    public let releasedDay: String
    public let mechanism: String
    /// "scale=t/s" (discrete Laplace) or "sigma2=a/b" (discrete Gaussian), exact.
    public let noiseParameter: String
    public let epsilon: Rational
    public let delta: Rational?
    public let l1Sensitivity: Int
    public let l2SensitivitySquared: Int
    public let threshold: Int
    public let cells: [Cell]
    /// ε₀ of each dimension whose tallies were stored under randomised response
    /// (`LocalRandomisation`), its figures then de-biased; nil when the month's tallies were exact
    /// (stored before randomised response at rest).
    public let localEpsilon: [String: Rational]?
    /// The randomised dimensions released from the randomised answers alone, sorted: no central
    /// noise on their cells, outside `l1Sensitivity`, de-biased with the exact total.
    public let localOnly: [String]
    /// ε plus, for each local-only dimension, its ε₀ times the answers one case has in it (basic
    /// composition): the whole release's bound about one case. Equal to ε without local-only dimensions.
    public let epsilonTotal: Rational
    /// How the complaints filed three months earlier were handled (`CaseHandlingTally`): exact,
    /// from the public log, outside the privacy accounting (they add nothing the log does not show).
    public let handling: Handling?

    /// Case-handling figures of one filing month (`cohort`), dimension `handling`, values exact.
    public struct Handling: Sendable, Equatable {
        public let cohort: String
        public let figures: [Cell]

        public init(cohort: String, figures: [(cell: String, value: Int)]) {
            self.cohort = cohort
            self.figures = figures.map { Cell(dimension: "handling", cell: $0.cell, value: $0.value) }
        }
    }

    public init(month: String, releasedDay: String, mechanism: String, noiseParameter: String, epsilon: Rational, delta: Rational?,
                l1Sensitivity: Int, l2SensitivitySquared: Int, threshold: Int, cells: [Cell], localEpsilon: [String: Rational]? = nil,
                localOnly: [String] = [], epsilonTotal: Rational? = nil, handling: Handling? = nil, version: Int = StatisticsRelease.version) {
        self.version = version
        self.localOnly = localOnly
        self.epsilonTotal = epsilonTotal ?? epsilon
        self.handling = handling
        self.localEpsilon = localEpsilon
        self.month = month
        self.releasedDay = releasedDay
        self.mechanism = mechanism
        self.noiseParameter = noiseParameter
        self.epsilon = epsilon
        self.delta = delta
        self.l1Sensitivity = l1Sensitivity
        self.l2SensitivitySquared = l2SensitivitySquared
        self.threshold = threshold
        self.cells = cells
    }

    /// ε + Σ over `localOnly` of ε₀ · answers per case (`LocalRandomisation.answersPerCase`), exact;
    /// `cells` gives a dimension's number of cells in the release.
    public static func composedEpsilon(epsilon: Rational, localOnly: [String], localEpsilon: [String: Rational],
                                       cells: (String) -> Int) throws(StatisticsError) -> Rational {
        var total = epsilon
        for name in localOnly {
            guard let local = localEpsilon[name] else {
                throw StatisticsError(.invalidRelease, "the local-only dimension \(name) has no ε₀ in local_epsilon")
            }
            total = try total.adding(try local.multiplied(by: UInt128(LocalRandomisation.answersPerCase(dimension: name, cells: cells(name)))))
        }
        return total
    }

    /// Whether a figure of `dimension` carries the central noise (false for a local-only one).
    public func isCentrallyNoised(_ dimension: String) -> Bool { !localOnly.contains(dimension) }

    /// The release as a JSON object (Docs/statistics.md, "Release format"). A version 1 release has
    /// exactly the keys it was signed with.
    public var jsonObject: [String: Any] {
        var object = version1Object
        if version >= 2 {
            object["local_only"] = localOnly
            object["epsilon_total"] = epsilonTotal.doubleValue
            object["epsilon_total_exact"] = epsilonTotal.description
        }
        return object
    }

    private var version1Object: [String: Any] {
        [
            "format": Self.format, "version": version, "month": month, "released": releasedDay,
            "mechanism": mechanism, "noise_parameter": noiseParameter,
            "epsilon": epsilon.doubleValue, "epsilon_exact": epsilon.description,
            "delta": delta.map { $0.doubleValue as Any } ?? NSNull(), "delta_exact": delta.map { $0.description as Any } ?? NSNull(),
            "l1_sensitivity": l1Sensitivity, "l2_sensitivity_squared": l2SensitivitySquared,
            "suppression_threshold": threshold,
            "local_epsilon": localEpsilon.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value.description) }) as Any } ?? NSNull(),
            "cells": cells.map { ["dimension": $0.dimension, "cell": $0.cell, "value": $0.value.map { $0 as Any } ?? NSNull()] as [String: Any] },
            "handling": handling.map { h -> Any in
                ["cohort": h.cohort, "source": "public_audit_log",
                 "figures": h.figures.map { ["cell": $0.cell, "value": $0.value ?? 0] as [String: Any] }] as [String: Any]
            } ?? NSNull(),
        ]
    }

    /// Canonical one-line JSON (sorted keys): the bytes that are signed.
    public var canonicalJSON: String {
        let data = (try? JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a release back from its canonical JSON.
    public init(json: String) throws(StatisticsError) {
        let bad = StatisticsError(.invalidRelease, "the release is not a \(Self.format) version 1 or 2 JSON object")
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              object["format"] as? String == Self.format, let version = object["version"] as? Int, Self.supportedVersions.contains(version),
              let month = object["month"] as? String, let released = object["released"] as? String,
              let mechanism = object["mechanism"] as? String, let parameter = object["noise_parameter"] as? String,
              let epsilon = object["epsilon_exact"] as? String, let l1 = object["l1_sensitivity"] as? Int,
              let l2 = object["l2_sensitivity_squared"] as? Int, let threshold = object["suppression_threshold"] as? Int,
              let rawCells = object["cells"] as? [[String: Any]] else { throw bad }
        var cells: [Cell] = []
        for raw in rawCells {
            guard let dimension = raw["dimension"] as? String, let cell = raw["cell"] as? String else { throw bad }
            cells.append(Cell(dimension: dimension, cell: cell, value: raw["value"] as? Int))
        }
        var delta: Rational?
        if let text = object["delta_exact"] as? String { delta = try Rational(exact: text) }
        var localEpsilon: [String: Rational]?
        if let raw = object["local_epsilon"] as? [String: String] {
            var parsed: [String: Rational] = [:]
            for (dimension, value) in raw { parsed[dimension] = try Rational(exact: value) }
            localEpsilon = parsed
        }
        var handling: Handling?
        if let raw = object["handling"] as? [String: Any] {
            guard let cohort = raw["cohort"] as? String, let figures = raw["figures"] as? [[String: Any]] else { throw bad }
            var parsed: [(cell: String, value: Int)] = []
            for figure in figures {
                guard let cell = figure["cell"] as? String, let value = figure["value"] as? Int else { throw bad }
                parsed.append((cell, value))
            }
            handling = Handling(cohort: cohort, figures: parsed)
        }
        let exactEpsilon = try Rational(exact: epsilon)
        var localOnly: [String] = []
        var epsilonTotal = exactEpsilon
        if version >= 2 {
            guard let names = object["local_only"] as? [String], names == names.sorted(), Set(names).count == names.count,
                  let total = object["epsilon_total_exact"] as? String else { throw bad }
            localOnly = names
            epsilonTotal = try Rational(exact: total)
            // The stated total must be the composition of what the release says it spent.
            let composed = try Self.composedEpsilon(epsilon: exactEpsilon, localOnly: names, localEpsilon: localEpsilon ?? [:],
                                                    cells: { name in cells.filter { $0.dimension == name }.count })
            guard composed == epsilonTotal else {
                throw StatisticsError(.invalidRelease, "epsilon_total \(total) is not ε plus the local-only dimensions' ε₀ (\(composed))")
            }
        }
        self.init(month: month, releasedDay: released, mechanism: mechanism, noiseParameter: parameter,
                  epsilon: exactEpsilon, delta: delta,
                  l1Sensitivity: l1, l2SensitivitySquared: l2, threshold: threshold, cells: cells, localEpsilon: localEpsilon,
                  localOnly: localOnly, epsilonTotal: epsilonTotal, handling: handling, version: version)
    }
}
