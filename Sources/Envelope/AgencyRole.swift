/// What an agency key holder does. Supervisors route and reassign; inspectors work cases.
public enum AgencyRole: String, Sendable, Codable, CaseIterable {
    case inspector
    case supervisor
}
