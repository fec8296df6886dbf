import Envelope
import Firewall
import Sodium

/// What happened to one attachment, told to her in her language (never to the inspector, who sees
/// only how many were withheld).
public enum EvidenceOutcome: Sendable, Equatable {
    case delivered
    case withheld(WithholdingReason)

    /// `delivered`, or the withholding reason's name: the JSON API's `attachments[].outcome`.
    public var name: String {
        switch self {
        case .delivered: "delivered"
        case .withheld(let reason): reason.rawValue
        }
    }
}

/// One attachment after the sandbox and the document firewall: the clean bytes and firewalled
/// text of a delivered one; nothing of a withheld one but why.
public struct ScreenedEvidence: Sendable {
    public let outcome: EvidenceOutcome
    /// The clean bytes, type and pages (nil when withheld: dropped as soon as judged).
    let delivered: SanitisedEvidence?
    /// The OCR text after the narrative firewall ("" when withheld).
    let text: String
}

/// How intake reads evidence: the sandboxed reader, or none (attachments refused).
public struct EvidenceSettings: Sendable {
    public var reader: (any EvidenceReader)?
    public init(reader: (any EvidenceReader)? = nil) { self.reader = reader }
}

extension IntakeService {
    /// Reads every attachment in the sandbox and judges it with the document firewall. Slow
    /// (seconds per file): the server runs it on its own small pool so OCR never delays status
    /// checks. Throws before anything is stored when a file is unsupported, damaged or too large,
    /// so she can send the complaint again without it.
    public func screenEvidence(_ uploads: [UploadedEvidence], language: String) throws(IntakeError) -> [ScreenedEvidence] {
        guard !uploads.isEmpty else { return [] }
        guard let reader = evidence.reader else {
            throw IntakeError(.attachmentsUnavailable, "this server does not accept attachments; send the complaint without them")
        }
        var screened: [ScreenedEvidence] = []
        for (index, upload) in uploads.enumerated() {
            guard EvidenceType.sniff(upload.bytes) != nil else {
                throw IntakeError(.unsupportedAttachment, "attachment \(index + 1) is not a JPEG, PNG, HEIC or WebP photo, or a PDF")
            }
            let read: SanitisedEvidence
            do {
                read = try reader.read(upload, language: language)
            } catch {
                throw Self.problem(error, attachment: index + 1)
            }
            screened.append(judge(read, language: language))
        }
        return screened
    }

    func judge(_ read: SanitisedEvidence, language: String) -> ScreenedEvidence {
        switch DocumentFirewall(firewall: firewall).verdict(text: read.text, language: language, readability: read.readability) {
        case .deliver(let text): ScreenedEvidence(outcome: .delivered, delivered: read, text: text)
        case .withhold(let reason): ScreenedEvidence(outcome: .withheld(reason), delivered: nil, text: "")
        }
    }

    static func problem(_ error: EvidenceError, attachment number: Int) -> IntakeError {
        switch error {
        case .unsupportedType:
            IntakeError(.unsupportedAttachment, "attachment \(number) is not a JPEG, PNG, HEIC or WebP photo, or a PDF")
        case .malformed:
            IntakeError(.malformedAttachment, "attachment \(number) could not be opened: it may be damaged or cut short; take the photo again or send it without")
        case .tooLarge:
            IntakeError(.attachmentTooLarge, "attachment \(number) has too many bytes, pixels or pages for this server")
        case .exhausted:
            IntakeError(.attachmentTooLarge, "attachment \(number) took too long or too much memory to read; send a smaller photo or fewer pages")
        case .readerUnavailable:
            IntakeError(.attachmentsUnavailable, "this server cannot read attachments now; send the complaint without them")
        }
    }

    /// Seals each delivered attachment under its own key: the stored rows, the view's entries, and
    /// how many were withheld.
    static func seal(_ evidence: [ScreenedEvidence], caseID: CaseID) throws -> (stored: [StoredAttachment], entries: [AttachmentEntry]?, withheld: Int?) {
        guard !evidence.isEmpty else { return ([], nil, nil) }
        var stored: [StoredAttachment] = []
        var entries: [AttachmentEntry] = []
        for item in evidence {
            guard let clean = item.delivered else { continue }
            let id = AttachmentID.generate()
            let (sealed, key) = try SealedAttachment.seal(SecureBytes(copying: clean.bytes), caseID: caseID, attachmentID: id)
            stored.append(StoredAttachment(id: id, sealed: sealed))
            entries.append(AttachmentEntry(id: id, mediaType: clean.mediaType, key: key, text: item.text, pages: clean.pages))
        }
        return (stored, entries.isEmpty ? nil : entries, evidence.count - entries.count)
    }
}
