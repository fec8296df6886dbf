/// A decoded `application/x-www-form-urlencoded` body, as browsers send every form of these pages.
///
/// Strict where a browser never deviates and a forger might: a bounded number of pairs, each
/// known name at most once, valid percent escapes, UTF-8 text. Names the pages did not ask for
/// are ignored (never forwarded anywhere), so a browser extension that adds a field cannot break
/// a reporter's submission.
struct FormBody: Sendable, Equatable {
    /// Name → value for the names the caller accepts.
    let values: [String: String]
    /// Name → values, in order, for the names the caller accepts more than once (tick boxes).
    let lists: [String: [String]]

    enum Failure: Error, Equatable {
        /// Bad escapes, not UTF-8, too many pairs, a repeated name: not something a browser sends.
        case malformed
    }

    static let maxPairs = 32
    /// Pairs allowed under repeatable names on top of `maxPairs`: one tick box per sentence.
    static let maxRepeatedPairs = 1000

    init(values: [String: String], lists: [String: [String]] = [:]) {
        self.values = values
        self.lists = lists
    }

    /// Decodes `body`, keeping only `accepted` names; each of `repeatable` may come many times.
    init(decoding body: [UInt8], accepted: Set<String>, repeatable: Set<String> = []) throws(Failure) {
        var builder = Builder(accepted: accepted, repeatable: repeatable)
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            try builder.add(name: Self.decode(pair[..<(equals ?? pair.endIndex)])) { () throws(Failure) in
                try equals.map { i throws(Failure) in try Self.decode(pair[(i + 1)...]) } ?? ""
            }
        }
        self = builder.body
    }

    /// The one set of rules for name/value pairs, whatever encoding carried them (urlencoded here,
    /// multipart in `MultipartForm`): at most `maxPairs` (plus `maxRepeatedPairs` under repeatable
    /// names), each accepted name once, other names ignored.
    struct Builder {
        let accepted: Set<String>
        let repeatable: Set<String>
        private var values: [String: String] = [:]
        private var lists: [String: [String]] = [:]
        private var pairs = 0
        private var repeated = 0

        init(accepted: Set<String>, repeatable: Set<String>) {
            self.accepted = accepted
            self.repeatable = repeatable
        }

        /// Counts the pair, then decodes its value (a value that does not decode is refused even
        /// under a name that is ignored).
        mutating func add(name: String, value: () throws(Failure) -> String) throws(Failure) {
            if repeatable.contains(name) { repeated += 1 } else { pairs += 1 }
            guard pairs <= FormBody.maxPairs, repeated <= FormBody.maxRepeatedPairs else { throw .malformed }
            let decoded = try value()
            if repeatable.contains(name) {
                lists[name, default: []].append(decoded)
                return
            }
            guard accepted.contains(name) else { return }
            guard values[name] == nil else { throw .malformed }
            values[name] = decoded
        }

        var body: FormBody { FormBody(values: values, lists: lists) }
    }

    /// Every value sent under a repeatable `name`, in order.
    func all(_ name: String) -> [String] {
        lists[name] ?? []
    }

    subscript(_ name: String) -> String {
        values[name] ?? ""
    }

    /// Percent-decoding with `+` as space, then strict UTF-8. Browsers normalise line breaks in
    /// textareas to CRLF; they are turned back into LF so the text is what the reporter typed.
    static func decode(_ bytes: ArraySlice<UInt8>) throws(Failure) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.endIndex,
                      let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) else { throw .malformed }
                out.append(high << 4 | low)
                i += 2
            } else {
                out.append(b)
            }
            i += 1
        }
        return try text(out)
    }

    /// Strict UTF-8, line breaks as she typed them (a multipart value is raw text, not escaped).
    static func text(_ bytes: some Collection<UInt8>) throws(Failure) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .malformed }
        return text.replacingCRLF()
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    fileprivate func replacingCRLF() -> String {
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR && scalar != "\n" { out.append("\n") }
            previousCR = scalar == "\r"
            if !previousCR { out.append(scalar) }
        }
        if previousCR { out.append("\n") }
        return String(out)
    }
}
