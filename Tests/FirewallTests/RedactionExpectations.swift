import Firewall
import Testing

/// `text` comes out of the firewall without `disclosure` and with `labour` (empty: nothing to keep),
/// shown with the output when it does not.
func expectRedaction(by firewall: Firewall, of text: String, removes disclosure: String, keeps labour: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    let out = firewall.redact(text).text
    #expect(!out.contains(disclosure), "\(out)", sourceLocation: sourceLocation)
    #expect(labour.isEmpty || out.contains(labour), "\(out)", sourceLocation: sourceLocation)
}
