import ArgumentParser
import AuditLog
import Envelope
import EvidenceSandbox
import Firewall
import Foundation
import Hummingbird
import Intake
import Logging
import PostgresStorage
import ReporterGuards
import ReporterWeb
import Server
import Sodium

/// `safeintake serve`: the intake daemon, on the embedded SQLite store or on a PostgreSQL database
/// that several daemons share.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the intake daemon (embedded SQLite or PostgreSQL; dev keys created on first start).")

    @Option(help: "A JSON file of serve's options, keyed by their names without dashes (Docs/operations.md, \"The config file\"); options given here win.")
    var config: String?
    @Option(help: "Data folder: SQLite database, secrets, dev keys. With --database, secrets and dev keys only.") var data = "./data"
    @Option(help: ArgumentHelp(
        "PostgreSQL instead of SQLite: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=...]. Default: $SAFEINTAKE_DATABASE.",
        discussion: "Every daemon on one database needs the same secrets folder (Docs/operations.md)."))
    var database: String?
    @Option(help: "Address to listen on. Put TLS or an onion service in front in production.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "A firewall policy file to use instead of the built-in one.") var policy: String?
    @Option(help: ArgumentHelp(
        "The operator's public key file (operator.pub). Default: DIR/secrets/operator.pub.",
        discussion: "Cases go only to keys whose registration this key signed (in the audit log)."))
    var operatorKey: String?
    @Option(help: "Case routing rules (Docs/routing.md). Default: DIR/routing.json if present, else every case to the default team.")
    var routing: String?
    @Option(help: "Where the reporter pages' quick-exit link goes: an ordinary site that says nothing about this one.")
    var exitURL = ReporterWeb.defaultExitURL
    @Option(help: ArgumentHelp(
        "Who runs this service, shown on the reporter's start page: NAME for every language, or CODE=NAME for one (repeat it).",
        discussion: "e.g. --organisation \"Migrant Workers' Centre\" --organisation \"ar=مركز العمال المهاجرين\""))
    var organisation: [String] = []
    @Option(help: "Days within which an inspector acknowledges a report: the start and status pages promise it.")
    var acknowledgeDays = ResponseDeadlines.standard.acknowledgeDays
    @Option(help: "Days within which she is told what was done (feedback): the status page promises it.")
    var feedbackDays = ResponseDeadlines.standard.feedbackDays
    @Option(help: "Seconds a client has to send a whole request; slower ones are disconnected.") var requestTimeout: Int64 = 30
    @Option(help: "Open connections at once; more wait in the listen backlog.") var maxConnections = 1024
    @Option(help: ArgumentHelp(
        "Worker threads for Argon2id, sealing and database writes (default: 2 per core, at least 4).",
        discussion: "Argon2id memory in use is at most workers × --argon2-mem-kib.")) var workers: Int?
    @Option(help: ArgumentHelp(
        "Serve Prometheus metrics (GET /metrics) on this port, on a listener of its own. Default: off.",
        discussion: "Counts and latencies by route pattern and status, queue depth, database and log size; nothing a reporter sent."))
    var metricsPort: Int?
    @Option(help: "Address of the metrics listener. Keep it on loopback or a management network.") var metricsHost = "127.0.0.1"
    @OptionGroup var tokenCost: TokenCostOptions
    @OptionGroup var abuse: AbuseOptions
    @OptionGroup var statistics: StatisticsScheduleOptions
    @OptionGroup var evidence: EvidenceOptions

    func validate() throws {
        guard exitURL.hasPrefix("https://") || exitURL.hasPrefix("http://"), !exitURL.contains("\""), !exitURL.contains(" ") else {
            throw ValidationError("--exit-url must be an http(s) address such as https://www.google.com/")
        }
        guard (1...365).contains(acknowledgeDays), (acknowledgeDays...730).contains(feedbackDays) else {
            throw ValidationError("--acknowledge-days must be 1 to 365, and --feedback-days at least that and at most 730")
        }
        guard organisation.allSatisfy({ !$0.isEmpty && $0.count <= 200 && TextRules.isAcceptable($0) }) else {
            throw ValidationError("--organisation must be a name of at most 200 printable characters")
        }
    }

    func run() async throws {
        // Before any secret, complaint or file exists in this process: no core dumps, not
        // dumpable, every file created owner-only (Docs/operations.md, "The data folder").
        try ProcessHardening.apply()
        LoggingSystem.bootstrap { PrivacyLogHandler(label: $0) }
        let logger = Logger(label: "safeintake")
        let statisticsBudget = try statistics.budget()
        let metrics = metricsPort.map { _ in DaemonMetrics() }
        let (deps, selection, guards) = try prepare(logger: logger, metrics: metrics)
        defer { selection.close() }
        let schedule = statisticsBudget.map { budget in
            StatisticsSchedule.start(StatisticsService(publisher: deps.audit, tallying: deps.intake.statistics), budget: budget, logger: logger)
        }
        defer { schedule?.cancel() }
        var listener: MetricsListener?
        if let metrics, let metricsPort {
            let gauges = OperationalGauges(store: selection.store, audit: deps.audit, work: deps.work, folder: URL(fileURLWithPath: data), sqlite: selection.isSQLite)
            listener = MetricsListener(host: metricsHost, port: metricsPort, metrics: metrics, gauges: { await gauges.read() })
        }
        try await runDaemon(deps, host: host, port: port, logger: logger, metrics: listener)
        await guards.shared?.shutdown()
        logger.info("SafeIntake stopped")
    }

    /// Opens the data folder and store, creating dev keys on a first start, and wires the services.
    private func prepare(logger: Logger, metrics: DaemonMetrics?) throws -> (ServerDependencies, StoreSelection, GuardSetup) {
        let (folder, wasEmpty) = try DataFolder.prepare(at: URL(fileURLWithPath: data))
        // Workers wait on fsync'd commits as well as compute, so there are more than cores; 4, 8
        // and 16 on 2 cores measured within noise of each other, 16 a little worse (Docs/benchmarks.md).
        let workers = max(1, self.workers ?? max(4, 2 * ProcessInfo.processInfo.activeProcessorCount))
        let selection = try StoreSelection.open(databaseURL: StoreSelection.databaseURL(option: database), folder: folder.url,
                                                connections: workers, logger: logger)
        let store = selection.store
        let signingKey = try folder.logSigningKey()
        let signer = try NoteSigner(name: Self.logOrigin(for: signingKey), keyPair: signingKey)
        try selection.bindSecrets(folder: folder, logVerifierKey: signer.encodedVerifierKey)
        // Dev keys only for a deployment that has no keys at all: a second daemon on a shared
        // database, started in an empty folder, must not register a second, unknown key set.
        if wasEmpty, try store.agencyKeys().isEmpty { try folder.createDevKeys() }
        // The key directory counts only as the operator signed it (the database alone cannot add a key).
        let operatorPublicKey = try folder.operatorPublicKey(file: operatorKey)
        let anchor = KeyDirectoryAnchor(store: store, operatorKey: operatorPublicKey)
        let help = try HelpDirectoryFiles.load(folder: folder.url.appendingPathComponent("help"), operatorKey: operatorPublicKey)
        let agency = AgencyService(store: store, anchor: anchor)
        try folder.registerDevKeys(with: agency, logger: logger)
        let policy = try loadPolicy()
        var intake = IntakeService(store: store, policy: policy,
                                   tokens: TokenHasher(pepper: try folder.tokenPepper(), cost: tokenCost.cost),
                                   routing: try loadRouting(folder: folder), limits: evidence.complaintLimits, anchor: anchor,
                                   deadlines: ResponseDeadlines(acknowledgeDays: acknowledgeDays, feedbackDays: feedbackDays),
                                   statistics: StatisticsTallying(regions: try folder.statisticsRegions(), localRandomisation: try statistics.localRandomisation()))
        // Attachments (issue 20) are read in the bubblewrap sandbox (scripts/install-deps installs its tools).
        intake.evidence = evidence.settings
        if let warning = evidence.startupWarning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let audit = AuditPublisher(store: store, signer: signer, memory: folder.signedHead)
        try audit.recordPolicy(hash: intake.policyHash, version: policy.version)
        _ = try audit.signedCheckpoint()  // refuses to start on a log edited or truncated since the last signed checkpoint
        logger.info("SafeIntake starting", metadata: [
            "libsodium": "\(Sodium.version)", "policy.sha256": "\(intake.policyHash)", "store": "\(selection.place)",
            "token.argon2id": "ops=\(tokenCost.cost.operations) mem=\(tokenCost.cost.memoryBytes / 1024)KiB",
        ])
        // Held answers need a floor before any real check has been timed: measured here.
        let statusTiming = try StatusTiming.calibrated { try intake.burnStatusCheckWork() }
        logger.info("status answers held", metadata: ["floor.ms": "\(statusTiming.floor.components.seconds * 1000 + statusTiming.floor.components.attoseconds / 1_000_000_000_000_000)"])
        // Caps, back-off and challenges: in memory on SQLite, shared through the database on PostgreSQL.
        let guards = try selection.guardSetup(policy: abuse.policy, folder: folder, logger: logger)
        let deps = ServerDependencies(intake: intake, agency: agency, caseWork: CaseWorkService(store: store, anchor: anchor),
                                      authenticator: AgencyAuthenticator(agency: agency, ledger: selection.challengeLedger), audit: audit,
                                      work: BlockingWork.start(threads: workers), limits: evidence.complaintLimits, exitURL: exitURL,
                                      service: ServiceDescription(organisationValues: organisation).with(help: help),
                                      formTokens: FormTokens(key: try folder.formTokenKey()),
                                      connections: ConnectionLimits(requestDeadlineSeconds: requestTimeout, maxConnections: maxConnections,
                                                                    uploadMinimumBytesPerSecond: evidence.uploadMinRate,
                                                                    uploadDeadlineCapSeconds: evidence.uploadTimeoutCap),
                                      abuse: AbuseGuard(policy: abuse.policy, state: guards.state, proofKey: guards.proofKey),
                                      statusTiming: statusTiming, metrics: metrics,
                                      // One thread: a photo's seconds of OCR never delay a status check, and one sandbox runs at a time.
                                      evidenceWork: BlockingWork.start(threads: 1))
        return (deps, selection, guards)
    }

    private func loadPolicy() throws -> FirewallPolicy {
        guard let policy else { return FirewallPolicy.makeDefault() }
        do {
            return try FirewallPolicy(json: [UInt8](Data(contentsOf: URL(fileURLWithPath: policy))))
        } catch let error as FirewallPolicyError {
            throw ValidationError("the firewall policy \(policy) is not valid: \(error)")
        }
    }

    private func loadRouting(folder: DataFolder) throws -> CaseRouting {
        let file = routing.map { URL(fileURLWithPath: $0) } ?? folder.url.appendingPathComponent("routing.json")
        guard routing != nil || FileManager.default.fileExists(atPath: file.path) else { return CaseRouting() }
        do {
            return try CaseRouting(json: Data(contentsOf: file))
        } catch let error as IntakeError {
            throw ValidationError("the routing file \(file.path) is not valid: \(error.message)")
        }
    }

    /// The log's origin (and key name): unique per log key, stable for a data folder.
    static func logOrigin(for key: SigningKeyPair) -> String {
        "safeintake.invalid/audit/" + Hex.encode(Array(SHA256.hash(key.publicKey).prefix(8)))
    }
}

/// The Argon2id cost of token verifiers.
struct TokenCostOptions: ParsableArguments {
    /// OWASP's first Argon2id recommendation: 19 MiB, 2 passes.
    static let defaultCost = PasswordHash.Cost(operations: 2, memoryBytes: 19 * 1024 * 1024)

    @Option(help: "Argon2id passes for token verifiers.") var argon2Ops: UInt64 = defaultCost.operations
    @Option(help: "Argon2id memory for token verifiers, in KiB.") var argon2MemKib: Int = defaultCost.memoryBytes / 1024

    var cost: PasswordHash.Cost { PasswordHash.Cost(operations: argon2Ops, memoryBytes: argon2MemKib * 1024) }

    func validate() throws {
        guard argon2Ops >= PasswordHash.Cost.minimum.operations, argon2MemKib * 1024 >= PasswordHash.Cost.minimum.memoryBytes else {
            throw ValidationError("the Argon2id cost is below libsodium's minimum (1 pass, 8 KiB)")
        }
    }
}
