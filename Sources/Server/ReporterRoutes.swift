import Envelope
import Foundation
import Hummingbird
import Intake
import ReporterGuards
import ReporterWeb
import Logging

/// `POST /v1/complaints` and `POST /v1/status` (../shared/CONTRACT.md). Nothing about the request —
/// address, headers, body — is logged; failures are logged by error type only.
struct ReporterRoutes: Sendable {
    let intake: IntakeService
    let work: BlockingWork
    let filing: FilingPipeline
    /// Signs receipts with the log key (issue 18 #11).
    let receipts: AuditPublisher
    let limits: ComplaintLimits
    let abuse: AbuseGuard
    let timing: StatusTiming

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/complaints") { request, context in
            await fileComplaint(request, logger: context.logger)
        }
        router.post("/v1/complaints/preview") { request, context in
            await previewComplaint(request, logger: context.logger)
        }
        router.post("/v1/status") { request, context in
            await checkStatus(request, logger: context.logger)
        }
    }

    func fileComplaint(_ request: Request, logger: Logger) async -> Response {
        if let refusal = request.refusalOfJSONPost { return refusal }
        if let refusal = await admit(request, logger: logger) { return refusal }
        do {
            let body = try await request.collectBody(limit: limits.maxBodyBytesWithAttachments)
            let complaint = try await work.run { [intake] in try intake.parse(body: body) }
            let filed = try await filing.file(complaint)
            await abuse.complaintFiled()
            var answer: [String: Any] = ["token": filed.token]
            // Only when she sent any, so the contract's answer stays exactly `{"token"}` otherwise.
            if !filed.evidence.isEmpty {
                answer["attachments"] = filed.evidence.enumerated().map { ["index": $0.offset, "outcome": $0.element.name] as [String: Any] }
            }
            return JSONResponse.make(.created, answer)
        } catch let error as IntakeError where error.code == .noRecipients {
            logger.error("complaint refused: no recipients registered for new cases")
            return JSONResponse.error(.serviceUnavailable, code: error.code.rawValue, message: error.message)
        } catch let error as IntakeError where error.code == .previewChanged {
            return JSONResponse.error(.conflict, code: error.code.rawValue, message: error.message)
        } catch let error as IntakeError {
            return Self.refusal(error)
        } catch {
            logger.error("complaint intake failed", metadata: ["error.type": "\(type(of: error))"])
            return JSONResponse.error(.internalServerError, code: "internal", message: "the complaint could not be stored; nothing was kept, please try again")
        }
    }

    /// The guard's answer to one more complaint (or preview): nil when admitted; 503 when the guard
    /// cannot decide (its shared state is unreachable), so that nothing is taken unguarded.
    private func admit(_ request: Request, logger: Logger) async -> Response? {
        let admission: AbuseGuard.IntakeAdmission
        do {
            admission = try await abuse.admitComplaint(proof: request.headers[JSONResponse.proofOfWorkHeader])
        } catch {
            return Self.guardUnavailable(error, logger: logger)
        }
        switch admission {
        case .admitted: return nil
        case let .proofOfWorkRequired(challenge, difficulty):
            return JSONResponse.proofOfWorkRequired(challenge: challenge, difficulty: difficulty)
        case let .slowDown(seconds):
            return JSONResponse.rateLimited(retryAfter: seconds)
        }
    }

    /// `POST /v1/complaints/preview`: the agency view the same body would produce, with its
    /// sentences, and nothing stored. It passes the same guard as filing and counts like a complaint.
    func previewComplaint(_ request: Request, logger: Logger) async -> Response {
        if let refusal = request.refusalOfJSONPost { return refusal }
        if let refusal = await admit(request, logger: logger) { return refusal }
        do {
            let body = try await request.collectBody(limit: limits.maxBodyBytes)
            let preview = try await work.run { [intake] in try intake.preview(body: body) }
            await abuse.complaintPreviewed()
            return JSONResponse.make(.ok, Self.previewObject(preview))
        } catch let error as IntakeError where error.code == .previewChanged {
            return JSONResponse.error(.conflict, code: error.code.rawValue, message: error.message)
        } catch let error as IntakeError {
            return JSONResponse.badRequest(error)
        } catch {
            logger.error("complaint preview failed", metadata: ["error.type": "\(type(of: error))"])
            return JSONResponse.error(.internalServerError, code: "internal", message: "the preview could not be made; nothing was kept, please try again")
        }
    }

    static func previewObject(_ preview: ComplaintPreview) -> [String: Any] {
        [
            "language": preview.language, "fields": preview.fields, "narrative": preview.narrative,
            "sentences": preview.sentences.sentences.map { ["id": $0.id, "text": $0.text, "removed": $0.removedWhole] as [String: Any] },
            "removed_parts": preview.removedParts, "dropped_fields": preview.droppedFields, "digest": preview.digest,
        ]
    }

    func checkStatus(_ request: Request, logger: Logger) async -> Response {
        if let refusal = request.refusalOfJSONPost { return refusal }
        do {
            let body = try await request.collectBody(limit: limits.maxBodyBytesWithAttachments)
            // Over the text limit, only a body carrying attachments is read (as for complaints).
            guard body.count <= Self.maxStatusBodyBytes || ComplaintParser.mentionsAttachments(body) else {
                throw IntakeError(.tooLarge, "the request body is larger than \(Self.maxStatusBodyBytes) bytes")
            }
            let object = try JSONBody.object(body, allowedKeys: ["token", "message", "visit", "receipt", "attachments", "language"])
            let receipt = try Self.receiptRequest(object["receipt"])
            let uploads = try intake.parseAttachments(object["attachments"])
            let continuing = object["visit"] != nil
            guard (object["token"] == nil) == continuing else {
                throw IntakeError(.invalidShape, "give \"token\" (the number she typed) or \"visit\" (from the last answer), not both")
            }
            let tokenValue = object["token"] ?? object["visit"]
            let reply = try Self.optionalMessage(object["message"])
            let tokenText = tokenValue as? String ?? ""
            let admittedAs = continuing ? "" : tokenText
            if case let .slowDown(seconds) = try await abuse.admitStatusCheck(tokenText: admittedAs) {
                return JSONResponse.rateLimited(retryAfter: seconds)
            }
            // Her evidence is read before the clock starts: the held time hides what the token check
            // found, and a photo's seconds would only blur it.
            let evidence = try await filing.screen(uploads, language: object["language"] as? String ?? "en")
            let start = ContinuousClock.now
            let answer = tokenValue is String ? try await work.run({ [intake] in
                continuing ? try intake.continueVisit(pass: tokenText, reply: reply, evidence: evidence)
                           : try intake.checkStatus(tokenText: tokenText, reply: reply, evidence: evidence)
            }) : nil
            if answer != nil {
                timing.recordSuccess(since: start)
                // Her own check leaves no trace in the back-off. Off the answer's path: a refund in
                // a shared database takes a round trip that only successes would wait for.
                Task { [abuse] in await abuse.statusCheckSucceeded(tokenText: admittedAs) }
            }
            let response = try answer.map { JSONResponse.paddedStatusAnswer(try statusObject($0, receipt: receipt)) } ?? JSONResponse.notFound()
            // Every outcome leaves at the same time after the start, whatever it was, ready to go.
            await timing.holdUntilTarget(since: start)
            return response
        } catch let error as IntakeError {
            return Self.refusal(error)
        } catch let error as AbuseGuard.Unavailable {
            return Self.guardUnavailable(error, logger: logger)
        } catch {
            logger.error("status check failed", metadata: ["error.type": "\(type(of: error))"])
            return JSONResponse.error(.internalServerError, code: "internal", message: "the status check failed; your token was not used, please try again")
        }
    }

    /// 503 for a request the guard could not decide on (Docs/abuse-resistance.md: it fails closed).
    static func guardUnavailable(_ error: any Error, logger: Logger) -> Response {
        logger.error("request refused: the guards' shared state is unreachable", metadata: ["error.type": "\(type(of: error))"])
        return JSONResponse.guardUnavailable(retryAfter: AbuseGuard.unavailableRetrySeconds)
    }

    /// A refused request's answer: its own status for what an attachment or the reader lacks,
    /// 400 for everything else (../shared/CONTRACT.md, sizes included).
    static func refusal(_ error: IntakeError) -> Response {
        switch error.code {
        case .attachmentsUnavailable: JSONResponse.error(.serviceUnavailable, code: error.code.rawValue, message: error.message)
        case .unsupportedAttachment: JSONResponse.error(.unsupportedMediaType, code: error.code.rawValue, message: error.message)
        case .malformedAttachment: JSONResponse.error(.unprocessableContent, code: error.code.rawValue, message: error.message)
        default: JSONResponse.badRequest(error)
        }
    }

    static let maxStatusBodyBytes = 4 * TextRules.maxMessageCharacters + 1024

    /// The JSON of a status answer (Docs/openapi.yaml): `messages` are the agency's, as
    /// ../shared/CONTRACT.md has them, each with its `day` (null if stored before days were kept);
    /// her own answers, which the pages show in one thread with them, come apart as `answers`;
    /// `outcome` only once the case is closed with one written for her.
    static func statusObject(_ answer: StatusAnswer) -> [String: Any] {
        let (hers, agency) = (answer.messages.filter { $0.from == "reporter" }, answer.messages.filter { $0.from != "reporter" })
        var object: [String: Any] = [
            "status": answer.state.contractValue, "next_token": answer.nextToken, "visit": answer.visitPass,
            "messages": agency.map { m -> [String: Any] in
                ["from": m.from, "kind": m.kind.rawValue, "text": m.text, "day": m.day ?? NSNull(), "new": m.isNew]
            },
            "answers": hers.map { m -> [String: Any] in ["text": m.text, "day": m.day ?? NSNull()] },
        ]
        if let outcome = answer.outcome { object["outcome"] = outcome }
        if let moved = answer.movedTo { object["moved"] = ["organisation": moved.organisation, "day": moved.day] }
        if answer.answerRefused { object["answer_refused"] = "case_transferred" }
        if let received = answer.receivedOn { object["received"] = received }
        if let by = answer.replyBy { object["reply_by"] = by }
        return object
    }

    /// The status answer, with a receipt signed now when she asked for one (never stored or logged).
    func statusObject(_ answer: StatusAnswer, receipt: ReceiptRequest?) throws -> [String: Any] {
        var object = Self.statusObject(answer)
        if !answer.evidence.isEmpty {
            object["attachments"] = answer.evidence.enumerated().map { ["index": $0.offset, "outcome": $0.element.name] as [String: Any] }
        }
        if let receipt, let facts = answer.receipt {
            object["receipt"] = try receipts.receipt(facts, namingEmployer: receipt == .namingEmployer)
        }
        return object
    }

    enum ReceiptRequest: String { case day, namingEmployer = "employer" }

    /// `receipt`: absent, null, `"day"` (the filing day only) or `"employer"` (and the employer she named).
    static func receiptRequest(_ value: Any?) throws -> ReceiptRequest? {
        guard let value, !(value is NSNull) else { return nil }
        guard let text = value as? String, let request = ReceiptRequest(rawValue: text) else {
            throw IntakeError(.invalidValue, "\"receipt\" must be \"day\" (the filing day only) or \"employer\" (also the employer you named)")
        }
        return request
    }

    /// The reporter's optional answer to the inspectors (absent, null or a string).
    static func optionalMessage(_ value: Any?) throws -> String? {
        guard let value, !(value is NSNull) else { return nil }
        guard let text = value as? String else {
            throw IntakeError(.invalidShape, "\"message\" must be a string")
        }
        return text
    }
}
