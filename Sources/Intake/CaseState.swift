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
}
