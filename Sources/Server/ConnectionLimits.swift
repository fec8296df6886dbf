/// Bounds on what one connection may hold, so slow or idle clients cannot exhaust the daemon.
/// Global, like every limit here: nothing is counted per client address.
public struct ConnectionLimits: Sendable {
    /// Seconds a request has to arrive in full (head and body), counted from the connection opening
    /// or the previous response; also how long an idle keep-alive connection stays open.
    public var requestDeadlineSeconds: Int64 = 30
    /// Open connections at once; beyond it new connections wait in the listen backlog.
    public var maxConnections = 1024

    public init(requestDeadlineSeconds: Int64 = 30, maxConnections: Int = 1024) {
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.maxConnections = maxConnections
    }
}
