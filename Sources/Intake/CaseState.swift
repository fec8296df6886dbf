/// Where a case stands in the inspectorate's work. This is the *case's* progress, shown to the
/// reporter; it has nothing to do with the reporter's immigration status, which is never recorded.
public enum CaseState: String, Sendable, Codable, CaseIterable {
    case received
    case assigned
    case investigating
    case actionTaken = "action_taken"
    case closed
    /// Handed to another organisation that runs SafeIntake (Docs/format.md §17). Set only by a
    /// transfer, never by a status change; final at the sending organisation.
    case transferred

    /// The value outside tools read in `status` (CONTRACT.md lists five; a handover is not one of
    /// them): a case handed on is closed here, and the answer says where it went in `moved`.
    public var contractValue: String { Self.contractValue(rawValue) }

    /// `contractValue` of a state's raw value as clients receive it from the agency API.
    public static func contractValue(_ raw: String) -> String {
        raw == CaseState.transferred.rawValue ? CaseState.closed.rawValue : raw
    }
}
