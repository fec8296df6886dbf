import CFuzzerDriver
import Foundation
import Firewall
import Intake

/// A request body through the complaint parser and the firewall, as `POST /v1/complaints` takes it
/// before any cryptography.
///
/// Properties, beyond not crashing or hanging:
/// - an accepted complaint is within the limits the parser promises;
/// - the firewall only removes: every kept field is one she sent, with its exact value;
/// - the firewall's output passes it again untouched: nothing it lets through would it remove
///   on a second look (for example a disclosure formed by joining the text around a removal).
private let parser = ComplaintParser()
private let firewall = Firewall(policy: .makeDefault())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzComplaint(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let body = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let complaint = try? parser.parse(body) else { return 0 }
    let limits = ComplaintLimits()
    precondition(complaint.fields.count <= limits.maxFields, "the parser accepted \(complaint.fields.count) fields")
    precondition(!complaint.narrative.isEmpty || !complaint.fields.isEmpty, "the parser accepted an empty complaint")

    let screened = firewall.screen(language: complaint.language, fields: complaint.fields, narrative: complaint.narrative)
    for (name, value) in screened.fields {
        precondition(complaint.fields[name] == value, "the firewall kept a field she did not send: \(name.debugDescription)")
    }
    let again = firewall.screen(language: screened.language, fields: screened.fields, narrative: screened.narrative)
    precondition(again.fields == screened.fields, "a second pass dropped fields the first kept: \(screened.fields.keys.sorted())")
    precondition(again.narrative == screened.narrative,
                 "a second pass removed more from \(screened.narrative.debugDescription): \(again.narrative.debugDescription)")
    return 0
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzComplaint($0, $1) })
