import HTTPTypes
import Hummingbird

/// Answers a request that names a known path with a method it does not serve with
/// `405 Method Not Allowed` and an `Allow` header (RFC 9110 §15.5.6), and any other unknown
/// request with the API's JSON error shape. Added after every route, so Hummingbird applies it only
/// to requests no route matched.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each served path as segments (a capture matches any one segment), with its methods.
    let routes: [(segments: [Substring], methods: [HTTPRequest.Method])]

    init(routes: [(path: String, method: HTTPRequest.Method)]) {
        var table: [String: [HTTPRequest.Method]] = [:]
        for route in routes { table[route.path, default: []].append(route.method) }
        self.routes = table.sorted { $0.key < $1.key }.map { (Self.segments($0.key), $0.value.sorted { $0.rawValue < $1.rawValue }) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = Self.segments(request.uri.path)
            let allowed = routes.filter { Self.matches($0.segments, path) }.flatMap(\.methods)
            guard !allowed.isEmpty else {
                return JSONResponse.error(.notFound, code: "not_found", message: "there is no such endpoint; see Docs/openapi.yaml")
            }
            var response = JSONResponse.error(.methodNotAllowed, code: "method_not_allowed",
                                              message: "this endpoint answers \(allowed.map(\.rawValue).joined(separator: ", ")) only")
            response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return response
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        pattern.count == path.count && zip(pattern, path).allSatisfy { Self.isCapture($0) || $0 == $1 }
    }

    /// A captured segment, as Hummingbird writes it: `:name` or `{name}`.
    private static func isCapture(_ segment: Substring) -> Bool {
        segment.hasPrefix(":") || (segment.hasPrefix("{") && segment.hasSuffix("}"))
    }
}
