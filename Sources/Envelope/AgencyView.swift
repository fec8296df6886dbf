import Foundation
import Sodium

/// What an inspector reads about a case: the firewall's output (Docs/format.md §2).
/// It exists in plaintext only inside the daemon during intake and on the inspector's machine.
public struct AgencyView: Sendable, Equatable, Codable {
    public var caseID: CaseID
    public var language: String
    public var fields: [String: String]
    public var narrative: String
    /// The ILO forced-labour indicators the firewalled complaint shows (issue 21), by name, sorted;
    /// nil in views sealed before they were tagged. Read from what the inspector reads, never from
    /// what the firewall removed.
    public var indicators: [String]?
    /// The evidence that passed the document firewall (issue 20), in the order she attached it;
    /// nil when she attached none.
    public var attachments: [AttachmentEntry]?
    /// How many attachments the document firewall held back. Only the count: a reason would tell
    /// the inspector what kind of document she holds.
    public var withheldAttachments: Int?

    enum CodingKeys: String, CodingKey {
        case caseID = "case", language, fields, narrative, indicators, attachments
        case withheldAttachments = "attachments_withheld"
    }

    public init(caseID: CaseID, language: String, fields: [String: String], narrative: String, indicators: [String]? = nil,
                attachments: [AttachmentEntry]? = nil, withheldAttachments: Int? = nil) {
        self.caseID = caseID
        self.language = language
        self.fields = fields
        self.narrative = narrative
        self.indicators = indicators
        self.attachments = attachments
        self.withheldAttachments = withheldAttachments
    }

    /// Violence, restriction of movement, or retained documents with threats: the mark a supervisor
    /// triages by (issue 21; the same rule as `Firewall.ForcedLabourIndicator.isUrgent`, which this
    /// module cannot import).
    public var isUrgent: Bool {
        let tags = Set(indicators ?? [])
        return tags.contains("physical_sexual_violence") || tags.contains("restriction_of_movement")
            || (tags.contains("retention_of_identity_documents") && tags.contains("intimidation_threats"))
    }

    /// The canonical JSON (sorted keys, no extra whitespace) in a wiped-on-release buffer.
    public func encodedPlaintext() throws -> SecureBytes {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        defer { data.resetBytes(in: 0..<data.count) }
        return SecureBytes(copying: data)
    }

    /// Parses a decrypted agency view and checks it names the case it was opened for.
    public static func decode(_ plaintext: SecureBytes, expecting caseID: CaseID) throws(EnvelopeError) -> AgencyView {
        let view: AgencyView
        do {
            view = try plaintext.withUnsafeBytes { bytes in
                try JSONDecoder().decode(AgencyView.self, from: Data(bytes))
            }
        } catch {
            throw EnvelopeError(.malformedPlaintext, "the decrypted case is not a valid agency view")
        }
        guard view.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the decrypted record names case \(view.caseID), not \(caseID)")
        }
        return view
    }

    /// Seals this view under `caseKey` as an `agencyView` record.
    public func seal(caseKey: SecureBytes) throws -> [UInt8] {
        try SealedRecord.seal(encodedPlaintext(), type: .agencyView, caseID: caseID, caseKey: caseKey)
    }

    /// Opens an `agencyView` record.
    public static func open(_ record: [UInt8], caseID: CaseID, caseKey: SecureBytes) throws(EnvelopeError) -> AgencyView {
        let plaintext = try SealedRecord.open(record, expecting: .agencyView, caseID: caseID, caseKey: caseKey)
        return try decode(plaintext, expecting: caseID)
    }
}
