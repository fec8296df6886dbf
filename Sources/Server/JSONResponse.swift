import Foundation
import HTTPTypes
import Hummingbird
import Intake
import ReporterGuards

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

    /// The one answer for a spent, unknown or malformed token: the same bytes whichever it was,
    /// padded to the size of every status answer.
    static let notFoundBytes = StatusAnswerPadding.pad(Array(#"{"error":"not_found"}"#.utf8))
    static func notFound() -> Response { make(.notFound, bytes: notFoundBytes) }

    /// A status answer, padded like the 404 (`StatusAnswerPadding`).
    static func paddedStatusAnswer(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return make(.ok, bytes: StatusAnswerPadding.pad([UInt8](data)))
    }

    /// The one answer for any failed agency authentication.
    static func unauthorized() -> Response { make(.unauthorized, bytes: Array(#"{"error":"unauthorized"}"#.utf8)) }

    static func badRequest(_ error: IntakeError) -> Response {
        make(.badRequest, ["error": error.code.rawValue, "message": error.message])
    }

    static func error(_ status: HTTPResponse.Status, code: String, message: String) -> Response {
        make(status, ["error": code, "message": message])
    }
}

extension JSONResponse {
    /// The header that carries a proof of work (`challenge:nonce`) with a complaint.
    static let proofOfWorkHeader = HTTPField.Name("X-SafeIntake-Proof-Of-Work")!

    /// 429 for a global cap: try again after `seconds`.
    static func rateLimited(retryAfter seconds: Int) -> Response {
        var response = error(.tooManyRequests, code: "rate_limited",
                             message: "the service is busy; please try again in \(seconds) second\(seconds == 1 ? "" : "s")")
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// 503 when the guards' shared state (the database several daemons share) cannot be reached:
    /// the request was refused before any work, so nothing was kept (Docs/abuse-resistance.md).
    static func guardUnavailable(retryAfter seconds: Int) -> Response {
        var response = error(.serviceUnavailable, code: "unavailable",
                             message: "the service cannot take requests right now; nothing was kept, please try again in a minute")
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// 429 while intake runs above its threshold: solve the challenge and send the complaint again
    /// with `X-SafeIntake-Proof-Of-Work: CHALLENGE:NONCE` (Docs/abuse-resistance.md).
    static func proofOfWorkRequired(challenge: String, difficulty: Int) -> Response {
        make(.tooManyRequests, [
            "error": "proof_of_work_required",
            "message": "many complaints are arriving; find a nonce such that SHA-256(challenge \":\" nonce) starts with \(difficulty) zero bits, then send the complaint again with the header X-SafeIntake-Proof-Of-Work: challenge:nonce",
            "challenge": challenge, "difficulty": difficulty,
        ])
    }
}
