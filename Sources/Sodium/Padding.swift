import CSodium

/// ISO/IEC 7816-4 padding (`sodium_pad` / `sodium_unpad`): hides a plaintext's exact length inside
/// its block size before encryption, so ciphertext sizes say little about what a worker wrote.
public enum Padding {
    /// Pads `bytes` to the next multiple of `blockSize` (always adding at least one byte).
    public static func pad(_ bytes: SecureBytes, blockSize: Int) -> SecureBytes {
        Sodium.ready()
        precondition(blockSize > 0, "block size must be positive")
        let paddedCount = (bytes.count / blockSize + 1) * blockSize
        return SecureBytes(count: paddedCount) { (out: UnsafeMutableRawBufferPointer) -> Void in
            bytes.withUnsafeBytes { src in
                if let base = src.baseAddress { out.baseAddress!.copyMemory(from: base, byteCount: src.count) }
            }
            var padded = 0
            _ = sodium_pad(&padded, out.baseAddress!.assumingMemoryBound(to: UInt8.self), bytes.count, blockSize, paddedCount)
        }
    }

    /// Removes the padding; fails when the buffer was not padded with this block size.
    public static func unpad(_ bytes: SecureBytes, blockSize: Int) throws(SodiumError) -> SecureBytes {
        Sodium.ready()
        var unpadded = 0
        let rc = bytes.withUnsafeBytes { b -> Int32 in
            guard let base = b.baseAddress else { return -1 }
            return sodium_unpad(&unpadded, base.assumingMemoryBound(to: UInt8.self), b.count, blockSize)
        }
        guard rc == 0 else { throw SodiumError(.badPadding, "the plaintext's padding is malformed") }
        return SecureBytes(count: unpadded) { (out: UnsafeMutableRawBufferPointer) -> Void in
            bytes.withUnsafeBytes { src in
                if unpadded > 0 { out.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: unpadded) }
            }
        }
    }
}
