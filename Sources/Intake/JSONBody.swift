import Firewall
import Foundation

/// Strict decoding of a JSON object request body: UTF-8 first, then JSON, then the allowed keys.
/// Shared by every JSON endpoint so they all refuse the same things the same way.
///
/// The reader is the firewall's strict one (`Firewall.JSONValue`): one UTF-8 JSON value, no
/// duplicate member names, at most 64 levels deep, numbers as RFC 8259 writes them and within a
/// double's range. Values come back as `JSONSerialization` gives
/// them — `String`, `NSNumber`, `[Any]`, `[String: Any]`, `NSNull` — except that `true` and `false`
/// are `Bool`, so they never pass for the numbers 1 and 0. Callers test them with `as?`.
public enum JSONBody {
    public static func object(_ body: [UInt8], allowedKeys: Set<String>) throws(IntakeError) -> [String: Any] {
        guard String(validating: body, as: UTF8.self) != nil else {
            throw IntakeError(.invalidEncoding, "the request body is not valid UTF-8")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(Self.withoutByteOrderMark(body))
        } catch {
            throw IntakeError(.invalidShape, "the request body is not valid JSON (one object, no repeated member names, at most 64 levels deep, numbers within a double's range)")
        }
        guard case let .object(members) = parsed else {
            throw IntakeError(.invalidShape, "the request body must be a JSON object")
        }
        let unknown = Set(members.keys).subtracting(allowedKeys)
        guard unknown.isEmpty else {
            throw IntakeError(.invalidShape, "unexpected member(s); allowed: \(allowedKeys.sorted().joined(separator: ", "))")
        }
        return members.mapValues(Self.plain)
    }

    /// RFC 8259 §8.1 lets a reader ignore a leading byte order mark; some Windows tools send one.
    private static func withoutByteOrderMark(_ body: [UInt8]) -> [UInt8] {
        body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body
    }

    private static func plain(_ value: JSONValue) -> Any {
        switch value {
        case let .object(members): members.mapValues(plain)
        case let .array(items): items.map(plain)
        case let .string(text): text
        case let .number(literal): Int(literal).map { NSNumber(value: $0) } ?? NSNumber(value: Double(literal) ?? .nan)
        case let .bool(flag): flag
        case .null: NSNull()
        }
    }
}
