import Foundation

/// Reads the ustar archives `TarWriter` writes (and any tar of regular files): lists the entries,
/// reads small ones into memory and copies large ones out in chunks. Entries are looked up by the
/// names the reader expects; nothing is ever unpacked under a name taken from the archive, so a
/// hostile archive cannot write outside the folder it is restored into.
struct TarReader {
    struct Entry {
        let name: String
        let size: UInt64
        let offset: UInt64
    }

    let url: URL
    let entries: [String: Entry]

    init(url: URL) throws {
        self.url = url
        guard let input = FileHandle(forReadingAtPath: url.path) else {
            throw CLIFailure("cannot read \(url.path)", hint: "check the path")
        }
        defer { try? input.close() }
        var entries: [String: Entry] = [:]
        var offset: UInt64 = 0
        let block = UInt64(TarWriter.blockSize)
        while true {
            try input.seek(toOffset: offset)
            guard let header = try input.read(upToCount: TarWriter.blockSize), header.count == TarWriter.blockSize else {
                throw Self.notArchive(url, "it ends in the middle of an entry")
            }
            let bytes = [UInt8](header)
            if bytes.allSatisfy({ $0 == 0 }) { break }
            guard Self.checksumHolds(bytes) else { throw Self.notArchive(url, "an entry header's checksum does not match") }
            let name = String(decoding: bytes[0..<100].prefix { $0 != 0 }, as: UTF8.self)
            let size = try Self.size(bytes[124..<136], url)
            let type = bytes[156]
            offset += block
            if type == UInt8(ascii: "0") || type == 0 {
                guard entries[name] == nil else { throw Self.notArchive(url, "it holds \(name) twice") }
                entries[name] = Entry(name: name, size: size, offset: offset)
            }
            offset += (size + block - 1) / block * block
        }
        self.entries = entries
    }

    /// The contents of a small entry (a manifest, a key, a note), at most `limit` bytes.
    func data(_ name: String, limit: UInt64 = 16 << 20) throws -> Data? {
        guard let entry = entries[name] else { return nil }
        guard entry.size <= limit else { throw Self.notArchive(url, "its \(name) is larger than expected") }
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        try input.seek(toOffset: entry.offset)
        let data = try input.read(upToCount: Int(entry.size)) ?? Data()
        guard data.count == Int(entry.size) else { throw Self.notArchive(url, "its \(name) is cut short") }
        return data
    }

    /// Copies entry `name` to the new file `target` (created 0600; never replaced).
    func extract(_ name: String, to target: URL) throws {
        guard let entry = entries[name] else { throw Self.notArchive(url, "it has no \(name)") }
        let fd = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CLIFailure("cannot create \(target.path): \(String(cString: strerror(errno)))") }
        let output = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        let input = try FileHandle(forReadingFrom: url)
        defer { try? input.close() }
        try input.seek(toOffset: entry.offset)
        var left = entry.size
        while left > 0 {
            guard let chunk = try input.read(upToCount: Int(min(left, 1 << 20))), !chunk.isEmpty else {
                throw Self.notArchive(url, "its \(name) is cut short")
            }
            try output.write(contentsOf: chunk)
            left -= UInt64(chunk.count)
        }
        try output.synchronize()
        try output.close()
    }

    private static func checksumHolds(_ bytes: [UInt8]) -> Bool {
        let stored = bytes[148..<156].prefix { $0 != 0 && $0 != 0x20 }
        guard let expected = Int(String(decoding: stored, as: UTF8.self).trimmingCharacters(in: .whitespaces), radix: 8) else { return false }
        let sum = bytes.enumerated().reduce(0) { $0 + ((148..<156).contains($1.offset) ? 0x20 : Int($1.element)) }
        return sum == expected
    }

    private static func size(_ field: ArraySlice<UInt8>, _ url: URL) throws -> UInt64 {
        if let first = field.first, first & 0x80 != 0 {
            return field.dropFirst().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
        let digits = String(decoding: field.prefix { $0 != 0 && $0 != 0x20 }, as: UTF8.self)
        guard let size = UInt64(digits.isEmpty ? "0" : digits, radix: 8) else { throw notArchive(url, "an entry's size is not a number") }
        return size
    }

    private static func notArchive(_ url: URL, _ why: String) -> CLIFailure {
        CLIFailure("\(url.path) is not a SafeIntake archive: \(why)", hint: "pass the file `safeintake backup` or `safeintake audit export` wrote, complete")
    }
}
