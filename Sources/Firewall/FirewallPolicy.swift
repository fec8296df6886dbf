/// The firewall policy: which structured fields an inspector may see, and which field names are
/// status and must never pass. Versioned and published; the caller SHA-256-hashes `bytes` and the
/// audit log records that hash with every case, so anyone can check which rules a case went
/// through.
///
/// The policy is an *allowlist*: a field is kept only if its name maps to a category listed under
/// `agency_visible`. That is the administrative-separation principle in code: the default is that
/// nothing reaches the labour inspectorate unless it is a labour fact.
public struct FirewallPolicy: Sendable, Equatable {
    /// Policy document versions this build understands. Anything else is refused, never guessed.
    public static let supportedVersions: [Int] = [1, 2, 3]

    /// What happens to a field whose name maps to no category.
    public enum UnlistedFields: String, Sendable, Equatable {
        /// Dropped (version 1's only rule): safe, but a form in a language the stems do not cover
        /// reaches the inspector empty.
        case drop
        /// Kept when neither its name nor its value discloses status and its value does not look
        /// like a document number (version 2's default): a field is judged by what it says, in any
        /// language, while every field that says or numbers status still goes.
        case screen
    }

    public let version: Int
    /// Exactly the bytes parsed; the caller hashes them.
    public let bytes: [UInt8]
    /// Agency-visible categories → name stems.
    public let agencyVisible: [String: [String]]
    /// Never-visible categories (status, documents, entry, enforcement, asylum) → name stems.
    public let neverVisible: [String: [String]]
    /// Cues that make a document-named field about confiscation ("passport_held_by").
    public let custodyCues: [String]
    /// Cues that make an enforcement-named field a threat ("threatened_with_deportation").
    public let threatCues: [String]
    /// Names that look like status but are labour facts ("permiso_para_salir").
    public let decoyNames: [String]
    /// Whether the values of kept fields go through the narrative detector.
    public let screenValues: Bool
    /// Version 2: what happens to a field no stem names (`unlisted_fields`); version 1 drops it.
    public let unlistedFields: UnlistedFields
    /// Version 3: the learned second stage of the narrative redaction (`learned_stage`), or nil
    /// when the policy has none (versions 1 and 2 never have one: they redact as they always did).
    public let learnedStage: LearnedStageSettings?

    /// The thresholds of the learned second stage (`LearnedStage`, Docs/firewall.md). Probabilities
    /// are the model's, per word, over a seven-word window.
    public struct LearnedStageSettings: Sendable, Equatable {
        /// A word is flagged when P(remove) ≥ `removeAt` (`remove_at`) …
        public let removeAt: Double
        /// … and P(keep) < `keepVeto` (`keep_veto`); a word with P(keep) ≥ `keepVeto` also ends a run.
        public let keepVeto: Double
        /// … or P(remove) ≥ `sureAt` (`sure_at`, optional; above 1 means never).
        public let sureAt: Double
        /// Flagged words merge into a run across at most this many unflagged words (`bridge_words`).
        public let bridgeWords: Int
        /// A run of fewer words is left alone unless one of them reaches `sureAt` (`min_words`).
        public let minWords: Int

        public init(removeAt: Double, keepVeto: Double, sureAt: Double = 1.01, bridgeWords: Int, minWords: Int) {
            self.removeAt = removeAt
            self.keepVeto = keepVeto
            self.sureAt = sureAt
            self.bridgeWords = bridgeWords
            self.minWords = minWords
        }
    }

    /// Parses the shipped policy. It is a compile-time constant proven valid by a test, so a
    /// failure here is a programming error, not a runtime condition.
    public static func makeDefault() -> FirewallPolicy {
        do {
            return try FirewallPolicy(json: Array(defaultJSON.utf8))
        } catch {
            preconditionFailure("the embedded default firewall policy is invalid: \(error)")
        }
    }

    /// Strict: unknown keys, unknown versions and wrong types are errors, because a typo in a
    /// policy must not silently widen what reaches an inspector.
    public init(json: [UInt8]) throws(FirewallPolicyError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(json)
        } catch {
            throw .notJSON(error.reason)
        }
        guard case .object(let root) = value else { throw .notJSON("top level is not an object") }
        let allowed: Set<String> = [
            "format", "version", "description", "agency_visible", "never_visible",
            "custody_cues", "threat_cues", "decoy_names", "screen_values", "unlisted_fields", "learned_stage",
        ]
        if let unknown = root.keys.first(where: { !allowed.contains($0) }) {
            throw .badShape("unknown key \"\(unknown)\"")
        }
        guard case .string("safeintake-firewall-policy") = root["format"] else {
            throw .badShape("\"format\" must be \"safeintake-firewall-policy\"")
        }
        guard case .number(let v) = root["version"], let version = Int(v) else {
            throw .badShape("\"version\" must be an integer")
        }
        guard Self.supportedVersions.contains(version) else { throw .unsupportedVersion(version) }
        self.version = version
        self.bytes = json
        self.agencyVisible = try Self.stemTable(root["agency_visible"], key: "agency_visible")
        self.neverVisible = try Self.stemTable(root["never_visible"], key: "never_visible")
        self.custodyCues = try Self.stringList(root["custody_cues"], key: "custody_cues")
        self.threatCues = try Self.stringList(root["threat_cues"], key: "threat_cues")
        self.decoyNames = try Self.stringList(root["decoy_names"], key: "decoy_names")
        guard case .bool(let screen) = root["screen_values"] else {
            throw .badShape("\"screen_values\" must be true or false")
        }
        self.screenValues = screen
        switch root["unlisted_fields"] {
        case nil:
            self.unlistedFields = .drop
        case .string(let rule)? where version >= 2:
            guard let parsed = UnlistedFields(rawValue: rule) else {
                throw .badShape("\"unlisted_fields\" must be \"drop\" or \"screen\"")
            }
            guard parsed == .drop || screen else {
                throw .badShape("\"unlisted_fields\": \"screen\" needs \"screen_values\": true")
            }
            self.unlistedFields = parsed
        default:
            throw .badShape("\"unlisted_fields\" needs \"version\": 2 and must be \"drop\" or \"screen\"")
        }
        switch root["learned_stage"] {
        case nil:
            self.learnedStage = nil
        case .object(let stage)? where version >= 3:
            self.learnedStage = try Self.learnedStageSettings(stage)
        default:
            throw .badShape("\"learned_stage\" needs \"version\": 3 and must be an object")
        }
        if agencyVisible.isEmpty { throw .badShape("\"agency_visible\" lists no category") }
        let overlap = Set(agencyVisible.keys).intersection(neverVisible.keys)
        if let c = overlap.first { throw .badShape("category \"\(c)\" is both agency-visible and never-visible") }
    }

    private static func learnedStageSettings(_ o: [String: JSONValue]) throws(FirewallPolicyError) -> LearnedStageSettings {
        let allowed: Set<String> = ["remove_at", "keep_veto", "sure_at", "bridge_words", "min_words"]
        if let unknown = o.keys.first(where: { !allowed.contains($0) }) {
            throw .badShape("unknown key \"learned_stage.\(unknown)\"")
        }
        func probability(_ key: String, default d: Double? = nil) throws(FirewallPolicyError) -> Double {
            if o[key] == nil, let d { return d }
            guard case .number(let text)? = o[key], let v = Double(text), v > 0, v <= 1.01 else {
                throw .badShape("\"learned_stage.\(key)\" must be a number in (0, 1.01]")
            }
            return v
        }
        func count(_ key: String, _ range: ClosedRange<Int>) throws(FirewallPolicyError) -> Int {
            guard case .number(let text)? = o[key], let n = Int(text), range.contains(n) else {
                throw .badShape("\"learned_stage.\(key)\" must be an integer in \(range.lowerBound)...\(range.upperBound)")
            }
            return n
        }
        return LearnedStageSettings(
            removeAt: try probability("remove_at"), keepVeto: try probability("keep_veto"), sureAt: try probability("sure_at", default: 1.01),
            bridgeWords: try count("bridge_words", 0...3), minWords: try count("min_words", 1...5))
    }

    private static func stringList(_ v: JSONValue?, key: String) throws(FirewallPolicyError) -> [String] {
        guard case .array(let items) = v else { throw .badShape("\"\(key)\" must be an array of strings") }
        var out: [String] = []
        for item in items {
            guard case .string(let s) = item, !s.isEmpty else {
                throw .badShape("\"\(key)\" must hold non-empty strings")
            }
            out.append(s)
        }
        return out
    }

    private static func stemTable(_ v: JSONValue?, key: String) throws(FirewallPolicyError) -> [String: [String]] {
        guard case .object(let table) = v else { throw .badShape("\"\(key)\" must be an object of category → names") }
        var out: [String: [String]] = [:]
        for (category, names) in table {
            out[category] = try stringList(names, key: "\(key).\(category)")
        }
        return out
    }
}
