import CFuzzerDriver
import EvidenceSandbox
import Firewall
import Foundation
import Intake

/// The Swift code that reads what the evidence sandbox writes back, and the document firewall:
/// `EvidenceType.sniff`, the framed output (`SandboxFrames`), Tesseract's TSV (`TesseractTSV`,
/// `ReadabilityRule`), and the MRZ and label detectors (`DocumentFirewall`).
///
/// Properties, beyond not crashing or hanging:
/// - sniffing reads only the first 12 bytes: more bytes after them never change the answer;
/// - frames parse back to exactly the bytes they came from (nothing skipped, nothing invented);
/// - every word the TSV reader keeps is in the text it builds, and readability is a function of
///   the words alone;
/// - document detection is monotonic: text that shows a document still does with more lines after it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvidence(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))

    let type = EvidenceType.sniff(bytes)
    if bytes.count >= 12 {
        precondition(EvidenceType.sniff(Array(bytes.prefix(12))) == type, "sniff read past byte 12")
        precondition(EvidenceType.sniff(bytes + [0x00, 0xFF]) == type, "sniff depends on later bytes")
    }

    if let frames = SandboxFrames.parse(bytes) {
        var again: [UInt8] = []
        for frame in frames { again += Array("\(frame.name) \(frame.payload.count)\n".utf8) + frame.payload }
        precondition(again == bytes, "frames do not serialise back to their bytes")
    }

    let text = String(decoding: bytes, as: UTF8.self)
    let words = TesseractTSV.words(text)
    let rebuilt = TesseractTSV.text(words)
    for word in words { precondition(rebuilt.contains(word.text), "word \(word.text.debugDescription) lost") }
    precondition(ReadabilityRule.readability(words) == ReadabilityRule.readability(TesseractTSV.words(text)))

    if DocumentFirewall.showsImmigrationDocument(text) {
        precondition(DocumentFirewall.showsImmigrationDocument(text + "\nMadam did not pay salary 3 months\n" + String(text.reversed())),
                     "a document stopped being one with more text after it: \(text.debugDescription)")
    }
    return 0
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzEvidence($0, $1) })
