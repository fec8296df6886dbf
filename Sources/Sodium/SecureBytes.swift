import CSodium

/// A buffer for secret bytes (keys, token secrets, plaintext we must not leave behind).
///
/// Every buffer is wiped (`sodium_memzero`) when the last reference goes, so a secret never
/// outlives its owner in freed memory. It is a class so that copies share one allocation instead
/// of spreading the secret around (swift-crypto's `SecureBytes`).
///
/// Two placements (Docs/decisions.md, "Guarded memory for long-lived secrets only"):
/// - **guarded** (`guarded: true`): libsodium's `sodium_malloc`, with guard pages around the
///   buffer and locked against swapping. Each allocation costs about seven system calls and, on a
///   multi-core machine, TLB shootdowns on every core; worth it for secrets a process keeps for its
///   whole life — key files, the token pepper, the log signing key, form and challenge keys.
/// - **heap** (the default): ordinary memory, wiped on release. For the dozen secrets each
///   complaint or status check creates and drops within microseconds (case keys, token digits,
///   derived wrap keys, decrypted plaintext), where guard pages were the largest single cost of
///   intake under load (Docs/benchmarks.md).
///   Derived secrets follow their source: a key expanded from a guarded seed is guarded too.
///
/// The contents are written only during initialisation, so sharing across threads is safe.
public final class SecureBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer?
    /// Number of secret bytes.
    public let count: Int
    /// Whether the bytes live in libsodium's guarded, swap-locked allocator.
    public let isGuarded: Bool

    /// Allocates `count` bytes and lets `fill` write them. The buffer is wiped if `fill` throws.
    public init<E: Error>(count: Int, guarded: Bool = false,
                          fill: (UnsafeMutableRawBufferPointer) throws(E) -> Void) throws(E) {
        Sodium.ready()
        precondition(count >= 0, "SecureBytes count must not be negative")
        self.count = count
        self.isGuarded = guarded
        if count == 0 {
            pointer = nil
            return
        }
        if guarded {
            guard let p = sodium_malloc(count) else {
                fatalError("sodium_malloc(\(count)) failed: out of memory")
            }
            pointer = p
        } else {
            pointer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        }
        try fill(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// `count` fresh random bytes from the operating system's CSPRNG.
    public convenience init(randomCount count: Int, guarded: Bool = false) {
        self.init(count: count, guarded: guarded) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
    }

    /// Copies `bytes` in. The caller should wipe its own copy (see `wipe(_:)`) when it has one.
    public convenience init<C: Collection>(copying bytes: C, guarded: Bool = false) where C.Element == UInt8 {
        self.init(count: bytes.count, guarded: guarded) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
            buffer.copyBytes(from: bytes)
        }
    }

    /// The same secret in guarded memory, for a secret about to be kept for the life of the
    /// process (returns `self` when it already is guarded).
    public func guardedCopy() -> SecureBytes {
        if isGuarded { return self }
        return withUnsafeBytes { SecureBytes(copying: $0, guarded: true) }
    }

    deinit {
        guard let pointer else { return }
        if isGuarded {
            // sodium_free zeroes the region before releasing it.
            sodium_free(pointer)
        } else {
            sodium_memzero(pointer, count)
            pointer.deallocate()
        }
    }

    /// Gives read access to the secret for the duration of `body` only.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// A copy of the secret as a plain array. Use only where a format needs it (writing a key file),
    /// and wipe the copy afterwards with `SecureBytes.wipe(_:)`.
    public func copyBytes() -> [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// Constant-time comparison with another secret of any length.
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        other.withUnsafeBytes { otherBytes in
            withUnsafeBytes { ConstantTime.equals($0, otherBytes) }
        }
    }

    /// Overwrites an ordinary array that held secret bytes, with a call the optimiser cannot drop.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { sodium_memzero(base, buffer.count) }
        }
    }
}
