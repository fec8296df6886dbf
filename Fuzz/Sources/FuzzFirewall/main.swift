import CFuzzerDriver
import Firewall
import Foundation

/// Any text, as a narrative, through the firewall's redaction (the complaint fuzzer reaches it
/// only through valid JSON; this one starts from the text itself, so the firewall corpus's
/// narratives make good seeds).
///
/// Properties, beyond not crashing or hanging:
/// - redaction is a fixed point: its output, redacted again, is unchanged and reports nothing;
/// - it only replaces: each piece of the output between markers is text she wrote, in order
///   (as Unicode scalars).
private let firewall = Firewall(policy: .makeDefault())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFirewall(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let first = firewall.redact(text)
    let second = firewall.redact(first.text)
    precondition(second.text == first.text,
                 "redacting twice removed more: \(text.debugDescription) → \(first.text.debugDescription) → \(second.text.debugDescription)")
    // Split and compared as Unicode scalars: a removal may start inside a grapheme cluster (a space
    // before a combining mark), and the marker's last bracket may join a following Thai vowel sign
    // into one cluster, which a split or search by Characters would not see.
    var rest = Array(text.unicodeScalars)[...]
    for piece in Array(first.text.unicodeScalars).split(separator: Array(Firewall.marker.unicodeScalars)) where !piece.isEmpty {
        guard let found = rest.firstRange(of: piece) else {
            preconditionFailure("the redacted text \(first.text.debugDescription) has \(String(String.UnicodeScalarView(piece)).debugDescription), which is not in order in \(text.debugDescription)")
        }
        rest = rest[found.upperBound...]
    }
    return 0
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzFirewall($0, $1) })
