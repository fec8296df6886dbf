/// What a report covers, named at its top so that a reader knows which deployment, software,
/// database and checkpoint the verdict is about (issue 22, item 7).
public struct SeparationReportContext: Sendable {
    /// The log's origin (its key name): how auditors name the deployment.
    public var deployment: String
    /// The software that wrote the data (from an auditor's bundle), or what is known of it.
    public var deploymentSoftware: String
    /// The software that ran the checks.
    public var auditorSoftware: String
    /// SHA-256 of the database file examined.
    public var databaseSHA256: String
    /// The signed checkpoint the log checks cover, as "N entries, root HEX", or why there is none.
    public var checkpoint: String
    /// Where the data came from: "bundle FILE (exported DAY)" or "data folder DIR".
    public var source: String

    public init(deployment: String, deploymentSoftware: String, auditorSoftware: String, databaseSHA256: String,
                checkpoint: String, source: String) {
        self.deployment = deployment
        self.deploymentSoftware = deploymentSoftware
        self.auditorSoftware = auditorSoftware
        self.databaseSHA256 = databaseSHA256
        self.checkpoint = checkpoint
        self.source = source
    }

    /// "key: value" pairs in the order the report shows them.
    var rows: [(String, String)] {
        [("Deployment (audit log name)", deployment), ("Software that wrote the data", deploymentSoftware),
         ("Software that ran these checks", auditorSoftware), ("Data examined", source),
         ("Database SHA-256", databaseSHA256), ("Signed checkpoint covered", checkpoint)]
    }
}
