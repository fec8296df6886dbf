import Foundation
import Sodium

/// A case's thread as another organisation handed it over (Docs/format.md §17, record type 0x04):
/// every note, message to the reporter and answer from her that the sending supervisor's key
/// opened, each with its original day and author key id and the organisation it was written at,
/// and her answers' attachments (their keys inside, as in §16). Sealed once, on the sending
/// supervisor's machine, under the case's new key; the receiving server stores it unread.
///
/// The entries' signatures stay behind: they were made over the sending organisation's case id
/// with keys the receiver does not know, so the receiver reads each entry on the strength of the
/// handover statement, which the sending supervisor signed and both logs carry.
public struct TransferredThread: Sendable, Equatable, Codable {
    public static let currentVersion = 1

    public struct Entry: Sendable, Equatable, Codable {
        /// The day it was stored at its organisation; nil for entries stored before days were kept.
        public var day: String?
        /// The author's key id there, or `reporter` for her answers.
        public var author: String
        /// `note`, `outcome`, `message_to_reporter` or `answer`.
        public var kind: String
        public var text: String
        /// The organisation where it was written (a case transferred twice keeps each entry's own).
        public var organisation: String
        /// What she sent with an answer, each with its key (§16).
        public var attachments: [AttachmentEntry]?
        public var withheldAttachments: Int?

        enum CodingKeys: String, CodingKey {
            case day, author, kind, text, organisation, attachments
            case withheldAttachments = "attachments_withheld"
        }

        public init(day: String?, author: String, kind: String, text: String, organisation: String,
                    attachments: [AttachmentEntry]? = nil, withheldAttachments: Int? = nil) {
            self.day = day
            self.author = author
            self.kind = kind
            self.text = text
            self.organisation = organisation
            self.attachments = attachments
            self.withheldAttachments = withheldAttachments
        }
    }

    public var version: Int
    /// The case id at the receiving organisation (what the record is sealed for).
    public var caseID: CaseID
    /// The case id at the sending organisation.
    public var fromCase: CaseID
    /// The day the complaint was first filed (at the first organisation).
    public var filed: String
    /// The case's state at the sending organisation when it was handed over.
    public var stateBefore: String
    /// She checked in with her duress code at the sending organisation: do not contact her.
    public var duress: Bool
    public var entries: [Entry]

    enum CodingKeys: String, CodingKey {
        case version = "v", caseID = "case", fromCase = "from_case", filed, stateBefore = "state_before", duress, entries
    }

    public init(caseID: CaseID, fromCase: CaseID, filed: String, stateBefore: String, duress: Bool, entries: [Entry]) {
        self.version = Self.currentVersion
        self.caseID = caseID
        self.fromCase = fromCase
        self.filed = filed
        self.stateBefore = stateBefore
        self.duress = duress
        self.entries = entries
    }

    /// Seals the thread under the case key as a record of type `transferredThread` (§3).
    public func seal(caseKey: SecureBytes) throws -> [UInt8] {
        try SealedRecord.seal(SealedJSON.encode(self), type: .transferredThread, caseID: caseID, caseKey: caseKey)
    }

    /// Opens a thread record and checks it names `caseID`.
    public static func open(_ record: [UInt8], caseID: CaseID, caseKey: SecureBytes) throws(EnvelopeError) -> TransferredThread {
        let plaintext = try SealedRecord.open(record, expecting: .transferredThread, caseID: caseID, caseKey: caseKey)
        let thread = try SealedJSON.decode(TransferredThread.self, from: plaintext, what: "transferred thread")
        guard thread.version == currentVersion else {
            throw EnvelopeError(.unsupportedVersion, "transferred thread version \(thread.version) is not supported")
        }
        guard thread.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the transferred thread names case \(thread.caseID), not \(caseID)")
        }
        return thread
    }
}
