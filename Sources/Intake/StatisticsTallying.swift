import Foundation
import Firewall
import Statistics

/// Which tally cells a complaint adds 1 to at intake, and the fixed domain a release publishes.
///
/// Coarse on purpose (Docs/threat-model.md, "Statistics tallies"): every dimension is tallied on its
/// own — month × total, month × language, month × region, month × indicator, month × firewall
/// category — and never crossed, so that a seized database holds no "Tigrinya × district 7" cell of
/// size one. Nothing per case is stored: only these counters, in the filing's transaction.
///
/// - **language**: the primary subtag of the validated language tag (a closed list, `LanguageTag`).
/// - **region**: only when the operator lists regions (`serve --stats-regions FILE`). The value of the
///   first kept field whose name is region-like is matched, whole, against that list; anything else
///   counts as `other`, and a complaint without such a field as `unstated`. The region-like names
///   are a subset of the policy's agency-visible `location` category: district, area, city, province,
///   state, region, governorate, zone (and their common translations). Not `address`, `postal`,
///   `block` or `village` (too fine: a cell of one household), nor `country` or `origin` (the
///   worker's country of origin stands in for nationality, which the firewall keeps from the agency).
///   Free text never becomes a cell: a value outside the list would store the reporter's words.
/// - **indicator**: the ILO indicators `IndicatorTagger` finds in the narrative *after* the
///   firewall (and her own removals), as inspectors see it.
/// - **firewall**: each category of which the firewall removed at least one thing (the count of
///   complaints, not of removals, so one complaint moves each cell by at most 1).
public struct StatisticsTallying: Sendable {
    public static let total = TallyCell("total", "all")
    public static let regionOther = "other"
    public static let regionUnstated = "unstated"

    /// Field names (folded: lower case, `_ - .` as spaces) whose value is a region.
    public static let regionFieldNames: Set<String> = [
        "district", "area", "city", "province", "state", "region", "governorate", "zone", "ciudad", "citta", "comune",
        "comuna", "municipio", "provincia", "kota", "kabupaten", "daerah", "negeri", "bandar", "جيلا", "जिल्ला", "জেলা",
        "จังหวัด", "เขต", "อำเภอ", "محافظه", "منطقه",
    ]

    /// The operator's regions, in the order releases list them.
    public let regions: [String]
    private let foldedRegions: [String: String]
    /// ε₀ per dimension of the randomised response applied before anything is stored
    /// (`serve --stats-local-epsilon`, default 1.1). A month keeps the ε₀ recorded at its first filing.
    public let localRandomisation: LocalRandomisation

    public init(regions: [String] = [], localRandomisation: LocalRandomisation = .standard) {
        self.localRandomisation = localRandomisation
        var seen = Set<String>()
        self.regions = regions.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert(Self.fold($0)).inserted }
        self.foldedRegions = Dictionary(self.regions.map { (Self.fold($0), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every cell a release publishes, and how many of each dimension one complaint can touch.
    public var domain: StatisticsDomain {
        StatisticsDomain(dimensions: [
            .init(name: "total", cells: ["all"], cellsPerComplaint: 1),
            .init(name: "language", cells: LanguageTag.languages.sorted(), cellsPerComplaint: 1),
            .init(name: "region", cells: regions.isEmpty ? [] : regions + [Self.regionOther, Self.regionUnstated], cellsPerComplaint: 1),
            .init(name: "indicator", cells: ForcedLabourIndicator.allCases.map(\.rawValue).sorted(), cellsPerComplaint: ForcedLabourIndicator.allCases.count),
            .init(name: "firewall", cells: DisclosureCategory.allCases.map(\.rawValue).sorted(), cellsPerComplaint: DisclosureCategory.allCases.count),
        ])
    }

    /// The cells that are *true* of one complaint, sorted: never stored as such (the store keeps
    /// only their randomised answer, `TallyContribution`) (stores update them in this order, so that two
    /// filings never lock the same rows in opposite orders).
    /// `indicators`: the tags on the firewalled narrative, computed once at intake for the view too.
    public func cells(language: String, fields: [String: String], indicators: [ForcedLabourIndicator], report: FirewallReport) -> [TallyCell] {
        var cells = [Self.total]
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        if LanguageTag.languages.contains(primary) { cells.append(TallyCell("language", primary)) }
        if !regions.isEmpty { cells.append(TallyCell("region", region(in: fields))) }
        cells += indicators.map { TallyCell("indicator", $0.rawValue) }
        cells += report.counts.filter { $0.value > 0 }.keys.map { TallyCell("firewall", $0.rawValue) }
        return cells.sorted()
    }

    /// One complaint's true cells with what the store needs to randomise them.
    public func contribution(language: String, fields: [String: String], indicators: [ForcedLabourIndicator],
                             report: FirewallReport) -> TallyContribution {
        TallyContribution(truth: cells(language: language, fields: fields, indicators: indicators, report: report),
                          domain: domain, localRandomisation: localRandomisation)
    }

    private func region(in fields: [String: String]) -> String {
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where Self.regionFieldNames.contains(Self.fold(name)) {
            return foldedRegions[Self.fold(value)] ?? Self.regionOther
        }
        return Self.regionUnstated
    }

    /// Lower case, `_ - .` and runs of white space as one space, trimmed.
    static func fold(_ text: String) -> String {
        text.lowercased().map { "_-.".contains($0) ? " " : $0 }.reduce(into: "") { out, ch in
            if ch.isWhitespace { if !out.isEmpty, out.last != " " { out.append(" ") } } else { out.append(ch) }
        }.trimmingCharacters(in: .whitespaces)
    }

    /// Built once: the tagger compiles its lexicons into automata.
    static let tagger = IndicatorTagger()
}

/// One complaint's contribution to its month's tallies, in memory only: its true cells, the
/// domain, and the daemon's ε₀. The store turns it into the cells it adds 1 to with
/// `storedCells(monthScheme:)`, inside the filing's transaction, under the ε₀ recorded for the
/// month (the daemon's own when it files the month's first complaint): so that one month's
/// answers all share one ε₀ and de-bias together, even if the operator changes it mid-month.
public struct TallyContribution: Sendable {
    public let truth: [TallyCell]
    public let domain: StatisticsDomain
    public let localRandomisation: LocalRandomisation

    public init(truth: [TallyCell], domain: StatisticsDomain, localRandomisation: LocalRandomisation) {
        self.truth = truth.sorted()
        self.domain = domain
        self.localRandomisation = localRandomisation
    }

    /// The randomised cells to add 1 to, sorted (stores update them in this order, so that two
    /// filings never lock the same rows in opposite orders). Randomness from libsodium.
    public func storedCells(monthScheme: LocalRandomisation) throws -> [TallyCell] {
        var sampler = ExactSampler(source: SodiumRandomSource())
        return try monthScheme.randomise(truth, domain: domain, sampler: &sampler)
    }
}
