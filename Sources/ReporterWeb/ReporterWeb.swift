import HTTPTypes
import Hummingbird
import Intake
import Logging
import NIOCore
import ReporterGuards

/// The reporter's web pages at `/`: language choice, complaint form, token page, status page
/// with messages and a reply box. Server-rendered HTML that works with no JavaScript (Tor
/// Browser at its safest level, a basic phone browser).
///
/// Safe on a shared phone: every form is POST, so no token or case data reaches a URL or the
/// history; no cookies at all (forms carry a stateless `FormTokens` token instead); the title is
/// the same neutral word on every page; a quick-exit link is the first thing on every page.
/// Nothing about a request is logged but the type of an unexpected error.
///
/// Filing and status checks go through the daemon's one `AbuseGuard` and `StatusTiming`, the same
/// instances as the JSON API's (one budget, Docs/abuse-resistance.md). A page cannot
/// solve a proof of work, so when the guard asks for one, or the global cap is reached, the answer is
/// 503 with `Retry-After` and the reporter's form again, with her words, and nothing stored.
public struct ReporterWeb: Sendable {
    /// What the busy page asks for when intake demands a proof of work: "try again in a minute".
    static let busyRetrySeconds = 60

    /// Where the quick exit goes: an ordinary site that says nothing about why someone was here.
    public static let defaultExitURL = "https://www.google.com/"

    let actions: ReporterActions
    let limits: ComplaintLimits
    let catalog: Catalog
    let tokens: FormTokens
    let ledger = NonceLedger()
    let assets: StaticAssets
    let exitURL: String
    let service: ServiceDescription
    let abuse: AbuseGuard
    let timing: StatusTiming
    /// Signs her receipts with the log key (issue 18 #11); nil: no receipts on the pages.
    let receipts: AuditPublisher?

    /// `abuse` and `timing` must be the daemon's shared instances (`ServerDependencies`), never new
    /// ones: a second guard would be a second budget.
    public init(intake: IntakeService, runner: any BlockingRunner, abuse: AbuseGuard, timing: StatusTiming,
                limits: ComplaintLimits = ComplaintLimits(), catalog: Catalog = .shipped, tokens: FormTokens = FormTokens(),
                exitURL: String = ReporterWeb.defaultExitURL, service: ServiceDescription = ServiceDescription(),
                evidenceRunner: (any BlockingRunner)? = nil, receipts: AuditPublisher? = nil) {
        self.receipts = receipts
        self.service = service
        self.actions = ReporterActions(intake: intake, runner: runner,
                                       filing: FilingPipeline(intake: intake, runner: runner, evidenceRunner: evidenceRunner))
        self.abuse = abuse
        self.timing = timing
        self.limits = limits
        self.catalog = catalog
        self.tokens = tokens
        self.assets = .shipped
        self.exitURL = exitURL
    }

    public func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            guard let page = page(for: request) else { return languageChoice() }
            return HTMLResponse.page(.ok, page.menu())
        }
        router.get("/new") { request, _ in
            guard let page = page(for: request) else { return languageChoice() }
            return HTMLResponse.page(.ok, page.complaintForm(formToken: tokens.issue(for: .complaint)))
        }
        router.get("/check") { request, _ in
            guard let page = page(for: request) else { return languageChoice() }
            return HTMLResponse.page(.ok, page.checkForm(formToken: tokens.issue(for: .status)))
        }
        router.post("/new") { request, context in
            await fileComplaint(request, logger: context.logger)
        }
        router.post("/check") { request, context in
            await checkStatus(request, logger: context.logger)
        }
        router.get(RouterPath(StaticAssets.stylesheetPath)) { _, _ in
            HTMLResponse.asset(assets.stylesheet, contentType: "text/css; charset=utf-8")
        }
        router.get(RouterPath(StaticAssets.scriptPath)) { _, _ in
            HTMLResponse.asset(assets.script, contentType: "text/javascript; charset=utf-8")
        }
    }

    // MARK: - Pages without a form sent

    private func page(for request: Request) -> Page? {
        request.uri.queryParameters[Substring(PageFields.language)].flatMap { catalog.language(String($0)) }.map(page)
    }

    func page(_ language: UILanguage) -> Page {
        Page(language: language, exitURL: exitURL, service: service, deadlines: actions.intake.deadlines,
             help: service.help[language.code], limits: limits)
    }

    private var fallbackPage: Page {
        page(catalog.language("en") ?? catalog.languages[0])
    }

    private func languageChoice() -> Response {
        HTMLResponse.page(.ok, Page.languageChoice(catalog, exitURL: exitURL))
    }

    // MARK: - POST /new

    /// The complaint form goes to the preview (nothing stored); the preview's buttons send it back
    /// with `step`: `edit` for the form again with her words, `send` to file it.
    private func fileComplaint(_ request: Request, logger: Logger) async -> Response {
        let form: SentForm
        switch await readForm(request, accepted: ComplaintForm.acceptedNames, repeatable: ComplaintForm.repeatableNames, purpose: .complaint,
                              files: ComplaintForm.evidence) {
        case .refused(let response): return response
        case .read(let sent): form = sent
        }
        let sentStep = form.body[PageFields.step]
        guard let step = sentStep.isEmpty ? .preview : ComplaintForm.Step(rawValue: sentStep) else {
            return HTMLResponse.page(.badRequest, form.page.problemPage(Problem(.errorBadRequest)))
        }
        switch step {
        case .edit:
            // `checkedComplaint` answers an expired form token with the form, her words and a fresh
            // token, and answers the preview would not have taken (a page changed by hand) with the
            // form and the problem. Otherwise the form with the same token: a form sent once stays
            // sent however she got back to it.
            let answers = ComplaintForm.Answers(form.body)
            if case .refused(let response) = checkedComplaint(form, answers: answers) { return response }
            return HTMLResponse.page(.ok, form.page.complaintForm(formToken: form.body[PageFields.formToken], answers: answers))
        case .preview:
            return await previewComplaint(form, logger: logger)
        case .send:
            return await sendComplaint(form, logger: logger)
        }
    }

    /// The preview: the firewall's result on her words, with nothing stored and the form token not
    /// used. It passes the guard like a complaint and counts like one (Docs/abuse-resistance.md).
    private func previewComplaint(_ form: SentForm, logger: Logger) async -> Response {
        let answers = ComplaintForm.Answers(form.body)
        switch checkedComplaint(form, answers: answers) {
        case .refused(let response): return response
        case .read(let complaint):
            if let busy = await busyFiling(form, answers: answers, ticked: ComplaintForm.Choice(form.body).remove, logger: logger) { return busy }
            do {
                let preview = try await actions.preview(complaint)
                await abuse.complaintPreviewed()
                // Files too many or too large on a body cut before its button: she hears of it here.
                let tooLarge = form.evidenceTooLarge ? ReporterActions.attachmentTooLarge : nil
                return HTMLResponse.page(tooLarge?.0 ?? .ok, form.page.previewPage(
                    preview, answers: answers, choice: ComplaintForm.Choice(form.body), formToken: form.body[PageFields.formToken],
                    problem: tooLarge?.1))
            } catch {
                return complaintFailed(error, form: form, logger: logger)
            }
        }
    }

    /// "Send" on the preview: her words from the hidden fields go through the firewall again here
    /// (a redacted text from the page is never trusted), then the sentences she ticked go too.
    /// Nothing is lost on a refusal: one made before any work (an expired form token, a busy daemon)
    /// answers cheaply with the form, her words and her ticks in it; a stale preview shows the
    /// preview again with her ticks.
    private func sendComplaint(_ form: SentForm, logger: Logger) async -> Response {
        let answers = ComplaintForm.Answers(form.body)
        let choice = ComplaintForm.Choice(form.body)
        guard form.tokenValid else {
            return HTMLResponse.page(.forbidden, form.page.complaintForm(
                formToken: tokens.issue(for: .complaint), answers: answers, problem: Problem(.errorExpired), ticked: choice.remove))
        }
        var complaint: Complaint
        switch ComplaintForm.complaint(from: answers, language: form.page.language.code, limits: limits) {
        case .failure(let problem):
            return HTMLResponse.page(.badRequest, form.page.complaintForm(
                formToken: form.body[PageFields.formToken], answers: answers, problem: problem))
        case .success(let checked): complaint = checked
        }
        let unchosen = complaint
        complaint.removeSentences = choice.remove
        complaint.previewDigest = choice.digest.isEmpty ? nil : choice.digest
        complaint.evidence = form.evidence
        // Busy: the form, cheap to make (no firewall run while the daemon is at its limits).
        if let busy = await busyFiling(form, answers: answers, ticked: choice.remove, logger: logger) { return busy }
        if form.evidenceTooLarge {
            let (status, problem) = ReporterActions.attachmentTooLarge
            return await previewAgain(form, complaint: unchosen, status: status, problem: problem, logger: logger)
        }
        guard form.claim(ledger, currentHour: tokens.currentHour()) else {
            // Sent already: someone pressed Back and sent it again. The empty start page, saying
            // nothing, so a person looking at her phone later learns nothing (issue 18 #13).
            return HTMLResponse.page(.ok, form.page.menu())
        }
        do {
            let filed = try await actions.file(complaint)
            await abuse.complaintFiled()
            return HTMLResponse.page(.ok, form.page.tokenPage(token: filed.token, duressSet: complaint.duressCode != nil,
                                                              evidence: filed.evidence))
        } catch {
            form.release(ledger)
            if Self.isStalePreview(error, choice: choice) {
                return await previewAgain(form, complaint: unchosen, status: .conflict, problem: Problem(.errorPreviewChanged), logger: logger)
            }
            if Self.isAttachmentProblem(error) {
                // Her words stay; the files she must choose again (or send without).
                let (status, problem) = ReporterActions.problem(for: error, checking: false)
                return await previewAgain(form, complaint: unchosen, status: status, problem: problem, logger: logger)
            }
            return complaintFailed(error, form: form, logger: logger)
        }
    }

    /// The firewall no longer gives the sentences she ticked on (a new policy since, or a page
    /// changed by hand): she must look again before anything goes.
    private static func isStalePreview(_ error: any Error, choice: ComplaintForm.Choice) -> Bool {
        guard let error = error as? IntakeError else { return false }
        return error.code == .previewChanged || (error.code == .invalidValue && !choice.remove.isEmpty)
    }

    /// An attachment the reader refused or could not read: nothing stored, the preview again.
    private static func isAttachmentProblem(_ error: any Error) -> Bool {
        guard let error = error as? IntakeError else { return false }
        return [.attachmentTooLarge, .unsupportedAttachment, .malformedAttachment, .attachmentsUnavailable].contains(error.code)
    }

    /// The preview again (after the guard admitted the send), from her words in the form, with her
    /// ticks and `problem` on top; the form with her words when even that cannot be made.
    private func previewAgain(_ form: SentForm, complaint: Complaint, status: HTTPResponse.Status, problem: Problem,
                              logger: Logger) async -> Response {
        do {
            let preview = try await actions.preview(complaint)
            return HTMLResponse.page(status, form.page.previewPage(preview, answers: ComplaintForm.Answers(form.body), choice: ComplaintForm.Choice(form.body),
                                                                   formToken: form.body[PageFields.formToken], problem: problem))
        } catch {
            return complaintFailed(error, form: form, logger: logger)
        }
    }

    /// The form token and the answers, checked: the form again with her words and the problem if not.
    private func checkedComplaint(_ form: SentForm, answers: ComplaintForm.Answers) -> Outcome<Complaint> {
        guard form.tokenValid else {
            return .refused(HTMLResponse.page(.forbidden, form.page.complaintForm(
                formToken: tokens.issue(for: .complaint), answers: answers, problem: Problem(.errorExpired),
                ticked: ComplaintForm.Choice(form.body).remove)))
        }
        switch ComplaintForm.complaint(from: answers, language: form.page.language.code, limits: limits) {
        case .failure(let problem):
            return .refused(HTMLResponse.page(.badRequest, form.page.complaintForm(
                formToken: tokens.issue(for: .complaint), answers: answers, problem: problem)))
        case .success(let complaint):
            return .read(complaint)
        }
    }

    /// Asks the guard about one more complaint; the busy page if it says no. No proof of work can be
    /// sent from a page, so one demanded means busy too; so does a guard that cannot decide (its
    /// shared state unreachable: it fails closed). The form is not claimed: nothing is stored.
    private func busyFiling(_ form: SentForm, answers: ComplaintForm.Answers, ticked: Set<Int> = [], logger: Logger) async -> Response? {
        let retryAfter: Int
        do {
            switch try await abuse.admitComplaint(proof: nil) {
            case .admitted: return nil
            case .proofOfWorkRequired: retryAfter = Self.busyRetrySeconds
            case .slowDown(let seconds): retryAfter = seconds
            }
        } catch {
            logger.error("complaint form refused: the guards' shared state is unreachable", metadata: ["error.type": "\(type(of: error))"])
            retryAfter = AbuseGuard.unavailableRetrySeconds
        }
        return HTMLResponse.busy(retryAfter: retryAfter, form.page.complaintForm(
            formToken: tokens.issue(for: .complaint), answers: answers, problem: Problem(.errorBusyFiling), ticked: ticked))
    }

    private func complaintFailed(_ error: any Error, form: SentForm, logger: Logger) -> Response {
        let (status, problem) = ReporterActions.problem(for: error, checking: false)
        if status == .internalServerError || status == .serviceUnavailable {
            logger.error("complaint from the web form not stored", metadata: ["error.type": "\(type(of: error))"])
        }
        return HTMLResponse.page(status, form.page.complaintForm(
            formToken: tokens.issue(for: .complaint), answers: ComplaintForm.Answers(form.body), problem: problem))
    }

    // MARK: - POST /check

    private static let checkNames: Set<String> = [PageFields.language, PageFields.formToken, PageFields.statusToken, PageFields.reply,
                                                  PageFields.visit, PageFields.receipt]

    private func checkStatus(_ request: Request, logger: Logger) async -> Response {
        let form: SentForm
        switch await readForm(request, accepted: Self.checkNames, purpose: .status, files: ComplaintForm.evidence) {
        case .refused(let response): return response
        case .read(let sent): form = sent
        }
        let reply: String
        switch prepareCheck(form) {
        case .refused(let response): return response
        case .read(let text): reply = text
        }
        let typed = form.body[PageFields.statusToken]
        let visit = form.body[PageFields.visit]
        if visit.isEmpty && DuressCode.parseEntry(typed) == nil && StatusToken.isMistyped(typed) {
            // A property of what she typed, not of the database: safe to say, and her text stays.
            return HTMLResponse.page(.badRequest, form.page.checkForm(
                formToken: tokens.issue(for: .status), typed: typed, reply: form.body[PageFields.reply], problem: Problem(.errorCheckNumber)))
        }
        // The global cap refuses (the same for every token, so it tells nothing); the locator's
        // back-off only waits, inside `admitStatusCheck`.
        let admission: AbuseGuard.StatusAdmission
        do {
            admission = try await abuse.admitStatusCheck(tokenText: visit.isEmpty ? typed : "")
        } catch {
            // It fails closed: the busy page, her number not used.
            logger.error("status check refused: the guards' shared state is unreachable", metadata: ["error.type": "\(type(of: error))"])
            admission = .slowDown(retryAfterSeconds: AbuseGuard.unavailableRetrySeconds)
        }
        if case .slowDown(let seconds) = admission {
            return HTMLResponse.busy(retryAfter: seconds, form.page.checkForm(
                formToken: tokens.issue(for: .status), typed: typed, reply: form.body[PageFields.reply], problem: Problem(.errorBusyChecking)))
        }
        // Files she sends with her answer are read before the clock starts (the held time hides
        // what the token check found; a photo's seconds would only blur it). A problem with one
        // spends nothing and gives her words back.
        let evidence: [ScreenedEvidence]
        do {
            guard !form.evidenceTooLarge else {
                let (status, problem) = ReporterActions.attachmentTooLarge
                return HTMLResponse.page(status, form.page.checkForm(formToken: tokens.issue(for: .status), typed: typed,
                                                                     reply: form.body[PageFields.reply], problem: problem))
            }
            evidence = try await actions.filing.screen(form.evidence, language: form.page.language.code)
        } catch {
            let (status, problem) = ReporterActions.problem(for: error, checking: true)
            return HTMLResponse.page(status, form.page.checkForm(formToken: tokens.issue(for: .status), typed: typed,
                                                                 reply: form.body[PageFields.reply], problem: problem))
        }
        let start = ContinuousClock.now
        let response = visit.isEmpty ? await checkedPage(form, typed: typed, reply: reply, evidence: evidence, logger: logger, start: start)
                                     : await visitPage(form, pass: visit, reply: reply, evidence: evidence, logger: logger, start: start)
        // Every outcome leaves at the same time after the start, whatever it was, ready to go.
        await timing.holdUntilTarget(since: start)
        return response
    }

    /// The answer to an admitted check, padded to the one size of every status answer: news, no
    /// news (a duress entry looks the same), or not found (spent, unknown, malformed).
    private func checkedPage(_ form: SentForm, typed: String, reply: String, evidence: [ScreenedEvidence], logger: Logger,
                             start: ContinuousClock.Instant) async -> Response {
        do {
            guard let answer = try await actions.check(token: typed, reply: reply.isEmpty ? nil : reply, evidence: evidence) else {
                return HTMLResponse.paddedPage(.notFound, form.page.checkForm(formToken: tokens.issue(for: .status), problem: Problem(.errorNotFound)))
            }
            timing.recordSuccess(since: start)
            // Her own check leaves no trace in the back-off. Off the answer's path: a refund in a
            // shared database takes a round trip that only successes would wait for.
            Task { [abuse] in await abuse.statusCheckSucceeded(tokenText: typed) }
            return HTMLResponse.paddedPage(.ok, form.page.statusPage(answer, formToken: tokens.issue(for: .status), replySent: !reply.isEmpty,
                                                                     offersReceipt: receipts != nil))
        } catch {
            return checkFailed(error, form: form, logger: logger)
        }
    }

    /// A visit going on (`VisitPass`): the thread again, with her answer if she wrote one, and the
    /// same number to leave with. A pass that no longer opens asks for the number again; what she
    /// was writing comes back in the box.
    private func visitPage(_ form: SentForm, pass: String, reply: String, evidence: [ScreenedEvidence], logger: Logger,
                           start: ContinuousClock.Instant) async -> Response {
        do {
            guard let answer = try await actions.continueVisit(pass: pass, reply: reply.isEmpty ? nil : reply, evidence: evidence) else {
                return HTMLResponse.paddedPage(.notFound, form.page.checkForm(formToken: tokens.issue(for: .status), reply: reply,
                                                                               problem: Problem(.errorVisitEnded)))
            }
            timing.recordSuccess(since: start)
            let receipt = try self.receipt(for: answer, asked: form.body[PageFields.receipt])
            return HTMLResponse.paddedPage(.ok, form.page.statusPage(answer, formToken: tokens.issue(for: .status), replySent: !reply.isEmpty,
                                                                     receipt: receipt, offersReceipt: receipts != nil))
        } catch {
            return checkFailed(error, form: form, logger: logger)
        }
    }

    /// The receipt she asked for on this visit (`day`, or `employer` to name the employer she
    /// named), signed now and never stored (`ComplaintReceipt`); nil when she asked for none.
    private func receipt(for answer: StatusAnswer, asked: String) throws -> String? {
        guard let receipts, let facts = answer.receipt, asked == "day" || asked == "employer" else { return nil }
        return try receipts.receipt(facts, namingEmployer: asked == "employer")
    }

    /// Checks the form token and the reply's text before the token is spent.
    private func prepareCheck(_ form: SentForm) -> Outcome<String> {
        guard form.tokenValid else {
            return .refused(HTMLResponse.page(.forbidden, form.page.checkForm(formToken: tokens.issue(for: .status), problem: Problem(.errorExpired))))
        }
        let reply = form.body[PageFields.reply].trimmingWhitespace()
        guard reply.unicodeScalars.count <= TextRules.maxMessageCharacters else {
            return .refused(HTMLResponse.page(.badRequest, form.page.checkForm(formToken: tokens.issue(for: .status), problem: Problem(.errorTooLong))))
        }
        guard TextRules.isAcceptable(reply) else {
            return .refused(HTMLResponse.page(.badRequest, form.page.checkForm(formToken: tokens.issue(for: .status), problem: Problem(.errorInvalidText))))
        }
        return .read(reply)
    }

    private func checkFailed(_ error: any Error, form: SentForm, logger: Logger) -> Response {
        let (status, problem) = ReporterActions.problem(for: error, checking: true)
        if status == .internalServerError {
            logger.error("status check from the web form failed", metadata: ["error.type": "\(type(of: error))"])
        }
        return HTMLResponse.paddedPage(status, form.page.checkForm(formToken: tokens.issue(for: .status), problem: problem))
    }

    // MARK: - Reading a sent form

    /// Either what the caller needs next, or the response that already answers the request.
    enum Outcome<Value> {
        case read(Value)
        case refused(Response)
    }

    /// A decoded form with the page in its language and what its form token said.
    struct SentForm {
        let body: FormBody
        let page: Page
        let verdict: FormTokens.Verdict
        /// The files sent with the preview's Send (multipart only; none from any other form).
        var evidence: [UploadedEvidence] = []
        /// A file too many or too large: she is told on the preview, with her words, and nothing is filed.
        var evidenceTooLarge = false

        var tokenValid: Bool {
            if case .valid = verdict { return true }
            return false
        }

        func claim(_ ledger: NonceLedger, currentHour: UInt32) -> Bool {
            guard case .valid(let nonce, let expiry) = verdict else { return false }
            return ledger.claim(nonce, expiry: expiry, currentHour: currentHour)
        }

        func release(_ ledger: NonceLedger) {
            if case .valid(let nonce, let expiry) = verdict { ledger.release(nonce, expiry: expiry) }
        }
    }

    /// Reads the body within limits, decodes it, and refuses requests from other sites. With
    /// `files`, a `multipart/form-data` body is read too (the preview's form, `MultipartForm`).
    private func readForm(_ request: Request, accepted: Set<String>, repeatable: Set<String> = [],
                          purpose: FormTokens.Purpose, files: String? = nil) async -> Outcome<SentForm> {
        if let files, let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) {
            return await readMultipart(request, boundary: boundary, fileName: files, accepted: accepted, repeatable: repeatable,
                                       purpose: purpose)
        }
        let bytes: [UInt8]
        do {
            // Percent-encoding can triple every byte; the decoded text is checked against the
            // intake's own limits afterwards.
            var buffer = try await request.body.collect(upTo: 3 * limits.maxBodyBytes)
            bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            return .refused(HTMLResponse.page(.contentTooLarge, fallbackPage.problemPage(Problem(.errorTooLong))))
        }
        return decodeForm(bytes, headers: request.headers, authority: request.head.authority, accepted: accepted,
                          repeatable: repeatable, purpose: purpose)
    }

    /// A multipart body, read as it arrives: her words by `FormBody`'s rules, the files kept within
    /// `ComplaintLimits` (past them dropped and remembered as a problem to tell her).
    private func readMultipart(_ request: Request, boundary: String, fileName: String, accepted: Set<String>,
                               repeatable: Set<String>, purpose: FormTokens.Purpose) async -> Outcome<SentForm> {
        let reader = MultipartForm.Reader(boundary: boundary, fileName: fileName, accepted: accepted, repeatable: repeatable,
                                          limits: MultipartForm.Limits(limits))
        let form: MultipartForm
        do {
            for try await buffer in request.body {
                guard try reader.feed(buffer) else { break }
            }
            form = try reader.finish()
        } catch {
            return .refused(multipartRefused(error))
        }
        switch checkedForm(form.body, headers: request.headers, authority: request.head.authority, purpose: purpose) {
        case .refused(let response): return .refused(response)
        case .read(var sent):
            sent.evidence = form.files
            sent.evidenceTooLarge = form.tooLarge
            return .read(sent)
        }
    }

    /// A body that is not multipart a browser sends (400), or words over the text limit (413).
    /// Synchronous on purpose: typed `catch` clauses in async functions have crashed this compiler.
    private func multipartRefused(_ error: any Error) -> Response {
        if let failure = error as? MultipartForm.Failure, failure == .textTooLarge {
            return HTMLResponse.page(.contentTooLarge, fallbackPage.problemPage(Problem(.errorTooLong)))
        }
        return HTMLResponse.page(.badRequest, fallbackPage.problemPage(Problem(.errorBadRequest)))
    }

    private func decodeForm(_ bytes: [UInt8], headers: HTTPFields, authority: String?, accepted: Set<String>,
                            repeatable: Set<String>, purpose: FormTokens.Purpose) -> Outcome<SentForm> {
        let isForm = headers[.contentType].map { $0.lowercased().hasPrefix("application/x-www-form-urlencoded") } ?? false
        guard isForm, let body = try? FormBody(decoding: bytes, accepted: accepted, repeatable: repeatable) else {
            return .refused(HTMLResponse.page(.badRequest, fallbackPage.problemPage(Problem(.errorBadRequest))))
        }
        return checkedForm(body, headers: headers, authority: authority, purpose: purpose)
    }

    /// The page in the form's language, the origin checked, the form token read.
    private func checkedForm(_ body: FormBody, headers: HTTPFields, authority: String?, purpose: FormTokens.Purpose) -> Outcome<SentForm> {
        let page = catalog.language(body[PageFields.language]).map(page) ?? fallbackPage
        guard RequestOrigin.isSameSite(headers, authority: authority) else {
            return .refused(HTMLResponse.page(.forbidden, page.problemPage(Problem(.errorRefused))))
        }
        return .read(SentForm(body: body, page: page, verdict: tokens.check(body[PageFields.formToken], for: purpose)))
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
