/// The report's words for readers who are not engineers (a data-protection authority, a board):
/// what each check means, and what the audit does not prove. Kept beside the report so that a
/// new check cannot ship without its explanation (a test asks for one per check).
extension SeparationReport {
    /// What check `number` establishes when it passes, in plain language.
    public static func meaning(of number: Int) -> String? {
        switch number {
        case 1: "The database has no place to keep a worker's immigration status: no table has a column for nationality, visa, passport, residence permit, country, arrival, IP address or browser. What has no column cannot be queried, even by the operator."
        case 2: "Everything the server keeps about a complaint is encrypted, in the documented format, to the inspectors it was given to. The only readable columns are case numbers, days and case states, and for a case handed to or from another organisation the signed handover statement, which the public log carries too and which names organisations, keys and a day, nothing about the complaint. Whoever runs or steals the server cannot read a complaint."
        case 3: "Every complaint passed the firewall (which removes what would reveal immigration status) under the policy in force, before any inspector received a key to it, and the log records no firewall findings next to a case. A case received from another organisation passed that organisation's firewall: its own log shows it, under the handover statement both logs carry."
        case 4: "Every person able to open a case got that ability through the published routing rules, through an assignment a supervisor signed, or through a handover between organisations that a supervisor signed and whose signature was checked back to the sending organisation's operator key; every such person's key was registered by the operator's signed statement. A case handed away without a copy can be opened by nobody here afterwards. Nobody was given access quietly through the database."
        case 5: "The public interface of the service offers no way to search, sort, filter or export complaints by immigration status, nationality or any other prohibited category."
        case 6: "The tamper-evident log is complete and unaltered up to the signed checkpoint named above: no entry was changed, removed or reordered after it was written."
        default: nil
        }
    }

    /// What a passing audit does not establish: said in every report, so that no verdict is read
    /// as more than it is.
    public static let limits: [String] = [
        "It does not read any complaint. Whether the firewall missed a disclosure in one worker's own words cannot be seen from ciphertext; the firewall's measured accuracy is in Docs/firewall.md.",
        "It does not show what an inspector did with a case after opening it on her own machine (copies, notes, conversations).",
        "It covers the log up to the checkpoint named above and nothing after it. It does not prove this is the only log: compare that checkpoint with one you fetched yourself from the live service (`safeintake audit verify --state`), and the log key and operator key with the ones the operator published.",
        "It does not prove that the service runs this software or this policy today, only what the data records about the period covered.",
        "It does not cover other systems: a reverse proxy, a hosting provider's network logs, the inspectorate's own files or e-mail.",
    ]
}
