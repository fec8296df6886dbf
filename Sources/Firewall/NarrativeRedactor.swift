/// Replaces detected spans with the uniform marker and counts them.
///
/// Overlapping spans, and spans separated only by spaces or punctuation, become one marker: two
/// markers side by side would say "two things were removed here", which is more than an
/// inspector needs. Everything outside the spans is copied scalar for scalar from the input, so
/// every labour fact survives byte-exact.
struct NarrativeRedactor: Sendable {
    let detector: NarrativeDetector
    let policyVersion: Int

    func redact(_ text: String) -> Redaction {
        let folded = FoldedText(text)
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
            if o.lowerBound > cursor { out.append(contentsOf: folded.original[cursor..<o.lowerBound]) }
            out.append(contentsOf: Firewall.marker.unicodeScalars)
            cursor = max(cursor, o.upperBound)
        }
        if cursor < folded.original.count { out.append(contentsOf: folded.original[cursor...]) }
        return Redaction(text: String(out), report: report)
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
