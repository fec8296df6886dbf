extension UnsafeMutableRawBufferPointer {
    /// Calls `body` with a pointer libsodium may write `count` bytes to. An empty buffer has no base
    /// address, but libsodium still wants a valid pointer; give it a one-byte scratch that lives for
    /// the call (a zero-length plaintext is legal in sealed boxes and AEAD).
    func withOutputPointer<R>(_ body: (UnsafeMutablePointer<UInt8>) -> R) -> R {
        if let base = baseAddress {
            return body(base.assumingMemoryBound(to: UInt8.self))
        }
        var scratch: UInt8 = 0
        return withUnsafeMutablePointer(to: &scratch) { body($0) }
    }
}
