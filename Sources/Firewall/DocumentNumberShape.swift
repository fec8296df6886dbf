/// Whether a field value looks like an identity or immigration-document number.
///
/// Two strengths, for two kinds of field:
/// - `isDocumentNumber`: a token with the shape of a passport, FIN, NRIC, HKID or Emirates ID
///   number ("G7734102K", "EB7715239", "A123456(3)", "784-1983-5521904-2"). It drops even a field
///   whose name the policy lists (a passport number under "Reference" is still a passport number),
///   and it leaves case numbers, postcodes, wages and hours alone ("LB-2024-0317", "1,900,000원").
/// - `looksLikeIdentifier`: that, or any run of seven digits or more that is not an amount. Used
///   for fields no stem names: a number under a name in a language the stems do not cover is
///   most likely a document, and the firewall stays fail-closed on it. A phone number in such a
///   field goes too: the inspector loses a contact, never the worker her safety.
enum DocumentNumberShape {
    static func isDocumentNumber(_ value: String) -> Bool {
        let folded = value.unicodeScalars.compactMap(ScalarFolding.fold)
        let tokens = folded.split { $0 == " " || $0 == "," || $0 == ";" || $0 == ":" }
        return tokens.contains { isDocumentToken(Array($0)) }
    }

    static func looksLikeIdentifier(_ value: String) -> Bool {
        if isDocumentNumber(value) { return true }
        let folded = value.unicodeScalars.compactMap(ScalarFolding.fold)
        if isAmount(folded) { return false }
        // A number typed in groups: "E 4471 9203", "A215-448-907", "G 5044 719 N".
        let compact = folded.filter { !" -/.()".unicodeScalars.contains($0) }
        if compact.allSatisfy({ ScalarFolding.isDigit($0) || ScalarFolding.isASCIILetter($0) }),
           compact.filter(ScalarFolding.isDigit).count >= 6, compact.filter(ScalarFolding.isASCIILetter).count <= 4 {
            return true
        }
        var run = 0
        for s in folded {
            run = ScalarFolding.isDigit(s) ? run + 1 : 0
            if run >= 7 { return true }
        }
        return false
    }

    /// Letters then six to nine digits then at most one check letter or digit in brackets
    /// ("G7734102K", "P12345678", "A123456(3)"), or the Emirates ID shape (784-YYYY-NNNNNNN-C).
    private static func isDocumentToken(_ t: [Unicode.Scalar]) -> Bool {
        let digitsOnly = t.filter { $0 != "-" }
        if digitsOnly.count == 15, digitsOnly.allSatisfy(ScalarFolding.isDigit),
           String(String.UnicodeScalarView(digitsOnly.prefix(3))) == "784" { return true }
        var i = 0
        while i < t.count, ScalarFolding.isASCIILetter(t[i]) { i += 1 }
        let letters = i
        guard (1...3).contains(letters) else { return false }
        var digits = 0
        while i < t.count, ScalarFolding.isDigit(t[i]) { i += 1; digits += 1 }
        guard (6...9).contains(digits) else { return false }
        let rest = t[i...].filter { $0 != "(" && $0 != ")" }
        return rest.count <= 1 && rest.allSatisfy { ScalarFolding.isASCIILetter($0) || ScalarFolding.isDigit($0) }
    }

    private static func isAmount(_ t: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(t))
        return currencies.contains { text.contains($0) }
    }

    private static let currencies = [
        "$", "usd", "hk", "sgd", "aed", "sar", "qar", "kwd", "kd", "bd", "omr", "jd", "rm", "myr", "rs", "inr", "php",
        "idr", "rp", "eur", "€", "£", "¥", "원", "won", "riyal", "rial", "dirham", "dinar", "peso", "dollar", "ringgit",
        "rupiah", "baht", "ريال", "درهم", "دينار",
    ]
}
