/// What the firewall did to one complaint: counts per category, never content.
///
/// The audit log records this next to the policy hash, so an auditor can check that every case
/// went through the firewall without the log itself becoming a list of who is undocumented. It
/// therefore holds integers only; the encoding is a JSON object keyed by category raw value with
/// sorted keys so that the same report always encodes to the same bytes.
public struct FirewallReport: Sendable, Equatable, Codable {
    public var policyVersion: Int
    public var counts: [DisclosureCategory: Int]

    public init(policyVersion: Int, counts: [DisclosureCategory: Int] = [:]) {
        self.policyVersion = policyVersion
        self.counts = counts.filter { $0.value != 0 }
    }

    /// Everything removed or dropped, all categories together.
    public var total: Int { counts.values.reduce(0, +) }

    /// Adds one removal of `category`.
    public mutating func record(_ category: DisclosureCategory, count: Int = 1) {
        guard count > 0 else { return }
        counts[category, default: 0] += count
    }

    /// The sum of two reports made under the same policy (narrative + fields).
    public func merged(with other: FirewallReport) -> FirewallReport {
        var out = self
        for (category, n) in other.counts { out.record(category, count: n) }
        return out
    }

    private enum CodingKeys: String, CodingKey { case policyVersion = "policy_version", counts }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        policyVersion = try c.decode(Int.self, forKey: .policyVersion)
        let raw = try c.decode([String: Int].self, forKey: .counts)
        var counts: [DisclosureCategory: Int] = [:]
        for (key, n) in raw {
            guard let category = DisclosureCategory(rawValue: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .counts, in: c, debugDescription: "unknown category")
            }
            counts[category] = n
        }
        self.counts = counts
    }

    /// Encodes `counts` keyed by raw value (a `[String: Int]`), which JSON encoders write as an
    /// object; with `.sortedKeys` the output is byte-stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(policyVersion, forKey: .policyVersion)
        var raw: [String: Int] = [:]
        for (category, n) in counts where n != 0 { raw[category.rawValue] = n }
        try c.encode(raw, forKey: .counts)
    }
}
