import Envelope
import Foundation
import Hummingbird
import Intake
import Logging
import ReporterGuards

/// The agency API, read side: challenges, the key directory, case lists and case files
/// (Docs/format.md §8, Docs/openapi.yaml). The server hands out ciphertext and the caller's own
/// key wraps; it never decrypts.
struct AgencyRoutes: Sendable {
    let agency: AgencyService
    let caseWork: CaseWorkService
    let gate: AgencyGate
    /// The daemon's guard: its global cap on challenges (Docs/abuse-resistance.md).
    let abuse: AbuseGuard

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/agency/challenge") { request, context in
            await challenge(request, logger: context.logger)
        }
        router.get("/v1/agency/keys") { request, context in
            await gate.handle(request, logger: context.logger) { _, _ in
                let keys = try await gate.work.run { [agency] in
                    try agency.directory().map { ($0, try agency.registration(of: $0.publicKey.keyID)) }
                }
                return JSONResponse.make(.ok, ["keys": keys.map { Self.describe($0.0, registration: $0.1) }])
            }
        }
        router.get("/v1/agency/cases") { request, context in
            await gate.handle(request, logger: context.logger) { key, _ in
                let cases = try await gate.work.run { [caseWork] in try caseWork.cases(for: key.keyID) }
                return JSONResponse.make(.ok, ["cases": cases.map {
                    ["case": $0.id.rawValue, "status": $0.state.rawValue, "duress": $0.duressFlagged, "day": $0.filedDay,
                     "last_activity": $0.lastActivityDay, "answers": $0.answerCount] as [String: Any]
                }])
            }
        }
        router.get("/v1/agency/cases/{case}/attachments/{attachment}") { request, context in
            await attachment(request, context: context)
        }
        router.get("/v1/agency/cases/{case}") { request, context in
            await gate.handle(request, logger: context.logger) { key, _ in
                let caseID = try CaseRequest.caseID(context)
                // The client's nonce for this fetch (covered by its signature, since the signed
                // path includes the query): logged in the release entry (Docs/format.md §8.1).
                let nonce = request.uri.queryParameters["release"].map(String.init)
                guard let file = try await gate.work.run({ [caseWork] in try caseWork.release(caseID, to: key.keyID, request: nonce) }) else {
                    throw CaseWorkError(.notFound, "no such case for this key")
                }
                return JSONResponse.make(.ok, Self.describe(file))
            }
        }
    }

    /// `GET /v1/agency/cases/{case}/attachments/{attachment}`: the sealed bytes, for a holder of
    /// the case; decrypted only on the inspector's machine with the key from the agency view.
    private func attachment(_ request: Request, context: BasicRequestContext) async -> Response {
        await gate.handle(request, logger: context.logger) { key, _ in
            let caseID = try CaseRequest.caseID(context)
            guard let id = context.parameters.get("attachment").flatMap(AttachmentID.init) else {
                throw CaseWorkError(.notFound, "no such attachment for this key")
            }
            guard let sealed = try await gate.work.run({ [caseWork] in try caseWork.attachment(id, of: caseID, for: key.keyID) }) else {
                throw CaseWorkError(.notFound, "no such attachment for this key")
            }
            return Response(status: .ok, headers: [.contentType: "application/octet-stream", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: sealed)))
        }
    }

    private func challenge(_ request: Request, logger: Logger) async -> Response {
        let admission: AbuseGuard.ChallengeAdmission
        do {
            admission = try await abuse.admitChallenge()
        } catch {
            return ReporterRoutes.guardUnavailable(error, logger: logger)
        }
        if case .slowDown(let seconds) = admission { return JSONResponse.rateLimited(retryAfter: seconds) }
        if let refusal = request.refusalOfJSONPost { return refusal }
        let keyID: String
        do {
            let object = try JSONBody.object(try await request.collectBody(limit: 1024), allowedKeys: ["key_id"])
            guard let named = object["key_id"] as? String, Self.isKeyID(named) else {
                throw IntakeError(.invalidShape, "\"key_id\" is required: 32 lowercase hexadecimal characters (Docs/format.md §5)")
            }
            keyID = named
        } catch let error as IntakeError {
            return JSONResponse.badRequest(error)
        } catch {
            return JSONResponse.error(.badRequest, code: "invalid_shape", message: "could not read the request")
        }
        // The ledger may be the shared database: a blocking call, made on the worker pool.
        do {
            let challenge = try await gate.work.run { [authenticator = gate.authenticator] in try authenticator.issueChallenge(for: keyID) }
            return JSONResponse.make(.ok, ["challenge": challenge])
        } catch {
            return ReporterRoutes.guardUnavailable(error, logger: logger)
        }
    }

    /// The shape of every key id (Docs/format.md §5). Checked on shape only, so the answer says
    /// nothing about which keys are registered.
    static func isKeyID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// A directory entry; `registration` is the operator's signed registration from the log, which
    /// clients verify against the operator key they pin (Docs/format.md §8).
    static func describe(_ key: RegisteredKey, registration: SignedKeyRegistration? = nil) -> [String: Any] {
        var object: [String: Any] = [
            "key_id": key.publicKey.keyID, "name": key.publicKey.name, "role": key.publicKey.role.rawValue, "team": key.team,
            "box_public_key": Base64.encode(key.publicKey.boxPublicKey), "sign_public_key": Base64.encode(key.publicKey.signPublicKey),
            "revoked": key.revoked,
        ]
        if let registration {
            object["registration"] = [
                "operator": registration.operatorID, "team": registration.registration.team,
                "receives_new_cases": registration.registration.receivesNewCases, "signature": Base64.encode(registration.signature),
            ] as [String: Any]
        }
        return object
    }

    /// The case file as JSON (Docs/format.md §8.1). `wrap` is the epoch-0 wrap, kept for readers of
    /// the first version of this answer.
    static func describe(_ file: CaseFile) -> [String: Any] {
        var object: [String: Any] = [
            "case": file.id.rawValue, "status": file.state.rawValue, "duress": file.duressFlagged, "epoch": file.epoch,
            "agency_view": Base64.encode(file.agencyView),
            "wraps": file.wraps.sorted { $0.key < $1.key }.map { ["epoch": $0.key, "wrap": Base64.encode($0.value)] as [String: Any] },
            "notes": file.notes.map { ["epoch": $0.epoch, "author": $0.author, "record": Base64.encode($0.record), "day": $0.day ?? NSNull()] as [String: Any] },
            "answers": file.answers.map(Base64.encode),
            "answer_days": file.answerDays.map { $0 ?? NSNull() as Any },
            "holders": file.holders,
            "release_entry": file.releaseEntryIndex,
        ]
        if let first = file.wraps[0] { object["wrap"] = Base64.encode(first) }
        if !file.transfers.isEmpty {
            object["transfers"] = file.transfers.map { record -> [String: Any] in
                var item: [String: Any] = ["direction": record.direction.rawValue, "statement": record.statement,
                                           "signature": Base64.encode(record.signature), "day": record.day]
                if let thread = record.thread { item["thread"] = Base64.encode(thread) }
                return item
            }
        }
        if let key = file.reporterPublicKey { object["reporter_public_key"] = Base64.encode(key) }
        return object
    }
}

/// Path parameters of case routes.
enum CaseRequest {
    static func caseID(_ context: BasicRequestContext) throws -> CaseID {
        guard let id = context.parameters.get("case").flatMap(CaseID.init) else {
            throw CaseWorkError(.notFound, "no such case for this key")
        }
        return id
    }
}
