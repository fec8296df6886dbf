import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few HTTP calls the client makes, over Foundation's URLSession (no extra dependency).
struct HTTPTransport: Sendable {
    let base: URL

    init(base: URL) { self.base = base }

    struct Reply {
        let status: Int
        let body: Data
        var retryAfter: String? = nil
    }

    /// How often a `429 Too Many Requests` is tried again (the daemon's global caps, e.g. on agency
    /// challenges), and the longest wait honoured from its `Retry-After` (Docs/abuse-resistance.md).
    static let maxRetries = 3
    static let maxRetryWaitSeconds = 10

    /// Sends the request; a 429 is sent again up to `maxRetries` times, each after its `Retry-After`
    /// (at most `maxRetryWaitSeconds`). A 429 is given before any work, so sending again is safe.
    func send(_ method: String, _ pathAndQuery: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
        var retries = 0
        while true {
            let reply = try await sendOnce(method, pathAndQuery, body: body, headers: headers)
            guard reply.status == 429, retries < Self.maxRetries else { return reply }
            retries += 1
            try await Task.sleep(for: Self.retryWait(reply.retryAfter))
        }
    }

    /// The wait a `Retry-After` value asks for, in whole seconds, capped; one second when it is
    /// missing or not a number of seconds (an HTTP date is not worth trusting a server's clock for).
    static func retryWait(_ retryAfter: String?) -> Duration {
        let asked = retryAfter.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1
        return .seconds(min(max(asked, 0), maxRetryWaitSeconds))
    }

    private func sendOnce(_ method: String, _ pathAndQuery: String, body: Data?, headers: [String: String]) async throws -> Reply {
        guard let url = URL(string: pathAndQuery, relativeTo: base) else {
            throw ClientError("cannot build a URL from \(base) and \(pathAndQuery)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.httpBody = body
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return Reply(status: http?.statusCode ?? 0, body: data, retryAfter: http?.value(forHTTPHeaderField: "Retry-After"))
        } catch {
            throw ClientError("could not reach the SafeIntake server at \(base.absoluteString) (\(error.localizedDescription))",
                              hint: "check --server and that the daemon is running")
        }
    }
}
