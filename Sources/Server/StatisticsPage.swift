import Foundation
import HTMLEscaping
import Statistics

/// The public statistics page: HTML with SVG charts drawn here, on the server. No JavaScript, no
/// inline style (the content-security policy forbids both; colours are SVG presentation
/// attributes), one stylesheet. Charts are horizontal bars in a 360-unit-wide drawing, so that on
/// a phone they are drawn at about their own size and their labels stay legible; each chart's
/// numbers are also its text, for screen readers and for print.
struct StatisticsPage {
    let releases: [StatisticsRelease]

    var html: String {
        var body = """
            <h1>Complaint statistics</h1>
            <p>Monthly figures on the complaints filed through this service, published with <strong>differential
            privacy</strong>: random noise is added to every figure, so that no figure depends noticeably on any one
            complaint, and figures that come out below the threshold are not shown. The figures are therefore
            approximate; each month states how approximate.</p>
            <p class="downloads">For statistics offices: <a href="/v1/stats/releases.csv">CSV</a> ·
            <a href="/v1/stats/releases">JSON</a> (each release signed with the audit log's key).</p>
            """
        guard let latest = releases.last else {
            return Self.document(body + "<p>No figures have been published yet.</p>")
        }
        if releases.count > 1 { body += monthlyTotals() }
        body += section(for: latest, heading: "h2")
        for release in releases.dropLast().reversed() {
            body += "<details><summary>\(HTMLEscaping.escape(release.month))</summary>\(section(for: release, heading: "h3"))</details>"
        }
        return Self.document(body)
    }

    private static func document(_ main: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Complaint statistics</title><link rel="stylesheet" href="/stats/style.css"></head>
        <body><main>\(main)</main></body></html>
        """
    }

    private func section(for release: StatisticsRelease, heading: String) -> String {
        let mechanism = release.mechanism == "discrete_gaussian" ? "discrete Gaussian" : "discrete Laplace"
        let delta = release.delta.map { ", δ = \(Self.number($0.doubleValue))" } ?? ""
        let spread = Self.spread(release)
        let localOnly = release.localOnly.map { Self.noun($0) }
        let except = localOnly.isEmpty ? "" : " on every figure except those by \(Self.list(localOnly))"
        var out = """
            <section><\(heading)>Complaints filed in \(HTMLEscaping.escape(release.month))</\(heading)>
            <p class="budget">Noise: \(mechanism), ε = \(Self.number(release.epsilon.doubleValue))\(delta)\(except); a figure with this noise is typically
            within ±\(spread) of the true count, so a value with no complaint at all can show a small figure.
            Figures below \(release.threshold) are not shown. Published \(HTMLEscaping.escape(release.releasedDay)).</p>
            """
        if !release.localOnly.isEmpty {
            let parts = release.localOnly.map { name in
                "\(Self.noun(name)): ε₀ = \(Self.number(release.localEpsilon?[name]?.doubleValue ?? 0))\(LocalRandomisation.bitDimensions.contains(name) ? " for each" : "")"
            }
            out += """
                <p class="budget">The figures by \(Self.list(localOnly)) have no added noise: they are worked out from each complaint's
                answer as stored, which was randomised before it was stored (\(parts.joined(separator: "; "))). Counting these, this
                month's figures together protect each complaint at ε = \(Self.number(release.epsilonTotal.doubleValue)) in total.</p>
                """
        }
        var dimensions: [String] = []
        for cell in release.cells where !dimensions.contains(cell.dimension) { dimensions.append(cell.dimension) }
        for dimension in dimensions {
            let cells = release.cells.filter { $0.dimension == dimension }
            let shown = cells.compactMap { c in c.value.map { (Self.label(dimension: dimension, cell: c.cell), $0) } }.sorted { $0.1 > $1.1 }
            out += "<div class=\"chart\"><h4>\(HTMLEscaping.escape(Self.title(dimension)))</h4>"
            out += shown.isEmpty ? "<p class=\"note\">Nothing above the threshold.</p>" : Self.bars(shown, title: Self.title(dimension))
            if let local = release.localEpsilon?[dimension], let spread = Self.localSpread(release, dimension: dimension, cells: cells.count) {
                let noise = release.isCentrallyNoised(dimension) ? "" : ", with no other noise"
                out += "<p class=\"note\">Each complaint's \(HTMLEscaping.escape(Self.noun(dimension))) was randomised before it was stored "
                    + "(ε₀ = \(Self.number(local.doubleValue))) and the figures corrected for it\(noise): typically within ±\(spread).</p>"
            }
            let hidden = cells.count - shown.count
            if hidden > 0, dimension != "total" {
                out += "<p class=\"note\">\(hidden) other \(hidden == 1 ? "value" : "values") below \(release.threshold) or none: not shown.</p>"
            }
            out += "</div>"
        }
        if let handling = release.handling { out += Self.handlingChart(handling) }
        return out + "</section>"
    }

    /// The case-handling figures: exact, from the public log, as shares of the month's complaints.
    static func handlingChart(_ handling: StatisticsRelease.Handling) -> String {
        let value = { (cell: String) in handling.figures.first { $0.cell == cell }?.value ?? 0 }
        let filed = value("filed")
        var out = "<div class=\"chart\"><h4>How the complaints filed in \(HTMLEscaping.escape(handling.cohort)) were handled</h4>"
        guard filed > 0 else { return out + "<p class=\"note\">No complaint was filed in \(HTMLEscaping.escape(handling.cohort)).</p></div>" }
        let rows = [("Acknowledged within 7 days", "acknowledged_within_7_days"), ("Feedback within 3 months", "feedback_within_3_months"),
                    ("Action taken (at 3 months)", "outcome_action_taken"), ("Closed (at 3 months)", "outcome_closed"),
                    ("Handed to another organisation (at 3 months)", "outcome_transferred"),
                    ("Still open at 3 months", "outcome_open")].map { label, cell -> (String, Int) in
            let n = value(cell)
            return ("\(label): \(Int((100 * Double(n) / Double(filed)).rounded()))%", n)
        }
        out += "<p class=\"note\">\(filed) complaints. Exact figures counted from the public audit log, where anyone can count them: no noise is needed.</p>"
        return out + bars(rows, title: "How complaints were handled") + "</div>"
    }

    /// Complaints per month, one column each (a gap where the total was suppressed).
    private func monthlyTotals() -> String {
        let points = releases.map { r in (r.month, r.cells.first { $0.dimension == "total" }?.value) }
        let top = max(1, points.compactMap(\.1).max() ?? 1)
        let width = 360.0, height = 170.0, base = 140.0
        let step = (width - 20) / Double(points.count)
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"monthly\"><title id=\"monthly\">Complaints per month</title>"
        for (i, (month, value)) in points.enumerated() {
            let x = 10 + Double(i) * step
            if let value {
                let h = (base - 20) * Double(value) / Double(top)
                svg += "<rect x=\"\(Self.n(x + step * 0.15))\" y=\"\(Self.n(base - h))\" width=\"\(Self.n(step * 0.7))\" height=\"\(Self.n(h))\" fill=\"#1f5f8b\"/>"
                svg += "<text x=\"\(Self.n(x + step / 2))\" y=\"\(Self.n(base - h - 4))\" text-anchor=\"middle\" font-size=\"11\" fill=\"#111\">\(value)</text>"
            }
            if points.count <= 12 || i % ((points.count + 11) / 12) == 0 {
                svg += "<text x=\"\(Self.n(x + step / 2))\" y=\"\(Int(base + 16))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">\(HTMLEscaping.escape(String(month.suffix(5))))</text>"
            }
        }
        svg += "<line x1=\"10\" y1=\"\(Int(base))\" x2=\"\(Int(width - 10))\" y2=\"\(Int(base))\" stroke=\"#333\" stroke-width=\"1\"/></svg>"
        return "<section><h2>Complaints per month</h2><div class=\"chart\">\(svg)</div></section>"
    }

    /// Horizontal bars: the label above each bar, the value after it.
    static func bars(_ rows: [(String, Int)], title: String) -> String {
        let rowHeight = 38.0, barArea = 290.0
        let top = Double(max(1, rows.map(\.1).max() ?? 1))
        var svg = "<svg viewBox=\"0 0 360 \(Int(Double(rows.count) * rowHeight + 4))\" role=\"img\"><title>\(HTMLEscaping.escape(title))</title>"
        for (i, (label, value)) in rows.enumerated() {
            let y = Double(i) * rowHeight
            let w = max(2, barArea * Double(value) / top)
            svg += "<text x=\"0\" y=\"\(Self.n(y + 13))\" font-size=\"13\" fill=\"#111\">\(HTMLEscaping.escape(label))</text>"
            svg += "<rect x=\"0\" y=\"\(Self.n(y + 17))\" width=\"\(Self.n(w))\" height=\"14\" fill=\"#1f5f8b\"/>"
            svg += "<text x=\"\(Self.n(w + 6))\" y=\"\(Self.n(y + 29))\" font-size=\"13\" fill=\"#111\">\(value)</text>"
        }
        return svg + "</svg>"
    }

    /// One standard deviation of the noise, rounded: the "±" a reader should keep in mind.
    static func spread(_ release: StatisticsRelease) -> Int {
        let parts = release.noiseParameter.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let value = try? Rational(exact: String(parts[1])) else { return 0 }
        let mechanism: NoiseMechanism = parts[0] == "scale" ? .discreteLaplace(scale: value) : .discreteGaussian(sigmaSquared: value)
        return Int(mechanism.standardDeviation.rounded())
    }

    /// The "±" of a de-biased dimension: the randomised response's spread at the month's (noisy)
    /// total, and the central noise magnified by the de-biasing (none for a local-only dimension).
    static func localSpread(_ release: StatisticsRelease, dimension: String, cells: Int) -> Int? {
        guard let epsilon = release.localEpsilon?[dimension] else { return nil }
        let total = release.cells.first { $0.dimension == "total" }?.value ?? 0
        let central = release.isCentrallyNoised(dimension) ? Double(spread(release)) : 0
        return LocalRandomisation.standardDeviation(dimension: dimension, epsilon: epsilon, cells: cells, total: total, centralSD: central)
            .map { Int($0.rounded()) }
    }

    /// What one complaint has in `dimension`, in words: "language", "firewall categories".
    static func noun(_ dimension: String) -> String {
        switch dimension {
        case "indicator": "ILO indicators"
        case "firewall": "firewall categories"
        default: dimension
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    static func title(_ dimension: String) -> String {
        switch dimension {
        case "total": "All complaints"
        case "language": "By language"
        case "region": "By region"
        case "indicator": "ILO forced-labour indicators shown"
        case "firewall": "Complaints from which the firewall removed…"
        default: dimension
        }
    }

    static func label(dimension: String, cell: String) -> String {
        if dimension == "total" { return "All complaints" }
        if dimension == "language", let name = languageNames[cell] { return name }
        if dimension == "region" { return cell }
        let words = cell.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    static let languageNames: [String: String] = [
        "am": "Amharic", "ar": "Arabic", "bn": "Bengali", "en": "English", "es": "Spanish", "hi": "Hindi", "id": "Indonesian",
        "km": "Khmer", "my": "Burmese", "ne": "Nepali", "si": "Sinhala", "sw": "Swahili", "ta": "Tamil", "tl": "Tagalog",
        "ur": "Urdu", "vi": "Vietnamese", "fil": "Filipino", "ms": "Malay", "pt": "Portuguese", "fr": "French", "it": "Italian",
        "th": "Thai", "zh": "Chinese", "ko": "Korean", "ti": "Tigrinya", "om": "Oromo", "so": "Somali", "lo": "Lao",
        "mn": "Mongolian", "ky": "Kyrgyz", "uz": "Uzbek", "ru": "Russian",
    ]

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e6 ? String(Int(value)) : "\(value)"
    }

    private static func n(_ value: Double) -> String { String(format: "%.1f", value) }

    static let stylesheet = """
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #111; background: #fff; }
        main { max-width: 40rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: 0.5rem 0; }
        h2 { font-size: 1.25rem; margin-top: 1.5rem; }
        h3, h4 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
        .budget, .note { color: #333; font-size: 0.9rem; }
        .chart svg { width: 100%; height: auto; max-width: 36rem; display: block; }
        a { color: #0b4f7c; }
        details { margin: 1rem 0; }
        summary { cursor: pointer; font-weight: 600; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; }
          .downloads { display: none; }
          details > *:not(summary) { display: block; }
          section, .chart { break-inside: avoid; }
        }
        """
}
