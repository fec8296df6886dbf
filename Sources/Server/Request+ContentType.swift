import Foundation
import Hummingbird

extension Request {
    /// Whether the declared `Content-Type` can carry the API's UTF-8 JSON: `application/json` or any
    /// `+json` type, no type at all, or `application/x-www-form-urlencoded` — what `curl -d` sends
    /// unless told otherwise, so the README's one-liners keep working; the body must be JSON either
    /// way. A charset other than UTF-8, and every other type (text, multipart, XML...), is refused
    /// before the body is read.
    var declaresJSONCompatibleBody: Bool {
        guard let declared = headers[.contentType] else { return true }
        let parts = declared.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type = parts.first, type == "application/json" || type == "application/x-www-form-urlencoded"
                || (type.hasPrefix("application/") && type.hasSuffix("+json")) else { return false }
        return parts.dropFirst().allSatisfy { parameter in
            guard parameter.hasPrefix("charset=") else { return true }
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return charset == "utf-8" || charset == "utf8"
        }
    }
}

extension JSONResponse {
    static func unsupportedMediaType() -> Response {
        error(.unsupportedMediaType, code: "unsupported_media_type",
              message: "send the body as JSON in UTF-8 (Content-Type: application/json)")
    }
}
