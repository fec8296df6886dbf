import Sodium

/// Where the noise samplers get their randomness: uniform integers below a bound, nothing else.
/// The exact samplers (`ExactSampler`) need only this, so their output distribution is exactly the
/// one the paper proves, whatever the bound's size (no floating point, no modulo bias).
///
/// Production uses `SodiumRandomSource`. Tests may pass a seeded source so that a distribution test
/// is reproducible; no seeded source exists outside the test targets.
public protocol RandomSource {
    /// A uniformly distributed integer in `0..<bound`; `bound` > 0.
    mutating func uniform(below bound: UInt128) -> UInt128
}

/// libsodium's CSPRNG through the `Sodium` module: `randombytes_uniform` for bounds that fit 32
/// bits (every bound a release normally draws), else rejection sampling on `randombytes_buf` masked
/// to the bound's bit length (each try succeeds with probability above 1/2; no modulo bias).
public struct SodiumRandomSource: RandomSource, Sendable {
    public init() {}

    public mutating func uniform(below bound: UInt128) -> UInt128 {
        precondition(bound > 0, "uniform(below: 0) has no value to draw")
        if bound <= UInt128(UInt32.max) { return UInt128(Random.uniform(UInt32(bound))) }
        let bits = 128 - (bound - 1).leadingZeroBitCount
        let mask: UInt128 = bits == 128 ? .max : (UInt128(1) << bits) - 1
        while true {
            var value: UInt128 = 0
            for byte in Random.bytes(16) { value = value << 8 | UInt128(byte) }
            value &= mask
            if value < bound { return value }
        }
    }
}
