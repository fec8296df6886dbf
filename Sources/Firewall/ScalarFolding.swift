/// Folds one Unicode scalar to the form the lexicons are written in, so that one lexicon entry
/// matches every way a worker may type the same word.
///
/// - case: ASCII and Latin letters lower-cased ("VISA" = "visa");
/// - Latin diacritics dropped ("situación" = "situacion", "lương" = "luong", "séjour" = "sejour");
/// - non-Latin digits mapped to ASCII (Arabic-Indic, Devanagari, Bengali, Tamil, Thai, Khmer,
///   Burmese…), so
///   "٢٤٥٠" and "2450" are the same document number;
/// - Arabic: hamza forms of alef to bare alef, alef maqsura to ya, ta marbuta to ha, harakat and
///   tatweel dropped; Indic nukta dropped ("वीज़ा" = "वीजा").
///
/// Returns `nil` for scalars that carry no matching information (combining accents, harakat).
/// Built from tables, not from Foundation, because it runs once per input scalar on the hot path.
enum ScalarFolding {
    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 0x20) }
            return s
        }
        switch v {
        case 0x0300...0x036F: return nil                      // combining diacritical marks
        case 0x00C0...0x024F, 0x1E00...0x1EFF: return Unicode.Scalar(latinBase(v))
        case 0x0370...0x03FF, 0x0400...0x04FF: return lowerGeneric(s)
        case 0x0660...0x0669: return Unicode.Scalar(v - 0x0660 + 0x30)
        case 0x06F0...0x06F9: return Unicode.Scalar(v - 0x06F0 + 0x30)
        case 0x0966...0x096F: return Unicode.Scalar(v - 0x0966 + 0x30)
        case 0x09E6...0x09EF: return Unicode.Scalar(v - 0x09E6 + 0x30)
        case 0x0DE6...0x0DEF: return Unicode.Scalar(v - 0x0DE6 + 0x30)
        case 0x0E50...0x0E59: return Unicode.Scalar(v - 0x0E50 + 0x30)
        case 0x1040...0x1049: return Unicode.Scalar(v - 0x1040 + 0x30)
        case 0x0A66...0x0A6F: return Unicode.Scalar(v - 0x0A66 + 0x30)   // Gurmukhi
        case 0x0AE6...0x0AEF: return Unicode.Scalar(v - 0x0AE6 + 0x30)   // Gujarati
        case 0x0B66...0x0B6F: return Unicode.Scalar(v - 0x0B66 + 0x30)   // Oriya
        case 0x0BE6...0x0BEF: return Unicode.Scalar(v - 0x0BE6 + 0x30)   // Tamil
        case 0x0C66...0x0C6F: return Unicode.Scalar(v - 0x0C66 + 0x30)   // Telugu
        case 0x0CE6...0x0CEF: return Unicode.Scalar(v - 0x0CE6 + 0x30)   // Kannada
        case 0x0D66...0x0D6F: return Unicode.Scalar(v - 0x0D66 + 0x30)   // Malayalam
        case 0x0ED0...0x0ED9: return Unicode.Scalar(v - 0x0ED0 + 0x30)   // Lao
        case 0x0F20...0x0F29: return Unicode.Scalar(v - 0x0F20 + 0x30)   // Tibetan
        case 0x17E0...0x17E9: return Unicode.Scalar(v - 0x17E0 + 0x30)   // Khmer
        case 0x1090...0x1099: return Unicode.Scalar(v - 0x1090 + 0x30)   // Myanmar Shan
        case 0xFF10...0xFF19: return Unicode.Scalar(v - 0xFF10 + 0x30)
        case 0xFF21...0xFF3A: return Unicode.Scalar(v - 0xFF21 + 0x61)
        case 0xFF41...0xFF5A: return Unicode.Scalar(v - 0xFF41 + 0x61)
        case 0x064B...0x065F, 0x0670, 0x0640: return nil      // Arabic harakat, superscript alef, tatweel
        case 0x0622, 0x0623, 0x0625, 0x0671: return Unicode.Scalar(0x0627)   // آ أ إ ٱ → ا
        case 0x0649: return Unicode.Scalar(0x064A)             // ى → ي
        case 0x06CC: return Unicode.Scalar(0x064A)             // Persian/Urdu yeh → ي
        case 0x0629: return Unicode.Scalar(0x0647)             // ة → ه
        case 0x06A9: return Unicode.Scalar(0x0643)             // Urdu keheh → ك
        case 0x093C, 0x09BC: return nil                        // nukta
        case 0x2018, 0x2019, 0x02BC, 0x2032: return "'"
        case 0x201C, 0x201D: return "\""
        case 0x2010...0x2015, 0x2212: return "-"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x3000: return " "
        case 0x200B...0x200D, 0xFEFF: return nil               // zero-width (ZWJ/ZWNJ do not change meaning for matching)
        default: return s
        }
    }

    /// Latin letter with its accents stripped and lower-cased. Covers Latin-1, Latin Extended-A/B
    /// and Latin Extended Additional (Vietnamese), which is every Latin letter our languages use.
    private static func latinBase(_ v: UInt32) -> UInt32 {
        if let b = LatinBaseTable.base(v) { return b }
        return v
    }

    private static func lowerGeneric(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let m = s.properties.lowercaseMapping.unicodeScalars
        return m.count == 1 ? m.first! : s
    }

    /// True for scalars that are part of a word in a script that separates words by spaces
    /// (Latin, Greek, Cyrillic): only there does a word boundary check make sense.
    @inline(__always)
    static func isLatinWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A)
        }
        return (v >= 0xC0 && v <= 0x24F) || (v >= 0x370 && v <= 0x4FF) || (v >= 0x1E00 && v <= 0x1EFF)
    }

    /// Letters and marks of scripts that put spaces between words but glue suffixes and
    /// postpositions on (Devanagari, Bengali, Sinhala, Ethiopic): phrases there must start a word.
    @inline(__always)
    static func isSpacedSuffixingScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x0900 && v <= 0x0963) || (v >= 0x0971 && v <= 0x09E3) || (v >= 0x09F0 && v <= 0x09FF)
            || (v >= 0x0D80 && v <= 0x0DE5) || (v >= 0x1200 && v <= 0x135F)
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always)
    static func isASCIILetter(_ s: Unicode.Scalar) -> Bool { s.value >= 0x61 && s.value <= 0x7A }
}
