import CFuzzerDriver
import Firewall
import Foundation

/// The strict JSON reader every request body goes through (`Firewall.JSONValue`).
///
/// Properties, beyond not crashing or hanging:
/// - it is never laxer than Foundation's reader: whatever it accepts, `JSONSerialization` accepts
///   too, so no second reader can see a document where ours saw none;
/// - what it reads, Foundation reads as the same structure (objects with the same member names,
///   arrays of the same length, the same strings, the same literals).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let ours = try? JSONValue.parse(bytes) else { return 0 }
    let theirs: Any
    do {
        theirs = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    } catch {
        fatalError("JSONValue accepted what JSONSerialization refuses (\(error)): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
    if let difference = difference(ours, theirs, at: "$") {
        fatalError("JSONValue and JSONSerialization disagree at \(difference): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
    return 0
}

/// Where the two readings differ, or nil when they agree.
private func difference(_ ours: JSONValue, _ theirs: Any, at path: String) -> String? {
    switch ours {
    case .object(let members):
        guard let object = theirs as? [String: Any], object.count == members.count else { return path + " (object)" }
        for (name, value) in members {
            guard let other = object[name] else { return path + "." + name + " (missing)" }
            if let found = difference(value, other, at: path + "." + name) { return found }
        }
        return nil
    case .array(let elements):
        guard let array = theirs as? [Any], array.count == elements.count else { return path + " (array)" }
        for (index, element) in elements.enumerated() {
            if let found = difference(element, array[index], at: path + "[\(index)]") { return found }
        }
        return nil
    case .string(let text):
        return (theirs as? String) == text ? nil : path + " (string)"
    case .number:
        return theirs is NSNumber ? nil : path + " (number)"
    case .bool(let value):
        return (theirs as? Bool) == value ? nil : path + " (bool)"
    case .null:
        return theirs is NSNull ? nil : path + " (null)"
    }
}

var argumentCount = CommandLine.argc
var argumentValues: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argumentCount, &argumentValues) { fuzzJSON($0, $1) })
