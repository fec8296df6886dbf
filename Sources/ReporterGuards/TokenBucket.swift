/// A token bucket: `capacity` requests at once, refilled at `perSecond`. The global cap on an
/// endpoint, shared by every client alike — nothing here knows or keys on who is asking.
struct TokenBucket: Sendable {
    let capacity: Double
    let perSecond: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    init(perSecond: Double, burst: Double, now: ContinuousClock.Instant) {
        precondition(perSecond > 0 && burst >= 1, "a bucket needs a positive rate and room for one request")
        self.capacity = burst
        self.perSecond = perSecond
        self.tokens = burst
        self.updated = now
    }

    /// Takes one token. Returns nil when granted, else how long until one will be there.
    mutating func take(now: ContinuousClock.Instant) -> Duration? {
        let elapsed = now - updated
        updated = now
        tokens = min(capacity, tokens + elapsed.seconds * perSecond)
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        return .seconds((1 - tokens) / perSecond)
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
