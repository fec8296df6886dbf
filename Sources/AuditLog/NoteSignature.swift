/// One signature line of a signed note: `— NAME BASE64(KEYID || SIGNATURE)`.
public struct NoteSignature: Sendable, Equatable, Hashable {
    /// U+2014 EM DASH then a space: how every signature line begins.
    static let linePrefix = "\u{2014} "

    public let keyName: String
    public let keyID: UInt32
    /// The signature bytes after the key ID (64 for Ed25519).
    public let signature: [UInt8]

    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// Parses one line without its newline.
    init(parsingLine line: Substring) throws(AuditLogError) {
        guard line.hasPrefix(Self.linePrefix) else {
            throw AuditLogError(.malformedNote, "a signature line must start with an em dash and a space")
        }
        let rest = line.dropFirst(Self.linePrefix.count)
        let parts = rest.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw AuditLogError(.malformedNote, "a signature line must be \"— NAME SIGNATURE\"")
        }
        let name = String(parts[0])
        try NoteKeyName.require(name, .malformedNote)
        guard let bytes = StrictBase64.decode(parts[1]), bytes.count > 4 else {
            throw AuditLogError(.malformedNote, "the signature by \(name) is not canonical base64 of a key ID and a signature")
        }
        keyName = name
        keyID = bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        signature = Array(bytes.dropFirst(4))
    }

    /// The line as it appears in the note, without its newline.
    public var line: String {
        let id = (0..<4).map { UInt8(truncatingIfNeeded: keyID >> UInt32(24 - 8 * $0)) }
        return "\(Self.linePrefix)\(keyName) \(StrictBase64.encode(id + signature))"
    }

    /// Whether this signature claims to be by `key`: the same key ID and byte-for-byte the same name
    /// (Swift's `==` on strings would also match canonically equivalent spellings).
    public func isClaimed(by key: NoteVerifierKey) -> Bool {
        keyID == key.keyID && keyName.utf8.elementsEqual(key.name.utf8)
    }
}
