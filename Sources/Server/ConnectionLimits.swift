/// Bounds on what one connection may hold, so slow or idle clients cannot exhaust the daemon.
/// Global, like every limit here: nothing is counted per client address.
public struct ConnectionLimits: Sendable {
    /// Seconds a request has to arrive in full (head and body), counted from the connection opening
    /// or the previous response; also how long an idle keep-alive connection stays open.
    public var requestDeadlineSeconds: Int64 = 30
    /// Open connections at once; beyond it new connections wait in the listen backlog.
    public var maxConnections = 1024
    /// A body that keeps arriving at this rate or faster earns its request more time: one second
    /// per this many bytes (Apache's mod_reqtimeout `MinRate`), so a photo on a slow phone network
    /// arrives whole while a trickle at a byte a second earns nothing worth having.
    public var uploadMinimumBytesPerSecond = 2048
    /// However fast it comes, no request has more than this many seconds in all.
    public var uploadDeadlineCapSeconds: Int64 = 900

    public init(requestDeadlineSeconds: Int64 = 30, maxConnections: Int = 1024,
                uploadMinimumBytesPerSecond: Int = 2048, uploadDeadlineCapSeconds: Int64 = 900) {
        self.requestDeadlineSeconds = requestDeadlineSeconds
        self.maxConnections = maxConnections
        self.uploadMinimumBytesPerSecond = uploadMinimumBytesPerSecond
        self.uploadDeadlineCapSeconds = uploadDeadlineCapSeconds
    }
}
