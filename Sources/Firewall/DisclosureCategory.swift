/// What kind of thing the firewall removed.
///
/// Used for counts in the audit report only. A category is never attached to the redacted text:
/// the marker is uniform so that an inspector cannot infer *what* was there (an "asylum" marker
/// would itself disclose status).
public enum DisclosureCategory: String, Sendable, Codable, CaseIterable, Comparable {
    /// "undocumented", "no papers", "overstayed", "expired visa", "huroob", "TNT", "ผีน้อย".
    case explicitStatus = "explicit_status"
    /// Statements of *valid* status ("visa valid until 2026", "green card"): still status.
    case validStatus = "valid_status"
    /// Passport, visa, permit, iqama, FIN, HKID, NIE, A-number… numbers in any shape.
    case documentIdentifier = "document_identifier"
    /// Tourist/visit/umrah visa used to work, border crossing, smuggling.
    case entryRoute = "entry_route"
    /// Asylum, refugee, torture or non-refoulement claims, protection applications.
    case asylum = "asylum"
    /// Deportation, bans, raids, immigration detention.
    case enforcementHistory = "enforcement_history"
    /// A run of words the learned second stage removed after the rules (`LearnedStage`): no
    /// lexicon rule fired on it, so its kind is unknown. Counted apart so the audit shows how much
    /// of the redaction rests on the model rather than on the published word lists.
    case learned = "learned"
    /// A structured field dropped because its name (or value) discloses status.
    case statusField = "status_field"
    /// A structured field dropped because the policy does not list its name.
    case unlistedField = "unlisted_field"

    public static func < (lhs: DisclosureCategory, rhs: DisclosureCategory) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
