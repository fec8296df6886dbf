import Synchronization

/// Remembers, in memory only, which complaint forms were already sent, so that pressing reload
/// on the token page (which makes a browser send the form again) cannot file the same complaint
/// twice. Entries leave when their form token expires; nothing here ever reaches disk.
///
/// Bounded: past `capacity` nonces the oldest hour is forgotten, so a flood cannot grow memory.
/// A form older than that could then be sent twice, which costs an inspector a duplicate, not
/// a reporter her safety.
final class NonceLedger: Sendable {
    private struct State {
        var byExpiry: [UInt32: Set<[UInt8]>] = [:]
        var count = 0
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    /// Records `nonce` (valid until `expiry`) and returns true, or returns false if it was
    /// already recorded. `currentHour` drops the nonces of forms that can no longer be sent.
    func claim(_ nonce: [UInt8], expiry: UInt32, currentHour: UInt32) -> Bool {
        state.withLock { state in
            for hour in state.byExpiry.keys where hour < currentHour {
                state.count -= state.byExpiry.removeValue(forKey: hour)?.count ?? 0
            }
            if state.byExpiry.values.contains(where: { $0.contains(nonce) }) { return false }
            while state.count >= capacity, let oldest = state.byExpiry.keys.min() {
                state.count -= state.byExpiry.removeValue(forKey: oldest)?.count ?? 0
            }
            state.byExpiry[expiry, default: []].insert(nonce)
            state.count += 1
            return true
        }
    }

    /// Gives a nonce back when its complaint could not be stored, so the reporter can retry.
    func release(_ nonce: [UInt8], expiry: UInt32) {
        state.withLock { state in
            if state.byExpiry[expiry]?.remove(nonce) != nil { state.count -= 1 }
        }
    }
}
