import Hummingbird

/// `GET /`: answers 200 once the daemon is ready (the contract's readiness check). A neutral page
/// that says nothing about what the service is beyond its own words; the full reporter interface
/// replaces it (issue 6).
enum HomePage {
    static let html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Help desk</title></head>
        <body><main><h1>Help desk</h1><p>This service is running.</p></main></body></html>
        """

    static func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        }
    }
}
