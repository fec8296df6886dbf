/// The Latin transliteration of a normalised word, whose n-grams a `FWLM0003` model adds to the
/// word's own (scripts/train-status-classifier/SPEC.md §4).
///
/// Why: a disclosure the stage learned in one script should be known in another and in Latin
/// letters. "वीज़ा", "ভিসা", "ቪዛ" and a worker's "bhisa" share n-grams once each is also read as
/// "vij'a", "bhisa", "viza"; the corpus holds far fewer native-script and romanised records than
/// English ones, and those were the styles every first look found weakest.
///
/// Per scalar, without context, from a table generated from the anyascii package
/// (`LearnedTransliteration+Table.swift`), for the letters and marks of Greek to Khmer, Ethiopic
/// and Mongolian (U+0370–U+1DFF). Han, kana and Hangul are left out: one syllable's reading is
/// shared by too many characters to say anything. A table, not ICU, so that the trainer in Python
/// and this code compute the same bytes on every machine.
enum LearnedTransliteration {
    /// The transliteration of `norm` (UTF-8 of a normalised token), or nil when no scalar of it
    /// is in the table, or the result is empty or unchanged.
    static func transliterate(utf8 norm: [UInt8]) -> [UInt8]? {
        // Scalars below U+0340 (one byte, or two with a lead byte below 0xCD) are never in the
        // table: Latin words leave here.
        guard norm.contains(where: { $0 >= 0xCD }) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(norm.count)
        var mapped = false
        for scalar in String(decoding: norm, as: UTF8.self).unicodeScalars {
            if let latin = table[scalar.value] {
                out.append(contentsOf: latin)
                mapped = true
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        guard mapped, !out.isEmpty, out != norm else { return nil }
        return out
    }
}
