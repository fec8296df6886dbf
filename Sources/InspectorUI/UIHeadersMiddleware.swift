import HTTPTypes
import Hummingbird

/// Headers on every answer of the UI, refusals and errors included: nothing cached (decrypted
/// cases must not land in the browser's disk cache), no referrer to other origins, no framing, no
/// sniffing, and a
/// content-security policy that allows this origin's stylesheet and images (the case's own
/// attachments, decrypted here) and nothing else — no script at all, no inline style, no
/// third-party resource, forms only to this origin.
struct UIHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    static var referrerPolicy: String { "same-origin" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.errorResponse(error)
        }
        response.headers[.cacheControl] = "no-store"
        // A page with a stricter policy of its own keeps it (the export's print view: inline
        // style, nothing else).
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy }
        // `same-origin`, not `no-referrer`: under `no-referrer` browsers send `Origin: null` with
        // same-origin form posts, which the request guard (rightly) refuses.
        response.headers[.init("Referrer-Policy")!] = Self.referrerPolicy
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        return response
    }

    /// A thrown error as a page (sync, outside the async body: see ../shared notes on SILGen).
    static func errorResponse(_ error: any Error) -> Response {
        if let http = error as? HTTPError {
            return Refusal.response(http.status, http.status == .notFound ? "There is no such page." : http.status.reasonPhrase)
        }
        return Refusal.response(.internalServerError, "Something went wrong inside the inspector UI.")
    }
}

/// An HTML answer.
enum HTMLResponse {
    static func make(_ status: HTTPResponse.Status, _ page: HTML, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    /// Post/redirect/get: back to a page after a form was handled.
    static func redirect(to path: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = path
        return Response(status: .seeOther, headers: fields)
    }
}
