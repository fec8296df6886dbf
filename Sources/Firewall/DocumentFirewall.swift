/// PLACEHOLDER until the evidence branch lands: withholds what the narrative firewall changes.
public struct DocumentFirewall: Sendable {
    let firewall: Firewall
    public init(firewall: Firewall) { self.firewall = firewall }
    public func verdict(text: String, language: String, readability: TextReadability) -> DocumentVerdict {
        if readability == .unreadable { return .withhold(.unreadable) }
        let redaction = firewall.redact(text, language: language)
        return redaction.text == text ? .deliver(text: text) : .withhold(.statusDisclosed)
    }
}
