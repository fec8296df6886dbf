import Firewall

/// One word Tesseract read, from its TSV output (level 5 rows).
public struct OCRWord: Sendable, Equatable {
    /// Page, block, paragraph, line: where the word sits, to rebuild lines.
    public var line: [Int]
    /// Tesseract's confidence, 0–100.
    public var confidence: Double
    public var text: String
}

/// Tesseract's TSV (`tesseract IMAGE OUT tsv`): a header row, then rows of twelve tab-separated
/// columns `level page_num block_num par_num line_num word_num left top width height conf text`.
/// Rows that are not words (level ≠ 5), have no text or a negative confidence are skipped; a
/// malformed row is skipped, never trusted.
public enum TesseractTSV {
    public static func words(_ tsv: String) -> [OCRWord] {
        var out: [OCRWord] = []
        for row in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard columns.count == 12, columns[0] == "5" else { continue }
            let position = columns[1...4].compactMap { Int($0) }
            guard position.count == 4, let confidence = Double(columns[10]), confidence >= 0, confidence <= 100 else { continue }
            let text = columns[11].trimmingCharacters(in: " \r")
            guard !text.isEmpty else { continue }
            out.append(OCRWord(line: position, confidence: confidence, text: text))
        }
        return out
    }

    /// The words as text: a line per OCR line, a blank line between pages.
    public static func text(_ words: [OCRWord]) -> String {
        var out = ""
        var previous: [Int]? = nil
        for word in words {
            if let previous {
                if previous[0] != word.line[0] { out += "\n\n" } else if previous != word.line { out += "\n" } else { out += " " }
            }
            out += word.text
            previous = word.line
        }
        return out
    }
}

/// How readable OCR's words are, from their confidences (Docs/firewall-policy.md, "Attachments").
///
/// Counting letters and digits only (punctuation and symbols are noise on photos):
/// - `all`: in every word Tesseract returned; `confident`: in words with confidence ≥ 60.
/// - **readable** when `confident` ≥ 12 and `confident` is at least half of `all`;
/// - else **no text** when `all` < 60 (a few stray marks: a photo of a room, an injury);
/// - else **unreadable** (much text, mostly read with low confidence: blurred, skewed, a script
///   we have no model for).
public enum ReadabilityRule {
    public static let confidentAt: Double = 60
    public static let minimumConfident = 12
    public static let noTextBelow = 60

    public static func readability(_ words: [OCRWord]) -> TextReadability {
        let (all, confident) = counts(words)
        if confident >= minimumConfident && confident * 2 >= all { return .readable }
        if all < noTextBelow { return .noText }
        return .unreadable
    }

    /// Of several readings of the same pixels (upright, then turned by orientation detection),
    /// the one to keep: a readable one (the most confident letters), else an unreadable one (so
    /// doubt withholds), else no text.
    public static func better(_ readings: [[OCRWord]]) -> (words: [OCRWord], readability: TextReadability) {
        let judged = readings.map { ($0, readability($0), counts($0).confident) }
        if let best = judged.filter({ $0.1 == .readable }).max(by: { $0.2 < $1.2 }) { return (best.0, .readable) }
        if let unreadable = judged.first(where: { $0.1 == .unreadable }) { return (unreadable.0, .unreadable) }
        return (judged.first?.0 ?? [], .noText)
    }

    /// Letters and digits in all words, and in confident ones.
    static func counts(_ words: [OCRWord]) -> (all: Int, confident: Int) {
        var all = 0, confident = 0
        for word in words {
            let n = word.text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
            all += n
            if word.confidence >= confidentAt { confident += n }
        }
        return (all, confident)
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
