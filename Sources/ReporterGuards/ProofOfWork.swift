import Envelope
import Sodium

/// Hashcash-style proof of work, demanded of complaints only while intake runs above its threshold
/// (Docs/abuse-resistance.md). Stateless to issue: a challenge carries its own difficulty and expiry
/// under a MAC keyed with a per-process secret, so handing out challenges costs no memory; only
/// challenges already used are remembered, until they expire, to make each one single-use.
///
/// ```
/// challenge = B64(version (1) || difficulty (1) || expires (8, big-endian Unix seconds) || id (16) || mac (16))
/// mac       = BLAKE2b-128(key, "safeintake/pow-challenge" || 0x00 || the 26 bytes before it)
/// solution  = challenge ":" nonce      nonce: 1 to 64 of [0-9A-Za-z_-], the solver's choice
/// valid when SHA-256(UTF8(challenge ":" nonce)) starts with `difficulty` zero bits
/// ```
struct ProofOfWork: Sendable {
    static let version: UInt8 = 1
    static let macLabel = Array("safeintake/pow-challenge".utf8) + [0x00]
    static let idBytes = 16
    static let macBytes = 16
    static let bodyBytes = 1 + 1 + 8 + idBytes
    static let maxNonceBytes = 64

    /// A solution that checks out: the challenge's id (to mark it used) and when it expires.
    struct Accepted: Sendable, Equatable {
        let id: [UInt8]
        let expires: UInt64
    }

    /// Why a solution was refused. Each is answered with a fresh challenge.
    enum Rejection: Error, Equatable {
        case malformed, forged, expired, insufficientWork
    }

    private let key: SecureBytes

    init(key: SecureBytes = SecureBytes(randomCount: 32, guarded: true)) {
        self.key = key
    }

    /// A fresh challenge of `difficulty` bits valid until `expires` (Unix seconds).
    func challenge(difficulty: Int, expires: UInt64) -> String {
        precondition((1...64).contains(difficulty), "difficulty is 1 to 64 bits")
        var body = [Self.version, UInt8(difficulty)]
        body += withUnsafeBytes(of: expires.bigEndian, Array.init)
        body += Random.bytes(Self.idBytes)
        return Base64.encode(body + mac(body))
    }

    /// Whether `solution` has the shape of one, `^[A-Za-z0-9+/]{56}:[0-9A-Za-z_-]{1,64}$`,
    /// whatever it proves.
    static func isWellFormed(_ solution: String) -> Bool {
        let parts = solution.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && isNonce(parts[1]) && parts[0].utf8.count == challengeCharacters
            && parts[0].utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") }
    }

    /// 42 bytes in base64, without padding.
    static let challengeCharacters = (bodyBytes + macBytes) / 3 * 4

    /// Checks a `challenge:nonce` solution at time `now` (Unix seconds). Does not mark it used.
    func check(_ solution: String, now: UInt64) -> Result<Accepted, Rejection> {
        let parts = solution.split(separator: ":", omittingEmptySubsequences: false)
        guard Self.isWellFormed(solution), let raw = Base64.decode(String(parts[0])),
              raw.count == Self.bodyBytes + Self.macBytes, raw[0] == Self.version else {
            return .failure(.malformed)
        }
        let body = Array(raw[..<Self.bodyBytes])
        guard ConstantTime.equals(mac(body), Array(raw[Self.bodyBytes...])) else { return .failure(.forged) }
        let expires = body[2..<10].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard now < expires else { return .failure(.expired) }
        guard Self.leadingZeroBits(SHA256.hash(Array(solution.utf8))) >= Int(body[1]) else {
            return .failure(.insufficientWork)
        }
        return .success(Accepted(id: Array(body[10..<Self.bodyBytes]), expires: expires))
    }

    /// Finds a nonce by brute force: what a client does (tests and calibration use it).
    static func solve(_ challenge: String, difficulty: Int) -> String {
        var nonce = 0
        while true {
            let solution = "\(challenge):\(nonce)"
            if leadingZeroBits(SHA256.hash(Array(solution.utf8))) >= difficulty { return solution }
            nonce += 1
        }
    }

    static func leadingZeroBits(_ digest: [UInt8]) -> Int {
        var bits = 0
        for byte in digest {
            guard byte == 0 else { return bits + byte.leadingZeroBitCount }
            bits += 8
        }
        return bits
    }

    private static func isNonce(_ text: Substring) -> Bool {
        (1...maxNonceBytes).contains(text.utf8.count)
            && text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
    }

    private func mac(_ body: [UInt8]) -> [UInt8] {
        let message = Self.macLabel + body
        // The key is 32 bytes, within BLAKE2b's key range, so keyedHash cannot fail here.
        return (try? message.withUnsafeBytes { try GenericHash.keyedHash($0, key: key, length: Self.macBytes) })?.copyBytes() ?? []
    }
}
