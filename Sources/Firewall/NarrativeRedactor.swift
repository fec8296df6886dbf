/// Replaces detected spans with the uniform marker and counts them.
///
/// Overlapping spans, and spans separated only by spaces or punctuation, become one marker: two
/// markers side by side would say "two things were removed here", which is more than an
/// inspector needs. Everything outside the spans is copied scalar for scalar from the input, so
/// every labour fact survives byte-exact.
///
/// The result is a fixed point: redacting it again changes nothing. A removal can join what it
/// separated (a span that crossed a full stop makes two sentences one, so a number in the second
/// now stands in a sentence about a passport), and the fuzzer found such texts; so the redactor
/// looks again at its own output until it finds nothing new.
struct NarrativeRedactor: Sendable {
    let detector: NarrativeDetector
    let policyVersion: Int

    /// Looks beyond the first pass at most this many times; each further pass needs a removal
    /// from the one before, and the fuzzer has not needed more than one.
    static let maximumExtraPasses = 3

    func redact(_ text: String) -> Redaction {
        var result = redactOnce(text)
        var passes = 0
        while result.report.total > 0, passes < Self.maximumExtraPasses {
            let again = redactOnce(result.text)
            guard again.report.total > 0 else { break }
            result = Redaction(text: Self.joiningAdjacentMarkers(again.text), report: result.report.merged(with: again.report))
            passes += 1
        }
        return result
    }

    /// One pass. Markers already in the text (from an earlier pass, or typed by her) are read with
    /// their word blanked out, so "removed" cannot become a cue ("[removed] from …") while the
    /// brackets still stand where they stand.
    private func redactOnce(_ text: String) -> Redaction {
        let original = Array(text.unicodeScalars)
        let folded = FoldedText(Self.neutralisingMarkers(text))
        let findings = detector.findings(in: folded.folded).sorted {
            $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.upperBound > $1.range.upperBound
        }
        var report = FirewallReport(policyVersion: policyVersion)
        guard !findings.isEmpty else { return Redaction(text: text, report: report) }

        // Merge in folded coordinates.
        var merged: [Range<Int>] = []
        var categories: [DisclosureCategory] = []
        for f in findings {
            if let last = merged.last, f.range.lowerBound <= last.upperBound || onlyGap(folded.folded, last.upperBound, f.range.lowerBound) {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, f.range.upperBound)
                if f.range.lowerBound >= last.upperBound { report.record(f.category) }
            } else {
                merged.append(f.range)
                categories.append(f.category)
                report.record(f.category)
            }
        }

        var out = String.UnicodeScalarView()
        var cursor = 0
        for r in merged {
            let o = folded.originalRange(r)
            if o.lowerBound > cursor { out.append(contentsOf: original[cursor..<o.lowerBound]) }
            out.append(contentsOf: Firewall.marker.unicodeScalars)
            cursor = max(cursor, o.upperBound)
        }
        if cursor < original.count { out.append(contentsOf: original[cursor...]) }
        return Redaction(text: String(out), report: report)
    }

    private static let markerScalars = Array(Firewall.marker.unicodeScalars)

    /// `text` with the word inside every marker replaced by spaces: "[removed]" → "[       ]",
    /// the same number of scalars, so positions found in it are positions in `text`.
    static func neutralisingMarkers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i...].starts(with: markerScalars) {
                out.append(markerScalars[0])
                out.append(contentsOf: repeatElement(" " as Unicode.Scalar, count: markerScalars.count - 2))
                out.append(markerScalars[markerScalars.count - 1])
                i += markerScalars.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Two markers with only spaces or punctuation between them become one, as within one pass.
    static func joiningAdjacentMarkers(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i...].starts(with: markerScalars) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            i += markerScalars.count
            // Swallow what separates this marker from the next one, if only a short gap does.
            var j = i
            while j < scalars.count, j - i <= 4, !isWordScalar(scalars[j]), !scalars[j...].starts(with: markerScalars) { j += 1 }
            if j < scalars.count, j - i <= 4, scalars[j...].starts(with: markerScalars) {
                i = j
                continue  // the next marker is emitted when the loop reaches it
            }
            out.append(contentsOf: markerScalars)
        }
        return String(String.UnicodeScalarView(out))
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ScalarFolding.isDigit(s)
    }

    /// True when only spaces and punctuation lie between two spans (no letters, digits or words).
    private func onlyGap(_ t: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b >= a, b - a <= 4 else { return false }
        for i in a..<b {
            let s = t[i]
            if s.properties.isAlphabetic || ScalarFolding.isDigit(s) { return false }
        }
        return true
    }
}
