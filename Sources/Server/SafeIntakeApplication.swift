import Hummingbird
import HummingbirdCore
import Intake
import ReporterGuards
import Logging
import NIOCore
import ReporterWeb

/// Everything the HTTP layer needs, built by the caller (the `serve` command or a test).
public struct ServerDependencies: Sendable {
    public let intake: IntakeService
    public let agency: AgencyService
    public let caseWork: CaseWorkService
    public let authenticator: AgencyAuthenticator
    public let audit: AuditPublisher
    public let work: BlockingWork
    /// Reads attachments (the sandbox, OCR): a pool of its own, so a photo never delays a status
    /// check (`FilingPipeline`); nil runs them on `work` (tests).
    public let evidenceWork: BlockingWork?
    public let limits: ComplaintLimits
    /// Where the reporter pages' quick-exit link goes (a neutral site).
    public let exitURL: String
    /// Who runs the service, for the reporter's start page.
    public let service: ServiceDescription
    /// The reporter pages' form tokens. Daemons behind one load balancer must share its key
    /// (`serve` derives it from `DIR/secrets/form-token.key`), or a form served by one is refused by another.
    public let formTokens: FormTokens
    public let connections: ConnectionLimits
    /// Rate limits and the proof of work; shared with any other route that files or checks (the web pages).
    public let abuse: AbuseGuard
    /// Holds status answers to the time a success takes; shared with any other route that checks tokens.
    public let statusTiming: StatusTiming
    /// Request counters and latencies for the metrics listener; nil when it is off.
    public let metrics: DaemonMetrics?

    public init(intake: IntakeService, agency: AgencyService, caseWork: CaseWorkService, authenticator: AgencyAuthenticator,
                audit: AuditPublisher, work: BlockingWork, limits: ComplaintLimits = ComplaintLimits(),
                exitURL: String = ReporterWeb.defaultExitURL, service: ServiceDescription = ServiceDescription(),
                formTokens: FormTokens = FormTokens(),
                connections: ConnectionLimits = ConnectionLimits(), abuse: AbuseGuard = AbuseGuard(),
                statusTiming: StatusTiming = StatusTiming(), metrics: DaemonMetrics? = nil, evidenceWork: BlockingWork? = nil) {
        self.evidenceWork = evidenceWork
        self.intake = intake
        self.agency = agency
        self.caseWork = caseWork
        self.authenticator = authenticator
        self.audit = audit
        self.work = work
        self.limits = limits
        self.exitURL = exitURL
        self.service = service
        self.formTokens = formTokens
        self.connections = connections
        self.abuse = abuse
        self.statusTiming = statusTiming
        self.metrics = metrics
    }
}

/// Builds the router with every route of the public API and the reporter's pages (Docs/openapi.yaml).
public func buildRouter(_ deps: ServerDependencies) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    if let metrics = deps.metrics { router.add(middleware: MetricsMiddleware(metrics: metrics)) }
    // The pages and the JSON API share one guard and one timing: one budget per daemon.
    ReporterWeb(intake: deps.intake, runner: deps.work, abuse: deps.abuse, timing: deps.statusTiming,
                limits: deps.limits, tokens: deps.formTokens, exitURL: deps.exitURL, service: deps.service,
                evidenceRunner: deps.evidenceWork, receipts: deps.audit).add(to: router)
    let filing = FilingPipeline(intake: deps.intake, runner: deps.work, evidenceRunner: deps.evidenceWork)
    ReporterRoutes(intake: deps.intake, work: deps.work, filing: filing, receipts: deps.audit, limits: deps.limits, abuse: deps.abuse,
                   timing: deps.statusTiming).add(to: router)
    let gate = AgencyGate(authenticator: deps.authenticator, work: deps.work)
    AgencyRoutes(agency: deps.agency, caseWork: deps.caseWork, gate: gate, abuse: deps.abuse).add(to: router)
    CaseWorkRoutes(caseWork: deps.caseWork, gate: gate, intake: deps.intake).add(to: router)
    AuditRoutes(audit: deps.audit, work: deps.work, abuse: deps.abuse).add(to: router)
    StatisticsRoutes(statistics: StatisticsService(publisher: deps.audit, tallying: deps.intake.statistics),
                     work: deps.work, abuse: deps.abuse).add(to: router)
    // Last, so that it wraps only requests no route matched.
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes.map { ($0.path.description, $0.method) }))
    return router
}

/// Builds the application listening on `host:port`. No request logging: the daemon never records
/// who connected, from where, with what browser, or when exactly.
public func buildApplication(_ deps: ServerDependencies, host: String, port: Int, logger: Logger,
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
    let deadline = TimeAmount.seconds(deps.connections.requestDeadlineSeconds)
    return Application(
        router: buildRouter(deps),
        server: .http1(configuration: .init(additionalChannelHandlers: [
            RequestDeadlineHandler(limit: deadline, minimumRate: deps.connections.uploadMinimumBytesPerSecond,
                                   cap: .seconds(deps.connections.uploadDeadlineCapSeconds)),
        ])),
        configuration: .init(address: .hostname(host, port: port), serverName: nil,
                             availableConnectionsDelegate: MaximumAvailableConnections(deps.connections.maxConnections)),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger)
}

/// Runs the daemon until SIGTERM or SIGINT, then drains in-flight requests and stops the worker pool.
/// With `metrics`, the metrics listener runs beside it and stops with it.
public func runDaemon(_ deps: ServerDependencies, host: String, port: Int, logger: Logger, metrics: MetricsListener? = nil) async throws {
    let app = buildApplication(deps, host: host, port: port, logger: logger) { actualPort in
        logger.info("SafeIntake ready", metadata: ["listening": "\(host):\(actualPort)"])
    }
    if let metrics {
        let metricsApp = metrics.application(logger: logger) { actualPort in
            logger.info("metrics ready", metadata: ["listening": "\(metrics.host):\(actualPort)"])
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await metricsApp.runService(gracefulShutdownSignals: [])
                } catch is CancellationError {
                } catch {
                    logger.error("the metrics listener stopped; the daemon keeps serving", metadata: ["error": "\(error)"])
                }
            }
            try await app.runService()
            group.cancelAll()
        }
    } else {
        try await app.runService()
    }
    // Sign the final state, so that nothing appended since the last request for a checkpoint can be
    // dropped from the stored log without the separation audit noticing.
    let audit = deps.audit
    _ = try await deps.work.run { try audit.signedCheckpoint() }
    try await deps.work.shutdown()
    try await deps.evidenceWork?.shutdown()
}
