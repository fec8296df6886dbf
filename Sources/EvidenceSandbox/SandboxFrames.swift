/// The sandbox's output format: frames, each an ASCII header line `NAME LENGTH\n` (NAME 1–8 upper
/// case letters, LENGTH 1–10 decimal digits without leading zeros) followed by exactly LENGTH bytes. The sandbox script
/// (`SandboxScript`) writes, in order: for each page an `IMAGE` (clean JPEG or PNG bytes) and a
/// `SIZE` (`width height bands`); one or two `TSV` (Tesseract's TSV: upright, then turned); and `DONE` (empty). On a refusal it
/// writes one `FAIL` frame whose payload is `malformed`, `too_large`, `exhausted` or
/// `unavailable:<what>`, and stops.
///
/// The parser trusts nothing: the bytes come from a process that decoded attacker input.
public struct SandboxFrame: Sendable, Equatable {
    public var name: String
    public var payload: [UInt8]
}

public enum SandboxFrames {
    /// The frames of `bytes`, or nil when anything is out of shape (a bad header, a length past the
    /// end, more than `maxFrames`).
    public static func parse(_ bytes: [UInt8], maxFrames: Int = 256) -> [SandboxFrame]? {
        var frames: [SandboxFrame] = []
        var i = 0
        while i < bytes.count {
            guard frames.count < maxFrames else { return nil }
            var name: [UInt8] = []
            while i < bytes.count, (0x41...0x5A).contains(bytes[i]), name.count < 8 {
                name.append(bytes[i]); i += 1
            }
            guard !name.isEmpty, i < bytes.count, bytes[i] == 0x20 else { return nil }
            i += 1
            var length = 0, digits = 0
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) {
                guard digits < 10 else { return nil }
                length = length * 10 + Int(bytes[i] - 0x30); digits += 1; i += 1
            }
            guard digits > 0, i < bytes.count, bytes[i] == 0x0A else { return nil }
            guard digits == 1 || bytes[i - digits] != 0x30 else { return nil }   // no leading zeros: one spelling per length
            i += 1
            guard length <= bytes.count - i else { return nil }
            frames.append(SandboxFrame(name: String(decoding: name, as: UTF8.self), payload: Array(bytes[i..<i + length])))
            i += length
        }
        return frames
    }
}
