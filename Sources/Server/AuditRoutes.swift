import AuditLog
import Envelope
import Hummingbird
import Intake
import ReporterGuards

/// The auditor's read-only endpoints (../shared/CONTRACT.md): log key, checkpoint, entries, proofs.
/// They expose only what the log holds: ids, hashes, days and hours, never complaint content.
///
/// Every one goes through the audit cap first (`AbuseGuard.admitAudit`, then at most
/// `auditConcurrency` at once): they run on the worker threads intake needs, and before the cap a
/// flood of them raised complaint latency thirty-fold (security review 2026-12, F9).
struct AuditRoutes: Sendable {
    let audit: AuditPublisher
    let work: BlockingWork
    let abuse: AbuseGuard

    func add(to router: Router<BasicRequestContext>) {
        router.get("/v1/audit/log-key") { _, _ in
            await capped { plainText(audit.verifierKey + "\n") }
        }
        router.get("/v1/audit/checkpoint") { _, _ in
            await answer { plainText(try await work.run { [audit] in try audit.signedCheckpoint() }) }
        }
        router.get("/v1/audit/entries") { request, _ in
            await answer {
                let (start, end) = (try number(request, "start"), try number(request, "end"))
                let entries = try await work.run { [audit] in try audit.entries(start: start, end: end) }
                return JSONResponse.make(.ok, ["entries": entries.map { ["index": $0.index, "data": Base64.encode($0.data)] }])
            }
        }
        router.get("/v1/audit/proof/inclusion") { request, _ in
            await answer {
                let (index, size) = (try number(request, "index"), try number(request, "size"))
                let proof = try await work.run { [audit] in try audit.inclusionProof(index: index, size: size) }
                return JSONResponse.make(.ok, ["index": index, "size": size, "proof": proof.map(Base64.encode)])
            }
        }
        router.get("/v1/audit/proof/consistency") { request, _ in
            await answer {
                let (from, to) = (try number(request, "from"), try number(request, "to"))
                let proof = try await work.run { [audit] in try audit.consistencyProof(from: from, to: to) }
                return JSONResponse.make(.ok, ["from": from, "to": to, "proof": proof.map(Base64.encode)])
            }
        }
    }

    private func plainText(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func number(_ request: Request, _ name: String) throws -> UInt64 {
        guard let text = request.uri.queryParameters[Substring(name)], let value = UInt64(text), value < (1 << 62) else {
            throw IntakeError(.invalidValue, "query parameter \"\(name)\" is required and must be a non-negative integer")
        }
        return value
    }

    /// Runs `body` under the audit cap, or answers 429 with `Retry-After`.
    private func capped(_ body: () async -> Response) async -> Response {
        if let refusal = await abuse.auditRefusal() { return refusal }
        guard await abuse.auditSlots.acquire() else { return JSONResponse.rateLimited(retryAfter: 1) }
        defer { abuse.auditSlots.release() }
        return await body()
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        await capped { await uncapped(body) }
    }

    private func uncapped(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as IntakeError {
            return JSONResponse.badRequest(error)
        } catch let error as AuditLogError where error.code == .outOfRange || error.code == .invalidSizes {
            // Well-formed numbers naming entries or proofs the log does not have: nothing there.
            return JSONResponse.error(.notFound, code: error.code.rawValue, message: error.reason)
        } catch let error as AuditLogError {
            return JSONResponse.error(.badRequest, code: error.code.rawValue, message: error.reason)
        } catch {
            return JSONResponse.error(.internalServerError, code: "internal", message: "the audit log could not be read")
        }
    }
}

extension AbuseGuard {
    /// The answer to a request for an audit or statistics route that the audit cap refuses (429
    /// with `Retry-After`) or cannot decide on (503: its shared state is unreachable); nil when admitted.
    func auditRefusal() async -> Response? {
        do {
            guard case let .slowDown(seconds) = try await admitAudit() else { return nil }
            return JSONResponse.rateLimited(retryAfter: seconds)
        } catch {
            return JSONResponse.guardUnavailable(retryAfter: Self.unavailableRetrySeconds)
        }
    }
}
