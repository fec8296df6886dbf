/// BCP 47-shaped language tags ("tl", "id", "ne-Latn", "ar-SA"): a 2-3 letter primary subtag and
/// up to a few alphanumeric subtags. The intake only checks the shape; the firewall treats the
/// language as a hint, never as a gate.
public enum LanguageTag {
    public static func isValid(_ tag: String) -> Bool {
        guard tag.utf8.count <= 35 else { return false }
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.unicodeScalars.allSatisfy({ isASCIILetter($0) }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        }
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }
}
