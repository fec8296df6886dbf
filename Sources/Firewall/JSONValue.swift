/// A minimal, strict JSON reader for the policy document (RFC 8259: one value, no trailing
/// commas, no comments, UTF-8). Written here rather than using Foundation so that the module
/// stays free of platform differences in how a policy is read: the same bytes must mean the same
/// policy everywhere, since their hash is what gets published.
///
/// Also the reader of every request body (Intake's `JSONBody`): it refuses duplicate member names
/// (compared as Swift compares strings, so canonically equivalent spellings count as one) and
/// nesting deeper than 64, so no two readers can disagree about what a complaint said.
public enum JSONValue: Equatable, Sendable {
    case object([String: JSONValue])
    case array([JSONValue])
    case string(String)
    /// The number's literal text: the policy only needs integers, and keeping the text avoids
    /// floating-point rounding of what was written.
    case number(String)
    case bool(Bool)
    case null

    public struct ParseError: Error {
        /// Where and why; may quote a member name, so never send it back to a client.
        public let reason: String
    }

    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> JSONValue {
        var p = Parser(bytes: bytes)
        p.skipSpace()
        let v = try p.value(depth: 0)
        p.skipSpace()
        guard p.i == bytes.count else { throw ParseError(reason: "trailing data at byte \(p.i)") }
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        func fail(_ what: String) -> ParseError { ParseError(reason: "\(what) at byte \(i)") }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard depth < 64 else { throw fail("nesting too deep") }
            guard i < bytes.count else { throw fail("unexpected end") }
            switch bytes[i] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: String) throws(ParseError) {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { throw fail("bad literal") }
            i += w.count
        }

        mutating func object(depth: Int) throws(ParseError) -> JSONValue {
            i += 1
            var out: [String: JSONValue] = [:]
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected key") }
                let key = try string()
                guard out[key] == nil else { throw fail("duplicate key \"\(key)\"") }
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                skipSpace()
                out[key] = try value(depth: depth + 1)
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(out) }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws(ParseError) -> JSONValue {
            i += 1
            var out: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
            while true {
                skipSpace()
                out.append(try value(depth: depth + 1))
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(out) }
                throw fail("expected ',' or ']'")
            }
        }

        mutating func string() throws(ParseError) -> String {
            i += 1
            var raw: [UInt8] = []
            while true {
                guard i < bytes.count else { throw fail("unterminated string") }
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; break }
                if b < 0x20 { throw fail("control character in string") }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { throw fail("bad escape") }
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "\""): raw.append(0x22)
                    case UInt8(ascii: "\\"): raw.append(0x5C)
                    case UInt8(ascii: "/"): raw.append(0x2F)
                    case UInt8(ascii: "b"): raw.append(0x08)
                    case UInt8(ascii: "f"): raw.append(0x0C)
                    case UInt8(ascii: "n"): raw.append(0x0A)
                    case UInt8(ascii: "r"): raw.append(0x0D)
                    case UInt8(ascii: "t"): raw.append(0x09)
                    case UInt8(ascii: "u"):
                        var code = try hex4()
                        if (0xD800...0xDBFF).contains(code) {
                            guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                                throw fail("lone surrogate")
                            }
                            i += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw fail("bad surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let s = Unicode.Scalar(code) else { throw fail("bad code point") }
                        raw.append(contentsOf: Array(String(Character(s)).utf8))
                    default: throw fail("bad escape")
                    }
                    continue
                }
                raw.append(b)
                i += 1
            }
            guard let s = String(validating: raw, as: UTF8.self) else { throw fail("invalid UTF-8") }
            return s
        }

        mutating func hex4() throws(ParseError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw fail("bad \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[i]
                i += 1
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw fail("bad \\u escape")
                }
                v = v * 16 + d
            }
            return v
        }

        /// RFC 8259 §6 exactly: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`. No `+1`,
        /// `01`, `.5` or `1.`, which looser readers take in different ways, and nothing beyond a
        /// double's range.
        mutating func number() throws(ParseError) -> String {
            let start = i
            if peek(UInt8(ascii: "-")) { i += 1 }
            if peek(UInt8(ascii: "0")) {
                i += 1
            } else {
                guard i < bytes.count, (0x31...0x39).contains(bytes[i]) else { throw fail("bad value") }
                skipDigits()
            }
            if peek(UInt8(ascii: ".")) {
                i += 1
                guard skipDigits() > 0 else { throw fail("a fraction needs digits") }
            }
            if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
                i += 1
                if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
                guard skipDigits() > 0 else { throw fail("an exponent needs digits") }
            }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            // RFC 8259 lets a reader bound its numbers; readers that hold them as doubles refuse
            // what overflows one (the fuzzer found 7e0370 refused by Foundation), so this one does too.
            guard let value = Double(text), value.isFinite else { throw fail("number out of range") }
            return text
        }

        func peek(_ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }

        /// Skips ASCII digits; returns how many.
        @discardableResult
        mutating func skipDigits() -> Int {
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            return i - start
        }
    }
}
