import Envelope
import Foundation

/// The narrowing of a case list that needs what this machine decrypted (the language, the text to
/// search) or today's date (the age): the same for `inspector cases` and the UI (issue 19 #1). Worked out here from the daemon's list and the case index; nothing of it
/// is ever sent to the daemon.
public struct CaseNarrowing: Sendable, Equatable {
    /// Only cases in this language (its code, as the complaint gave it).
    public var language: String?
    /// Only cases filed more than this many days before today.
    public var olderThanDays: Int?
    /// Only cases whose text, as last opened here, holds every word of this search.
    public var search: CaseSearch?

    public init(language: String? = nil, olderThanDays: Int? = nil, search: CaseSearch? = nil) {
        self.language = language
        self.olderThanDays = olderThanDays
        self.search = search
    }

    /// Whether the case stays in the list; `entry` is what the case index knows of it, `today` is
    /// `YYYY-MM-DD` (UTC). A case the index has no text for is never a search result.
    public func keeps(_ summary: AgencyClient.CaseSummary, _ entry: CaseIndex.Entry?, today: String) -> Bool {
        if let language, entry?.language != language { return false }
        if let olderThanDays {
            guard let cutoff = Self.day(olderThanDays, before: today), !summary.day.isEmpty, summary.day < cutoff else { return false }
        }
        if let search {
            guard let text = entry?.text, search.matches(folded: text) else { return false }
        }
        return true
    }

    /// The day `days` days before `day` (both `YYYY-MM-DD`, UTC); nil for a day that does not parse.
    public static func day(_ days: Int, before day: String) -> String? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let earlier = calendar.date(byAdding: .day, value: -days, to: date) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: earlier)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
