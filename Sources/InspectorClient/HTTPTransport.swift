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
    }

    func send(_ method: String, _ pathAndQuery: String, body: Data? = nil, headers: [String: String] = [:]) async throws -> Reply {
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
            return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
        } catch {
            throw ClientError("could not reach the SafeIntake server at \(base.absoluteString) (\(error.localizedDescription))",
                              hint: "check --server and that the daemon is running")
        }
    }
}
