import Foundation
import Hummingbird
import Intake

/// Builds the JSON responses of the API. Error bodies have one shape, `{"error": CODE, "message": TEXT}`,
/// and never echo anything the client sent.
enum JSONResponse {
    static func make(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return make(status, bytes: [UInt8](data))
    }

    static func make(_ status: HTTPResponse.Status, bytes: [UInt8]) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The one answer for a spent, unknown or malformed token: the same bytes whichever it was.
    static let notFoundBytes = Array(#"{"error":"not_found"}"#.utf8)
    static func notFound() -> Response { make(.notFound, bytes: notFoundBytes) }

    /// The one answer for any failed agency authentication.
    static func unauthorized() -> Response { make(.unauthorized, bytes: Array(#"{"error":"unauthorized"}"#.utf8)) }

    static func badRequest(_ error: IntakeError) -> Response {
        make(.badRequest, ["error": error.code.rawValue, "message": error.message])
    }

    static func error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        make(status, ["error": code, "message": message])
    }
}
