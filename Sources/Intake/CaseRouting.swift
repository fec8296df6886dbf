import Envelope
import Foundation

/// Which team a new case goes to, by agency-visible facts only (Docs/routing.md): the first rule
/// whose conditions all hold on the firewalled complaint wins; otherwise `defaultTeam`.
///
/// Rules see only what the firewall kept, so routing can never depend on anything the firewall
/// removed. The case key is wrapped to the chosen team's supervisors and to its members who
/// receive new cases; nobody else gets a wrap until a supervisor assigns the case.
public struct CaseRouting: Sendable, Equatable, Codable {
    public struct Rule: Sendable, Equatable, Codable {
        /// The team that gets matching cases.
        public var team: String
        /// The complaint's language tag must equal this (case-insensitive), when set.
        public var language: String?
        /// Each named field must be present and equal this value (case- and space-insensitive).
        public var fields: [String: String]?
        /// Each of these ILO indicators (issue 21) must have been tagged, when set: e.g. cases that
        /// show violence go to the team that can act that day.
        public var indicators: [String]?

        public init(team: String, language: String? = nil, fields: [String: String]? = nil, indicators: [String]? = nil) {
            self.team = team
            self.language = language
            self.fields = fields
            self.indicators = indicators
        }

        func matches(language caseLanguage: String, fields caseFields: [String: String], indicators caseIndicators: Set<String>) -> Bool {
            if let language, language.lowercased() != caseLanguage.lowercased() { return false }
            if let indicators, !Set(indicators).isSubset(of: caseIndicators) { return false }
            for (name, expected) in fields ?? [:] {
                guard let actual = caseFields.first(where: { $0.key.lowercased() == name.lowercased() })?.value,
                      Self.normalised(actual) == Self.normalised(expected) else { return false }
            }
            return true
        }

        static func normalised(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    public static let defaultTeamName = "default"
    public var defaultTeam: String
    public var rules: [Rule]

    enum CodingKeys: String, CodingKey {
        case defaultTeam = "default_team", rules
    }

    public init(defaultTeam: String = CaseRouting.defaultTeamName, rules: [Rule] = []) {
        self.defaultTeam = defaultTeam
        self.rules = rules
    }

    /// Reads routing rules from JSON (Docs/routing.md), with a message naming what is wrong.
    public init(json: Data) throws(IntakeError) {
        do {
            self = try JSONDecoder().decode(CaseRouting.self, from: json)
        } catch {
            throw IntakeError(.invalidShape, "the routing file is not valid: expected {\"default_team\": NAME, \"rules\": [{\"team\": NAME, \"language\"?: TAG, \"fields\"?: {FIELD: VALUE}, \"indicators\"?: [NAME]}]} (\(error))")
        }
    }

    /// The team for a firewalled complaint and the indicators tagged on it.
    public func team(language: String, fields: [String: String], indicators: Set<String> = []) -> String {
        rules.first { $0.matches(language: language, fields: fields, indicators: indicators) }?.team ?? defaultTeam
    }

    /// The keys a new case is wrapped to: the team's unrevoked supervisors and members who receive
    /// new cases. Falls back to the default team when the chosen team has nobody.
    public func recipients(for team: String, among keys: [RegisteredKey]) -> [RegisteredKey] {
        let pick = { (name: String) in
            keys.filter { !$0.revoked && $0.team == name && ($0.publicKey.role == .supervisor || $0.receivesNewCases) }
        }
        let chosen = pick(team)
        return chosen.isEmpty && team != defaultTeam ? pick(defaultTeam) : chosen
    }
}
