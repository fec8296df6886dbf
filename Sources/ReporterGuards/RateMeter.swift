/// An estimate of events per `window` (a sliding window approximated from two fixed ones, as
/// `previous × share of it still inside the window + current`). Constant memory, whatever the rate.
struct RateMeter: Sendable {
    let window: Duration
    private var currentStart: ContinuousClock.Instant
    private var current = 0.0
    private var previous = 0.0

    init(window: Duration, now: ContinuousClock.Instant) {
        self.window = window
        self.currentStart = now
    }

    mutating func record(now: ContinuousClock.Instant) {
        roll(now)
        current += 1
    }

    mutating func rate(now: ContinuousClock.Instant) -> Double {
        roll(now)
        let intoCurrent = (now - currentStart).seconds / window.seconds
        return previous * max(0, 1 - intoCurrent) + current
    }

    private mutating func roll(_ now: ContinuousClock.Instant) {
        let elapsed = now - currentStart
        guard elapsed >= window else { return }
        previous = elapsed >= window * 2 ? 0 : current
        current = 0
        currentStart = elapsed >= window * 2 ? now : currentStart + window
    }
}
