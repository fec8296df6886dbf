/// How well the text of an attachment could be read (issue 20). The sandboxed reader
/// (`EvidenceSandbox`) measures it from the OCR engine's own word confidences; the document
/// firewall decides with it what happens to text nobody could read (Docs/firewall-policy.md,
/// "Attachments").
public enum TextReadability: String, Sendable, Equatable, Codable {
    /// Enough words were read with enough confidence to judge the text.
    case readable
    /// Little or no text at all: a photograph of a room, an injury, a person.
    case noText = "no_text"
    /// Much text, read too poorly to judge: a document nobody can check.
    case unreadable
}

/// Why an attachment was withheld from the agency. Told to the reporter in her language; never
/// told to the inspector (who sees only how many were withheld: a reason would itself hint at her
/// status).
public enum WithholdingReason: String, Sendable, Equatable, Codable {
    /// A passport data page or its machine-readable zone, a visa, a residence or work-permit card,
    /// an immigration notice.
    case immigrationDocument = "immigration_document"
    /// Its text discloses status (the narrative firewall removed something from it).
    case statusDisclosed = "status_disclosed"
    /// It holds much text that could not be read, so nobody can say it is safe.
    case unreadable
}

/// The document firewall's decision on one attachment.
public enum DocumentVerdict: Sendable, Equatable {
    /// Reaches the inspector, with `text` (the OCR text after the narrative firewall) beside it.
    case deliver(text: String)
    case withhold(WithholdingReason)
}
