import Envelope
import Firewall
import Foundation

/// The inspector's search of the text of her own cases (issue 19 #1), done entirely on her machine
/// over what her key decrypted: the narrative, the fields, the text read from attachments and the
/// thread (notes, messages to the reporter, her answers). The server is never asked and learns
/// nothing: no query ever leaves this process, and the text searched is the case index's
/// (`CaseIndex`), kept from the last opening of each case.
///
/// Matching is on folded text (`fold`): compatibility-normalised (NFKC), then folded as the
/// firewall folds (case, Latin accents, Arabic letter forms and harakat, Indic nukta, digits of
/// every script), white space as one space. Every word of the query must occur (a substring, so it
/// works in Thai and other scripts that do not separate words, and finds "salari" in "salario").
public struct CaseSearch: Sendable, Equatable {
    /// The query's folded words, each of which a case must contain.
    public let terms: [String]

    /// Punctuation around a query's words is not part of them (`"Peñalosa"`, `Lim,`).
    static let edges = CharacterSet(charactersIn: "\"'«»()[]{},.;:!?¿¡،؛؟।")

    /// A search for `query`; nil when nothing is left to search for once folded.
    public init?(_ query: String) {
        let terms = Self.fold(query).split(separator: " ").map { $0.trimmingCharacters(in: Self.edges) }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return nil }
        self.terms = terms
    }

    /// Whether every term occurs in `folded`, text already folded with `fold`.
    public func matches(folded: String) -> Bool {
        terms.allSatisfy { folded.contains($0) }
    }

    /// NFKC, then the firewall's folding (`SearchFolding`).
    public static func fold(_ text: String) -> String {
        SearchFolding.fold(text.precomposedStringWithCompatibilityMapping)
    }

    /// Everything of an opened case a search looks in, folded, each part on a line of its own (a
    /// query's words may still match across parts: "Lim Ipoh" finds the employer and the city).
    public static func searchableText(of opened: OpenedCase) -> String {
        let view = opened.view
        let fields = view.fields.keys.sorted().map { "\($0.replacingOccurrences(of: "_", with: " ")) \(view.fields[$0]!)" }
        let parts = fields + [view.narrative] + opened.allAttachments.map(\.text) + opened.thread.map(\.text)
        return parts.map(fold).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// The employer and the place of a case, picked out of its fields for the case list (issue 19 #1),
/// whatever names and language the reporter's form used: by the firewall policy's own stems for
/// the `employer` and `location` categories (`FieldNameCategories`).
public enum CaseFacts {
    static let categories = FieldNameCategories()

    /// Names of a place an inspector travels to, preferred over other location fields (an address
    /// is too long for a column).
    static let placeStems = ["district", "area", "city", "province", "state", "region", "governorate", "zone", "ciudad", "citta",
                             "comune", "comuna", "municipio", "provincia", "localidad", "barrio", "kota", "kabupaten", "daerah",
                             "negeri", "bandar", "مدينه", "منطقه", "محافظه", "जिल्ला", "ठाउँ", "জেলা", "শহর", "จังหวัด", "เขต", "อำเภอ"]
    /// Location names that are not a place of work: the worker's country of origin stands in for her
    /// nationality, which the firewall keeps from the agency's view of her; never a column.
    static let originStems = ["country", "pais", "origin*", "origen", "asal*", "negara*"]

    /// The value of the first field (by name) that names the employer and is not her contact or an
    /// address; nil when none does.
    public static func employer(_ fields: [String: String]) -> String? {
        first(in: fields) { name, categories in
            categories.contains("employer") && !categories.contains("contact") && !categories.contains("location")
        }
    }

    /// The value of the first field (by name) that names a district, city or region, else of any
    /// other location field but her origin; nil when none does.
    public static func district(_ fields: [String: String]) -> String? {
        let isLocation: (String, [String]) -> Bool = { name, categories in
            categories.contains("location") && !categories.contains("employer")
                && !originStems.contains { FieldNameCategories.name(name, matches: $0) }
        }
        return first(in: fields) { name, categories in
            isLocation(name, categories) && placeStems.contains { FieldNameCategories.name(name, matches: $0) }
        } ?? first(in: fields, where: isLocation)
    }

    private static func first(in fields: [String: String], where keep: (String, [String]) -> Bool) -> String? {
        for name in fields.keys.sorted() where keep(name, categories.categories(of: name)) {
            let value = fields[name]!.trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { return value }
        }
        return nil
    }
}
