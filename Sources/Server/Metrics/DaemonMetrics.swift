import Foundation
import Synchronization

/// Counters and latency histograms for operators, rendered in Prometheus' text format on a listener
/// of its own (`serve --metrics-port`, loopback by default; issue 22, item 4).
///
/// What may be a label is decided here, not by a request: the route *pattern* the router matched
/// (`/v1/agency/cases/{id}`, never the id), the method and the status code. Nothing a reporter
/// sent, no address, no user agent, no token, no time finer than the scrape reaches a label or a
/// value; a test files complaints full of markers and scans the output for them.
public final class DaemonMetrics: Sendable {
    /// Latency buckets in seconds: status checks are held to a floor of tens of milliseconds, and
    /// Argon2id and fsync'd commits take tens to hundreds.
    static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Key: Hashable, Comparable {
        let route: String
        let method: String
        let status: Int
        static func < (a: Key, b: Key) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Histogram {
        var counts = [UInt64](repeating: 0, count: DaemonMetrics.buckets.count)
        var sum = 0.0
        var total: UInt64 = 0
    }

    struct State {
        var requests: [Key: UInt64] = [:]
        var latency: [String: Histogram] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one answered request. `route` must be a route pattern of this daemon's own table.
    func record(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[Key(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latency[route] ?? Histogram()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { histogram.counts[index] += 1 }
            histogram.sum += seconds
            histogram.total += 1
            state.latency[route] = histogram
        }
    }

    /// A value read at scrape time (database size, log size, queue depth).
    public struct Gauge: Sendable {
        public let name: String
        public let help: String
        public let value: Double
        public init(name: String, help: String, value: Double) {
            self.name = name
            self.help = help
            self.value = value
        }
    }

    /// The Prometheus text exposition (format 0.0.4) of every counter, histogram and `gauges`.
    public func render(gauges: [Gauge]) -> String {
        let snapshot = state.withLock { $0 }
        var out = ["# HELP safeintake_http_requests_total Requests answered, by route pattern, method and status code.",
                   "# TYPE safeintake_http_requests_total counter"]
        for (key, count) in snapshot.requests.sorted(by: { $0.key < $1.key }) {
            out.append("safeintake_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(key.method)\",code=\"\(key.status)\"} \(count)")
        }
        out += ["# HELP safeintake_http_request_duration_seconds Time to answer, by route pattern (status answers include their hold).",
                "# TYPE safeintake_http_request_duration_seconds histogram"]
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(Self.escape(route))\""
            for (index, bound) in Self.buckets.enumerated() {
                out.append("safeintake_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(histogram.counts[index])")
            }
            out.append("safeintake_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(histogram.total)")
            out.append("safeintake_http_request_duration_seconds_sum{\(label)} \(histogram.sum)")
            out.append("safeintake_http_request_duration_seconds_count{\(label)} \(histogram.total)")
        }
        for gauge in gauges {
            out += ["# HELP \(gauge.name) \(gauge.help)", "# TYPE \(gauge.name) gauge", "\(gauge.name) \(gauge.value)"]
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Route patterns are ours, but a label value is escaped all the same.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
    }
}
