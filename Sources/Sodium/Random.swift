import CSodium

/// The operating system's CSPRNG through libsodium (`randombytes_*`).
public enum Random {
    /// `count` random bytes, for non-secret values such as nonces, salts and identifiers.
    /// For secrets use `SecureBytes(randomCount:)`.
    public static func bytes(_ count: Int) -> [UInt8] {
        Sodium.ready()
        var out = [UInt8](repeating: 0, count: count)
        out.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
        return out
    }

    /// A uniformly distributed integer in `0..<upperBound`, without modulo bias
    /// (`randombytes_uniform`). Used to draw token digits.
    public static func uniform(_ upperBound: UInt32) -> UInt32 {
        Sodium.ready()
        return randombytes_uniform(upperBound)
    }
}
