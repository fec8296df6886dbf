import HTTPTypes
import Hummingbird
import ReporterGuards

/// Responses of the pages. Security headers (no-store, CSP, no referrer, no framing) are added
/// to every response by the server's middleware; nothing here sets a cookie.
enum HTMLResponse {
    static func page(_ status: HTTPResponse.Status, _ html: HTML) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    /// A status-check answer, padded with an HTML comment to the size every such answer has
    /// (`StatusAnswerPadding.padHTML`), so its length does not tell news from no news or not found.
    static func paddedPage(_ status: HTTPResponse.Status, _ html: HTML) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: StatusAnswerPadding.padHTML(Array(html.rendered.utf8)))))
    }

    /// 503 with `Retry-After`: the daemon is at its cap (or asks bulk filers for a proof of work,
    /// which a page without JavaScript cannot do). The page is the reporter's form again, with her words.
    static func busy(retryAfter seconds: Int, _ html: HTML) -> Response {
        var response = page(.serviceUnavailable, html)
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    static func asset(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
