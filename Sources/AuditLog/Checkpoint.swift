/// A C2SP transparency-log checkpoint (https://c2sp.org/tlog-checkpoint): the note text
///
///     <origin>
///     <tree size in decimal>
///     <base64 root hash>
///     [extension lines]
///
/// which the log signs as a `SignedNote`. Parsing is strict, so one tree head has exactly one text.
public struct Checkpoint: Sendable, Equatable, Hashable {
    /// Identifies the log; it should equal the log key's name.
    public let origin: String
    public let size: UInt64
    public let rootHash: [UInt8]
    /// Optional, opaque, non-empty lines after the root (not recommended by the spec; kept so that
    /// checkpoints from other logs parse).
    public let extensionLines: [String]

    public init(origin: String, size: UInt64, rootHash: [UInt8], extensionLines: [String] = []) throws(AuditLogError) {
        guard !origin.isEmpty, Self.isSingleLine(origin) else {
            throw AuditLogError(.malformedCheckpoint, "the origin must be one non-empty line without control characters")
        }
        guard rootHash.count == MerkleHash.byteCount else {
            throw AuditLogError(.malformedCheckpoint, "the root hash has \(rootHash.count) bytes; SHA-256 hashes have \(MerkleHash.byteCount)")
        }
        for line in extensionLines where line.isEmpty || !Self.isSingleLine(line) {
            throw AuditLogError(.malformedCheckpoint, "extension lines must be single, non-empty lines without control characters")
        }
        self.origin = origin
        self.size = size
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses checkpoint note text (the `text` of a verified `SignedNote`).
    public init(parsing text: String) throws(AuditLogError) {
        guard text.utf8.last == 0x0A else {
            throw AuditLogError(.malformedCheckpoint, "checkpoint text must end with a newline")
        }
        let lines = text.utf8.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard lines.count >= 3 else {
            throw AuditLogError(.malformedCheckpoint, "a checkpoint has at least three lines (origin, size, root hash); this has \(lines.count)")
        }
        guard let size = Self.parseSize(lines[1]) else {
            throw AuditLogError(.malformedCheckpoint, "the tree size \"\(lines[1])\" is not a decimal number without leading zeros")
        }
        guard let root = StrictBase64.decode(lines[2]) else {
            throw AuditLogError(.malformedCheckpoint, "the root hash \"\(lines[2])\" is not canonical base64")
        }
        try self.init(origin: lines[0], size: size, rootHash: root, extensionLines: Array(lines.dropFirst(3)))
    }

    /// The note text to sign.
    public var text: String {
        ([origin, String(size), StrictBase64.encode(rootHash)] + extensionLines).map { $0 + "\n" }.joined()
    }

    /// The ASCII decimal size with no leading zeros (unless it is "0"), within UInt64.
    private static func parseSize(_ text: String) -> UInt64? {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        guard digits.count == 1 || digits[0] != 0x30 else { return nil }
        return UInt64(text)
    }

    private static func isSingleLine(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 }
    }
}
