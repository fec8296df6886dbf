/// The canonical JSON of an audit entry: one object, keys sorted by their UTF-8 bytes, no
/// whitespace, `/` not escaped — what `JSONSerialization` with `.sortedKeys` and
/// `.withoutEscapingSlashes` writes for the same object, which entries written by earlier versions
/// used and which a test checks against it.
///
/// Written by hand because every complaint appends several entries, and going through
/// `JSONSerialization` and `Any` boxes cost about 6% of intake's CPU.
enum AuditEntryJSON {
    /// The only shapes an entry's values take.
    enum Value: Equatable, ExpressibleByIntegerLiteral {
        case string(String)
        case int(Int)

        init(integerLiteral value: Int) { self = .int(value) }
    }

    static func encode(_ object: [String: Value]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Int(AuditEvent.entryBlockSize))
        writeObject(object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }, into: &out) { value, out in
            switch value {
            case let .string(text): writeString(text, into: &out)
            case let .int(number): out.append(contentsOf: String(number).utf8)
            }
        }
        return out
    }

    private static func writeObject<V>(_ members: [(key: String, value: V)], into out: inout [UInt8],
                                       value writeValue: (V, inout [UInt8]) -> Void) {
        out.append(UInt8(ascii: "{"))
        for (i, member) in members.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            writeString(member.key, into: &out)
            out.append(UInt8(ascii: ":"))
            writeValue(member.value, &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// A JSON string: quote, backslash and control characters escaped, everything else as UTF-8.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
