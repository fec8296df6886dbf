import CSodium

/// Comparisons whose running time does not depend on where the inputs differ, for MACs, token
/// verifiers and anything else an attacker could probe byte by byte.
public enum ConstantTime {
    /// True when both buffers have the same length and the same contents. The length check is not
    /// secret (lengths here are fixed by format); the contents are compared with `sodium_memcmp`.
    public static func equals(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        Sodium.ready()
        guard a.count == b.count else { return false }
        guard a.count > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        return sodium_memcmp(pa, pb, a.count) == 0
    }

    /// Array convenience for `equals(_:_:)`.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in equals(pa, pb) } }
    }
}
