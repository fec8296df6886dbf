import Foundation

/// Strict decoding of a JSON object request body: UTF-8 first, then JSON, then the allowed keys.
/// Shared by every JSON endpoint so they all refuse the same things the same way.
public enum JSONBody {
    public static func object(_ body: [UInt8], allowedKeys: Set<String>) throws(IntakeError) -> [String: Any] {
        guard String(validating: body, as: UTF8.self) != nil else {
            throw IntakeError(.invalidEncoding, "the request body is not valid UTF-8")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(body), options: [])
        } catch {
            throw IntakeError(.invalidShape, "the request body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw IntakeError(.invalidShape, "the request body must be a JSON object")
        }
        let unknown = Set(object.keys).subtracting(allowedKeys)
        guard unknown.isEmpty else {
            throw IntakeError(.invalidShape, "unexpected member(s) \(unknown.sorted().map { "\"\($0)\"" }.joined(separator: ", ")); allowed: \(allowedKeys.sorted().joined(separator: ", "))")
        }
        return object
    }
}
