import Foundation

/// One month's published figures: every cell of the domain with its noisy value (nil when
/// suppressed), and everything a reader needs to judge them — the mechanism, its exact parameter,
/// the budget (ε, δ) it spent, the sensitivities it was calibrated to, the suppression threshold.
///
/// What it deliberately lacks: the number of complaints, any case id, any range of the audit log,
/// any exact count. Which complaints it covers is stated only as "filed in this UTC month".
public struct StatisticsRelease: Sendable, Equatable {
    public static let format = "safeintake-statistics-release"
    public static let version = 1

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
                handling: Handling? = nil) {
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

    /// The release as a JSON object (Docs/statistics.md, "Release format").
    public var jsonObject: [String: Any] {
        [
            "format": Self.format, "version": Self.version, "month": month, "released": releasedDay,
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
        let bad = StatisticsError(.invalidRelease, "the release is not a \(Self.format) version \(Self.version) JSON object")
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              object["format"] as? String == Self.format, object["version"] as? Int == Self.version,
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
        self.init(month: month, releasedDay: released, mechanism: mechanism, noiseParameter: parameter,
                  epsilon: try Rational(exact: epsilon), delta: delta,
                  l1Sensitivity: l1, l2SensitivitySquared: l2, threshold: threshold, cells: cells, localEpsilon: localEpsilon,
                  handling: handling)
    }
}
