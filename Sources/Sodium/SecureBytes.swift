import CSodium

/// A buffer for secret bytes (keys, token secrets, plaintext we must not leave behind).
///
/// The storage is allocated with libsodium's guarded allocator (`sodium_malloc`: guard pages,
/// locked against swapping where the OS allows) and wiped by `sodium_free` when the last
/// reference goes, so a secret never outlives its owner in freed heap memory. It is a class so that
/// copies share one allocation instead of spreading the secret around (swift-crypto's `SecureBytes`).
///
/// The contents are written only during initialisation, so sharing across threads is safe.
public final class SecureBytes: @unchecked Sendable {
    private let pointer: UnsafeMutableRawPointer?
    /// Number of secret bytes.
    public let count: Int

    /// Allocates `count` bytes and lets `fill` write them. The buffer is wiped if `fill` throws.
    public init<E: Error>(count: Int, fill: (UnsafeMutableRawBufferPointer) throws(E) -> Void) throws(E) {
        Sodium.ready()
        precondition(count >= 0, "SecureBytes count must not be negative")
        self.count = count
        if count == 0 {
            pointer = nil
            return
        }
        guard let p = sodium_malloc(count) else {
            fatalError("sodium_malloc(\(count)) failed: out of memory")
        }
        pointer = p
        try fill(UnsafeMutableRawBufferPointer(start: p, count: count))
    }

    /// `count` fresh random bytes from the operating system's CSPRNG.
    public convenience init(randomCount count: Int) {
        self.init(count: count) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
    }

    /// Copies `bytes` in. The caller should wipe its own copy (see `wipe(_:)`) when it has one.
    public convenience init<C: Collection>(copying bytes: C) where C.Element == UInt8 {
        self.init(count: bytes.count) { (buffer: UnsafeMutableRawBufferPointer) -> Void in
            buffer.copyBytes(from: bytes)
        }
    }

    deinit {
        // sodium_free zeroes the region before releasing it.
        if let pointer { sodium_free(pointer) }
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
