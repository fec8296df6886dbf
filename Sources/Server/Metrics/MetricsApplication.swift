import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The metrics listener: `GET /metrics` only, on its own address (loopback by default), so that
/// the reporters' listener never serves anything about the daemon's operation.
public struct MetricsListener: Sendable {
    public let host: String
    public let port: Int
    public let metrics: DaemonMetrics
    /// Read at each scrape (on the caller's worker pool if they block).
    public let gauges: @Sendable () async -> [DaemonMetrics.Gauge]

    public init(host: String, port: Int, metrics: DaemonMetrics, gauges: @escaping @Sendable () async -> [DaemonMetrics.Gauge]) {
        self.host = host
        self.port = port
        self.metrics = metrics
        self.gauges = gauges
    }

    func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("/metrics") { _, _ -> Response in
            let text = metrics.render(gauges: await gauges())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
