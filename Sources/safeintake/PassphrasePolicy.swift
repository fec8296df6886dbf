import Sodium

/// What `keys generate` accepts as the passphrase of a new private key (security review 2026-12,
/// I8: a one-character passphrase was accepted). The key file's Argon2id (3 passes, 256 MiB) makes
/// each guess cost about a second, which protects a long passphrase and not a short one: length is
/// what counts (NIST SP 800-63B), so the rule is at least 12 characters, at least 6 of them
/// different ("aaaaaaaaaaaa" and "abcabcabcabc" are long only on paper). Counted as Unicode
/// scalars, so a passphrase in any script is measured alike; a few words in the holder's own
/// language pass easily. Existing key files are opened whatever their passphrase.
enum PassphrasePolicy {
    static let minimumCharacters = 12
    static let minimumDistinct = 6

    /// Nil when acceptable, else what to tell the holder. Reads the bytes in place; builds no
    /// String copy of the passphrase.
    static func problem(with passphrase: SecureBytes) -> String? {
        let (count, distinct) = passphrase.withUnsafeBytes { bytes -> (Int, Int) in
            var scalars = 0
            var seen = Set<UInt32>()
            var current: UInt32 = 0
            var remaining = 0
            for byte in bytes {
                switch byte {
                case 0x00..<0x80: current = UInt32(byte); remaining = 0
                case 0xC0..<0xE0: current = UInt32(byte & 0x1F); remaining = 1
                case 0xE0..<0xF0: current = UInt32(byte & 0x0F); remaining = 2
                case 0xF0...0xFF: current = UInt32(byte & 0x07); remaining = 3
                default:  // a continuation byte
                    current = current << 6 | UInt32(byte & 0x3F)
                    remaining -= 1
                    if remaining > 0 { continue }
                }
                if remaining == 0 {
                    scalars += 1
                    seen.insert(current)
                }
            }
            return (scalars, seen.count)
        }
        if count < minimumCharacters {
            return "the passphrase has \(count) character\(count == 1 ? "" : "s"); a new key needs at least \(minimumCharacters)"
        }
        if distinct < minimumDistinct {
            return "the passphrase repeats too few characters (\(distinct) different); a new key needs at least \(minimumDistinct) different ones"
        }
        return nil
    }
}
