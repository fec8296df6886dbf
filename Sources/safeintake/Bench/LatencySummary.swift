/// Latencies of one measurement, summarised the way Docs/benchmarks.md reports them.
struct LatencySummary {
    let sorted: [Double]

    init(milliseconds: [Double]) {
        sorted = milliseconds.sorted()
    }

    var count: Int { sorted.count }

    func percentile(_ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))]
    }

    var mean: Double { sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count) }
}
