import Foundation

/// Writes a POSIX ustar archive (regular files only), the container of a backup and of the
/// auditor's bundle: any `tar` lists and unpacks it, so an auditor can look inside with tools
/// nobody here wrote. Every entry is mode 0600, owner 0, and dated 1970-01-01: an archive records
/// no times, like the rest of the system (no exact times in storage).
struct TarWriter {
    static let blockSize = 512
    private let handle: FileHandle
    let url: URL

    /// Creates `url`, owner-only; refuses to replace an existing file.
    init(creating url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CLIFailure("cannot create \(url.path): \(String(cString: strerror(errno)))", hint: "choose a new file name for --out; an existing file is never replaced")
        }
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        self.url = url
    }

    /// Adds a file with the given contents.
    func add(name: String, data: Data) throws {
        try handle.write(contentsOf: try Self.header(name: name, size: UInt64(data.count)))
        try handle.write(contentsOf: data)
        try pad(UInt64(data.count))
    }

    /// Adds the file at `source`, copied in chunks (a database may be larger than memory).
    func add(name: String, copying source: URL) throws {
        let input = try FileHandle(forReadingFrom: source)
        defer { try? input.close() }
        let size = try input.seekToEnd()
        try input.seek(toOffset: 0)
        try handle.write(contentsOf: try Self.header(name: name, size: size))
        var copied: UInt64 = 0
        while copied < size, let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            try handle.write(contentsOf: chunk.prefix(Int(min(UInt64(chunk.count), size - copied))))
            copied += UInt64(chunk.count)
        }
        guard copied == size else { throw CLIFailure("\(source.path) changed size while it was archived") }
        try pad(size)
    }

    /// Writes the end-of-archive marker (two zero blocks) and makes the file durable.
    func finish() throws {
        try handle.write(contentsOf: Data(count: 2 * Self.blockSize))
        try handle.synchronize()
        try handle.close()
    }

    private func pad(_ size: UInt64) throws {
        let remainder = Int(size % UInt64(Self.blockSize))
        if remainder != 0 { try handle.write(contentsOf: Data(count: Self.blockSize - remainder)) }
    }

    /// A ustar header block. Sizes of 8 GiB and more use the base-256 form GNU tar and Python read.
    static func header(name: String, size: UInt64) throws -> Data {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count < 100 else { throw CLIFailure("archive entry name \(name) is too long") }
        var block = [UInt8](repeating: 0, count: blockSize)
        func put(_ text: String, at offset: Int) { for (i, byte) in text.utf8.enumerated() { block[offset + i] = byte } }
        func octal(_ value: UInt64, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(name, at: 0)
        put(octal(0o600, width: 8), at: 100)   // mode
        put(octal(0, width: 8), at: 108)       // uid
        put(octal(0, width: 8), at: 116)       // gid
        if size < (1 << 33) {
            put(octal(size, width: 12), at: 124)
        } else {
            block[124] = 0x80
            for i in 0..<8 { block[135 - i] = UInt8(truncatingIfNeeded: size >> UInt64(8 * i)) }
        }
        put(octal(0, width: 12), at: 136)      // mtime: none recorded
        put("        ", at: 148)               // checksum counted as spaces
        block[156] = UInt8(ascii: "0")         // regular file
        put("ustar", at: 257)
        put("00", at: 263)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(UInt64(checksum), width: 7), at: 148)  // six digits, NUL, space
        block[154] = 0
        block[155] = UInt8(ascii: " ")
        return Data(block)
    }
}
