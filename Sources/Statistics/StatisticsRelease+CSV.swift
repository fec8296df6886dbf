import CSVText
import Foundation

extension StatisticsRelease {
    /// The CSV columns, in order (Docs/statistics.md, "CSV"). One row per cell of each release.
    public static let csvColumns = ["month", "dimension", "cell", "value", "suppressed", "mechanism", "noise_parameter",
                                    "epsilon", "delta", "suppression_threshold", "released", "local_epsilon",
                                    "central_noise"]

    /// RFC 4180 CSV of `releases`, header first, CRLF line ends (what spreadsheet tools expect). A
    /// suppressed cell has an empty `value` and `suppressed` = `true`. Case-handling figures follow
    /// each release's cells, with mechanism `none` (Docs/statistics.md, "Case handling").
    /// `local_epsilon` is the cell's dimension's randomised-response ε₀ at rest, empty for a dimension
    /// stored exactly (the total, and every dimension of a month before randomisation): a statistics
    /// office reading one row can tell how far its de-biased figure may be from the truth.
    /// `central_noise` is `yes` for a figure with the release's central noise, `no` for a figure of a
    /// local-only dimension (released from the randomised answers alone), empty for `handling` rows.
    public static func csv(_ releases: [StatisticsRelease]) -> String {
        var rows = [csvColumns]
        for release in releases {
            for cell in release.cells {
                let row = [release.month, cell.dimension, cell.cell, cell.value.map(String.init) ?? "", cell.value == nil ? "true" : "false",
                           release.mechanism, release.noiseParameter, "\(release.epsilon.doubleValue)",
                           release.delta.map { "\($0.doubleValue)" } ?? "", String(release.threshold), release.releasedDay,
                           release.localEpsilon?[cell.dimension].map { "\($0.doubleValue)" } ?? "",
                           release.isCentrallyNoised(cell.dimension) ? "yes" : "no"]
                rows.append(row)
            }
            // Exact figures from the public log: their month is the filing month they follow,
            // their mechanism `none`, and no budget or threshold applies.
            for figure in release.handling?.figures ?? [] {
                let row = [release.handling?.cohort ?? "", figure.dimension, figure.cell, String(figure.value ?? 0), "false",
                           "none", "", "", "", "", release.releasedDay, "", ""]
                rows.append(row)
            }
        }
        return CSVText.document(rows)
    }
}
