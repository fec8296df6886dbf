import CFuzzerDriver
import Foundation
import AuditLog

/// A signed note as an auditor's tools receive one (`SignedNote(parsing:)`), before any
/// signature is checked.
///
/// Properties, beyond not crashing or hanging: a note that parses is re-encoded to exactly the
/// bytes it came from, and parses again to an equal note, so a note has one reading only.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignedNote(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let note = try? SignedNote(parsing: bytes) else { return 0 }
    precondition(Array(note.encoded.utf8) == bytes, "a note re-encodes to other bytes: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    precondition((try? SignedNote(parsing: note.encoded)) == note, "a re-encoded note parses differently")
    return 0
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzSignedNote($0, $1) })
