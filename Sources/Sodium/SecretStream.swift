import CSodium

/// libsodium's secretstream (XChaCha20-Poly1305): a long message encrypted as a sequence of
/// authenticated chunks under one key, for attachments of several megabytes (issue 20).
///
/// Why secretstream and not one AEAD call: chunks are authenticated in order and the last carries
/// the `FINAL` tag, so a stream that was truncated, reordered or had chunks spliced from another
/// stream fails to open; and the daemon and an inspector's machine can encrypt and decrypt without
/// one contiguous copy of ciphertext and plaintext side by side. Every chunk carries the same
/// associated data, which binds the stream to its context (case, attachment).
///
/// Layout: `header (24 bytes) || chunk_1 || … || chunk_n`, each chunk `chunkBytes + 17` bytes but
/// the last, which may be shorter; an empty message is one empty `FINAL` chunk.
public enum SecretStream {
    public static let keyBytes = Int(crypto_secretstream_xchacha20poly1305_keybytes())
    public static let headerBytes = Int(crypto_secretstream_xchacha20poly1305_headerbytes())
    /// Per-chunk overhead: one tag byte and a 16-byte MAC.
    public static let chunkOverhead = Int(crypto_secretstream_xchacha20poly1305_abytes())
    /// Plaintext bytes per chunk: 64 KiB keeps each decryption's working set small.
    public static let chunkBytes = 64 * 1024

    private static let tagMessage = UInt8(crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
    private static let tagFinal = UInt8(crypto_secretstream_xchacha20poly1305_TAG_FINAL)

    /// A fresh random key.
    public static func generateKey() -> SecureBytes {
        SecureBytes(randomCount: keyBytes)
    }

    /// Encrypts `plaintext` as a stream under `key`.
    public static func seal(_ plaintext: SecureBytes, associatedData: [UInt8], key: SecureBytes) throws(SodiumError) -> [UInt8] {
        Sodium.ready()
        try checkKey(key)
        let chunkCount = max(1, (plaintext.count + chunkBytes - 1) / chunkBytes)
        var out = [UInt8](repeating: 0, count: headerBytes + plaintext.count + chunkCount * chunkOverhead)
        var state = crypto_secretstream_xchacha20poly1305_state()
        defer { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress!, $0.count) } }
        out.withUnsafeMutableBufferPointer { o in
            key.withUnsafeBytes { k in
                _ = crypto_secretstream_xchacha20poly1305_init_push(&state, o.baseAddress!, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
            }
            plaintext.withUnsafeBytes { p in
                var written = headerBytes
                for index in 0..<chunkCount {
                    let start = index * chunkBytes
                    let length = min(chunkBytes, plaintext.count - start)
                    let tag = index == chunkCount - 1 ? tagFinal : tagMessage
                    var chunkLength: UInt64 = 0
                    let source = p.baseAddress.map { $0.assumingMemoryBound(to: UInt8.self) + start }
                    _ = crypto_secretstream_xchacha20poly1305_push(
                        &state, o.baseAddress! + written, &chunkLength, source, UInt64(length),
                        associatedData, UInt64(associatedData.count), tag)
                    written += Int(chunkLength)
                }
            }
        }
        return out
    }

    /// Decrypts a whole stream; fails if the key or associated data differ, or if any chunk was
    /// altered, reordered, dropped, or the stream does not end with its `FINAL` chunk.
    public static func open(_ sealed: [UInt8], associatedData: [UInt8], key: SecureBytes) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        try checkKey(key)
        let body = sealed.count - headerBytes
        guard body >= chunkOverhead else {
            throw SodiumError(.invalidLength, "a secretstream is at least \(headerBytes + chunkOverhead) bytes, got \(sealed.count)")
        }
        let chunkCount = (body + chunkBytes + chunkOverhead - 1) / (chunkBytes + chunkOverhead)
        let plainCount = body - chunkCount * chunkOverhead
        guard plainCount >= 0 else {
            throw SodiumError(.invalidLength, "the secretstream's last chunk is shorter than its \(chunkOverhead)-byte overhead")
        }
        var state = crypto_secretstream_xchacha20poly1305_state()
        defer { withUnsafeMutableBytes(of: &state) { sodium_memzero($0.baseAddress!, $0.count) } }
        return try SecureBytes(count: plainCount) { (out: UnsafeMutableRawBufferPointer) throws(SodiumError) -> Void in
            let opened = sealed.withUnsafeBufferPointer { s -> Bool in
                let started = key.withUnsafeBytes { k in
                    crypto_secretstream_xchacha20poly1305_init_pull(&state, s.baseAddress!, k.baseAddress!.assumingMemoryBound(to: UInt8.self))
                }
                guard started == 0 else { return false }
                return out.withOutputPointer { o -> Bool in
                    var read = headerBytes
                    var plainWritten = 0
                    for index in 0..<chunkCount {
                        let length = min(chunkBytes + chunkOverhead, sealed.count - read)
                        var tag: UInt8 = 0
                        var chunkLength: UInt64 = 0
                        let rc = crypto_secretstream_xchacha20poly1305_pull(
                            &state, o + plainWritten, &chunkLength, &tag, s.baseAddress! + read, UInt64(length),
                            associatedData, UInt64(associatedData.count))
                        guard rc == 0 else { return false }
                        // Only the last chunk may end the stream, and it must.
                        guard (tag == tagFinal) == (index == chunkCount - 1) else { return false }
                        read += length
                        plainWritten += Int(chunkLength)
                    }
                    return true
                }
            }
            guard opened else {
                out.baseAddress.map { sodium_memzero($0, out.count) }
                throw SodiumError(.authenticationFailed, "the stream does not open with this key and context (wrong key, altered, reordered or truncated)")
            }
        }
    }

    private static func checkKey(_ key: SecureBytes) throws(SodiumError) {
        guard key.count == keyBytes else {
            throw SodiumError(.invalidLength, "a secretstream key is \(keyBytes) bytes, got \(key.count)")
        }
    }
}
