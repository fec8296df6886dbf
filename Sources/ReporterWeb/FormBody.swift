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
        var values: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var pairs = 0
        var repeated = 0
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = try Self.decode(pair[..<(equals ?? pair.endIndex)])
            if repeatable.contains(name) { repeated += 1 } else { pairs += 1 }
            guard pairs <= Self.maxPairs, repeated <= Self.maxRepeatedPairs else { throw .malformed }
            let value = try equals.map { i throws(Failure) in try Self.decode(pair[(i + 1)...]) } ?? ""
            if repeatable.contains(name) {
                lists[name, default: []].append(value)
                continue
            }
            guard accepted.contains(name) else { continue }
            guard values[name] == nil else { throw .malformed }
            values[name] = value
        }
        self.values = values
        self.lists = lists
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
        guard let text = String(validating: out, as: UTF8.self) else { throw .malformed }
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
