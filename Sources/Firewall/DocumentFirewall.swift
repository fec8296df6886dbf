/// The document firewall (issue 20): what happens to an attachment, judged from the text the
/// sandboxed reader found on it. Pure: no I/O, deterministic, safe to share.
///
/// In order, the first that applies (Docs/firewall-policy.md, "Attachments"):
/// 1. the text shows an immigration document (`MachineReadableZone`, or `DocumentLabels`: a title
///    with two field labels, or four labels): withheld, `.immigrationDocument`, however well or
///    badly the rest was read;
/// 2. the text could not be read (`.unreadable`): withheld, `.unreadable`, since nobody can say
///    it is safe;
/// 3. the narrative firewall removes anything from the text: withheld, `.statusDisclosed`. The
///    picture still shows what the firewall removed from its text, so removing words is not
///    enough: the whole attachment is withheld;
/// 4. otherwise delivered, with the text (empty for `.noText`: what the reader found there is, by
///    the readability rule, noise).
public struct DocumentFirewall: Sendable {
    public let firewall: Firewall

    public init(firewall: Firewall) { self.firewall = firewall }

    public init(policy: FirewallPolicy) { self.init(firewall: Firewall(policy: policy)) }

    public func verdict(text: String, language: String, readability: TextReadability) -> DocumentVerdict {
        if Self.showsImmigrationDocument(text) { return .withhold(.immigrationDocument) }
        if readability == .unreadable { return .withhold(.unreadable) }
        let redaction = firewall.redact(text, language: language)
        if redaction.report.total > 0 { return .withhold(.statusDisclosed) }
        return .deliver(text: readability == .noText ? "" : redaction.text)
    }

    /// Document-shaped signals only: a machine-readable zone, or a document's title and labels.
    /// Words about documents in a sentence are the narrative firewall's business, not this.
    public static func showsImmigrationDocument(_ text: String) -> Bool {
        MachineReadableZone.isPresent(in: text) || DocumentLabels.find(in: text).isDocumentShaped
    }
}
