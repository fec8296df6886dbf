import Statistics

/// A reproducible `RandomSource` for distribution tests only (SplitMix64, Steele, Lea and Flood 2014),
/// with the same masked rejection the production source uses above 32 bits. Never used outside tests.
struct SeededRandomSource: RandomSource {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func uniform(below bound: UInt128) -> UInt128 {
        let bits = 128 - (bound - 1).leadingZeroBitCount
        let mask: UInt128 = bits == 128 ? .max : (UInt128(1) << bits) - 1
        while true {
            let value = (UInt128(next()) << 64 | UInt128(next())) & mask
            if value < bound { return value }
        }
    }
}
