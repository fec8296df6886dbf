/// The eleven ILO indicators of forced labour (ILO, "Indicators of Forced Labour", 2012), under the
/// names issue 21 and `safeintake firewall indicators` use. Inspectors triage by them, routing rules
/// can use them, and statistics count them; none of them is immigration status.
public enum ForcedLabourIndicator: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case abuseOfVulnerability = "abuse_of_vulnerability"
    case deception = "deception"
    case restrictionOfMovement = "restriction_of_movement"
    case isolation = "isolation"
    case physicalSexualViolence = "physical_sexual_violence"
    case intimidationThreats = "intimidation_threats"
    case retentionOfIdentityDocuments = "retention_of_identity_documents"
    case withholdingOfWages = "withholding_of_wages"
    case debtBondage = "debt_bondage"
    case abusiveWorkingLivingConditions = "abusive_working_living_conditions"
    case excessiveOvertime = "excessive_overtime"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A case showing any of these is marked urgent in the supervisor's list: violence or
    /// confinement now, or her documents held under threat (issue 21).
    public static func isUrgent(_ indicators: Set<ForcedLabourIndicator>) -> Bool {
        indicators.contains(.physicalSexualViolence) || indicators.contains(.restrictionOfMovement)
            || (indicators.contains(.retentionOfIdentityDocuments) && indicators.contains(.intimidationThreats))
    }
}
