/// Finds an ICAO 9303 machine-readable zone in OCR text: the two or three lines of `A–Z 0–9 <`
/// at the foot of a passport data page (TD3, 2 × 44), a visa sticker (MRV-A 2 × 44, MRV-B 2 × 36),
/// an ID or residence card (TD1 3 × 30, TD2 2 × 36).
///
/// OCR reads an MRZ imperfectly: it puts spaces between groups, reads the filler `<` as `«`, `‹`
/// or `K`, and drops or adds a character. A line is therefore normalised first (spaces dropped,
/// look-alikes of `<` mapped to it, a run of three or more `<`/`K` read as fillers), then any one
/// of these is enough:
///
/// 1. a second line whose ICAO check digits (weights 7, 3, 1) hold for at least two of document
///    number, birth date and expiry date (TD3, TD2, MRV), or for both dates (TD1);
/// 2. a first line shaped like one: a document code (`P`, `V`, `I`, `A`, `C`), a second code
///    character, a three-letter state, and the `<<` between surname and given names;
/// 3. two consecutive MRZ-shaped lines (28 to 46 characters of the MRZ alphabet) holding at least
///    eight fillers between them.
///
/// Pure: no I/O. Built for recall on documents and silence on prose: ordinary text has spaces,
/// punctuation and lower case, so no line of it survives normalisation as MRZ-shaped.
public enum MachineReadableZone {
    /// True when `text` holds a machine-readable zone by any of the three rules.
    public static func isPresent(in text: String) -> Bool {
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).map { normalise(Substring($0)) }
        var previousShaped: [UInt8]? = nil
        for line in lines {
            if confirmedByCheckDigits(line) || isFirstLine(line) { return true }
            if isShaped(line) {
                if let previous = previousShaped, fillers(previous) + fillers(line) >= 8 { return true }
                previousShaped = line
            } else {
                previousShaped = nil
            }
        }
        return false
    }

    /// A line as ASCII bytes of the MRZ alphabet: upper case, no spaces, `«‹≪〈(` read as `<`, any
    /// other character kept as `?`, and runs of three or more `<`/`K` read as fillers.
    static func normalise(_ line: Substring) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.unicodeScalars.count)
        for s in line.unicodeScalars {
            switch s.value {
            case 0x20, 0x09, 0xA0, 0x2000...0x200B: continue
            case 0x41...0x5A, 0x30...0x39, 0x3C: out.append(UInt8(s.value))
            case 0x61...0x7A: out.append(UInt8(s.value - 0x20))
            case 0xAB, 0x2039, 0x226A, 0x2329, 0x3008, 0x28, 0x2264: out.append(0x3C)
            default: out.append(0x3F)
            }
        }
        var i = 0
        while i < out.count {
            guard out[i] == 0x3C || out[i] == 0x4B else { i += 1; continue }
            var j = i
            while j < out.count && (out[j] == 0x3C || out[j] == 0x4B) { j += 1 }
            if j - i >= 3 { for k in i..<j { out[k] = 0x3C } }
            i = j
        }
        return out
    }

    /// 28 to 46 characters, at most two of them outside the MRZ alphabet, at least one filler.
    static func isShaped(_ line: [UInt8]) -> Bool {
        guard (28...46).contains(line.count) else { return false }
        return line.filter { $0 == 0x3F }.count <= 2 && fillers(line) >= 1
    }

    static func fillers(_ line: [UInt8]) -> Int { line.filter { $0 == 0x3C }.count }

    /// Rule 2: `P<UTOERIKSSON<<ANNA<MARIA…`, `V<UTO…`, `I<UTO…`, `AC…`.
    static func isFirstLine(_ line: [UInt8]) -> Bool {
        guard isShaped(line), line.count >= 30 else { return false }
        guard [0x50, 0x56, 0x49, 0x41, 0x43].contains(line[0]), isAlphaOrFiller(line[1]) else { return false }
        guard line[2..<5].allSatisfy(isAlphaOrFiller) else { return false }
        let rest = Array(line[5...])
        let hasNameSeparator = zip(rest, rest.dropFirst()).contains { $0 == 0x3C && $1 == 0x3C }
        return hasNameSeparator && fillers(line) >= 3
    }

    /// Rule 1: the check digits of a second line (TD3, TD2, MRV) or of a TD1 second line.
    static func confirmedByCheckDigits(_ line: [UInt8]) -> Bool {
        guard line.count >= 28, line.filter({ $0 == 0x3F }).count <= 2 else { return false }
        // TD3 / TD2 / MRV line 2: number 0..<9, check 9, state 10..<13, birth 13..<19, check 19,
        // sex 20, expiry 21..<27, check 27.
        let number = Array(line[0..<9]), birth = numeric(line[13..<19]), expiry = numeric(line[21..<27])
        if let birth, let expiry, [0x4D, 0x46, 0x3C, 0x58].contains(line[20]) {
            var valid = 0
            if checkDigit(number) == digit(line[9]) { valid += 1 }
            if checkDigit(birth) == digit(line[19]) { valid += 1 }
            if checkDigit(expiry) == digit(line[27]) { valid += 1 }
            if valid >= 2 { return true }
        }
        // TD1 line 2: birth 0..<6, check 6, sex 7, expiry 8..<14, check 14, state 15..<18.
        if line.count <= 34, let birth = numeric(line[0..<6]), let expiry = numeric(line[8..<14]),
           [0x4D, 0x46, 0x3C, 0x58].contains(line[7]), line[15..<18].allSatisfy(isAlphaOrFiller),
           checkDigit(birth) == digit(line[6]), checkDigit(expiry) == digit(line[14]) {
            return true
        }
        return false
    }

    /// The ICAO 9303 check digit: digits as themselves, `A`–`Z` as 10–35, `<` as 0, weighted
    /// 7, 3, 1 repeating, modulo 10. Nil when a character is outside the alphabet.
    public static func checkDigit(_ field: [UInt8]) -> Int? {
        let weights = [7, 3, 1]
        var sum = 0
        for (i, c) in field.enumerated() {
            let value: Int
            switch c {
            case 0x30...0x39: value = Int(c - 0x30)
            case 0x41...0x5A: value = Int(c - 0x41) + 10
            case 0x3C: value = 0
            default: return nil
            }
            sum += value * weights[i % 3]
        }
        return sum % 10
    }

    /// A date or check field read back as digits, with the letters OCR confuses for digits in a
    /// numeric position (`O`→0, `I`→1, `Z`→2, `S`→5, `G`→6, `B`→8); nil when any other remains.
    static func numeric(_ field: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        for c in field {
            guard let d = digitByte(c) else { return nil }
            out.append(d)
        }
        return out
    }

    private static func digitByte(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c
        case 0x4F, 0x51, 0x44: return 0x30   // O Q D
        case 0x49, 0x4C: return 0x31         // I L
        case 0x5A: return 0x32               // Z
        case 0x53: return 0x35               // S
        case 0x47: return 0x36               // G
        case 0x42: return 0x38               // B
        default: return nil
        }
    }

    private static func digit(_ c: UInt8) -> Int? { digitByte(c).map { Int($0 - 0x30) } }

    private static func isAlphaOrFiller(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || c == 0x3C }
}
