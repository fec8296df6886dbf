import CSodium

/// Entry point to libsodium. Every wrapper in this module calls `Sodium.ready()` before its first
/// libsodium call, so callers never have to remember `sodium_init`.
///
/// This module is the only one in SafeIntake that imports `CSodium`; everything else goes through
/// the small, reviewed types here (the habit of age's `primitives.go`).
public enum Sodium {
    /// `sodium_init` is idempotent and thread-safe; it returns 0 on first success, 1 when already
    /// initialised and -1 when the library cannot be used (no entropy source): then nothing is safe.
    private static let initialised: Bool = sodium_init() >= 0

    /// Makes sure libsodium is initialised; stops the process if it cannot be, because carrying on
    /// would mean generating keys without a working random source.
    @inline(__always)
    public static func ready() {
        precondition(initialised, "libsodium could not be initialised (no secure random source?)")
    }

    /// The libsodium version string, for the operator's start-up log.
    public static var version: String {
        ready()
        return String(cString: sodium_version_string())
    }
}
