import Hummingbird

/// Responses of the pages. Security headers (no-store, CSP, no referrer, no framing) are added
/// to every response by the server's middleware; nothing here sets a cookie.
enum HTMLResponse {
    static func page(_ status: HTTPResponse.Status, _ html: HTML) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: html.rendered)))
    }

    static func asset(_ bytes: [UInt8], contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
