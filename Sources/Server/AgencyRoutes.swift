import Envelope
import HTTPTypes
import Hummingbird
import Intake
import Logging

/// The agency API: signed requests from inspectors' and supervisors' own machines (Docs/format.md §8).
/// The server hands out ciphertext and the caller's own key wrap; it never decrypts.
struct AgencyRoutes: Sendable {
    let agency: AgencyService
    let authenticator: AgencyAuthenticator
    let work: BlockingWork

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/agency/challenge") { request, context in
            await challenge(request)
        }
        router.get("/v1/agency/cases") { request, context in
            await authenticated(request, logger: context.logger) { key in
                let cases = try await work.run { [agency] in try agency.cases(for: key.keyID) }
                return JSONResponse.make(.ok, ["cases": cases.map { ["case": $0.0.rawValue, "status": $0.1.rawValue] }])
            }
        }
        router.get("/v1/agency/cases/{case}") { request, context in
            await authenticated(request, logger: context.logger) { key in
                guard let caseID = context.parameters.get("case").flatMap(CaseID.init) else {
                    return JSONResponse.error(.notFound, code: "not_found", message: "no such case for this key")
                }
                guard let found = try await work.run({ [agency] in try agency.release(caseID, to: key.keyID) }) else {
                    return JSONResponse.error(.notFound, code: "not_found", message: "no such case for this key")
                }
                return JSONResponse.make(.ok, [
                    "case": found.id.rawValue, "status": found.state.rawValue,
                    "agency_view": Base64.encode(found.agencyView), "wrap": Base64.encode(found.wrap),
                    "release_entry": found.releaseEntryIndex,
                ])
            }
        }
    }

    private func challenge(_ request: Request) async -> Response {
        guard request.declaresJSONCompatibleBody else { return JSONResponse.unsupportedMediaType() }
        do {
            let object = try JSONBody.object(try await request.collectBody(limit: 1024), allowedKeys: ["key_id"])
            guard let keyID = object["key_id"] as? String, Self.isKeyID(keyID) else {
                throw IntakeError(.invalidShape, "\"key_id\" is required: 32 lowercase hexadecimal characters (Docs/format.md §5)")
            }
            return JSONResponse.make(.ok, ["challenge": authenticator.issueChallenge(for: keyID)])
        } catch let error as IntakeError {
            return JSONResponse.badRequest(error)
        } catch {
            return JSONResponse.error(.badRequest, code: "invalid_shape", message: "could not read the request")
        }
    }

    /// The shape of every key id (Docs/format.md §5). Checked on shape only, so the answer says
    /// nothing about which keys are registered.
    static func isKeyID(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    /// Checks the request's signature headers, then runs `body` with the caller's key.
    private func authenticated(_ request: Request, logger: Logger,
                               _ body: (AgencyPublicKey) async throws -> Response) async -> Response {
        do {
            let headers = request.headers
            guard let keyID = headers[HTTPField.Name(AgencyRequestSignature.keyHeader)!],
                  let challenge = headers[HTTPField.Name(AgencyRequestSignature.challengeHeader)!],
                  let signature = headers[HTTPField.Name(AgencyRequestSignature.signatureHeader)!] else {
                return JSONResponse.unauthorized()
            }
            let bytes = try await request.collectBody(limit: 64 * 1024)
            let pathAndQuery = request.uri.description
            let method = request.method.rawValue
            guard let key = try await work.run({ [authenticator] in
                try authenticator.authenticate(keyID: keyID, challenge: challenge, signature: signature,
                                               method: method, pathAndQuery: pathAndQuery, body: bytes)
            }) else {
                return JSONResponse.unauthorized()
            }
            return try await body(key)
        } catch let error as IntakeError {
            return JSONResponse.badRequest(error)
        } catch {
            logger.error("agency request failed", metadata: ["error.type": "\(type(of: error))"])
            return JSONResponse.error(.internalServerError, code: "internal", message: "the request failed on the server")
        }
    }
}
