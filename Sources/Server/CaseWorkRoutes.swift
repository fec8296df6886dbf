import Envelope
import Foundation
import Hummingbird
import Intake

/// The agency API, write side: assign, unassign (new key epoch), status, notes, messages to the
/// reporter, clearing a duress flag. Bodies carry only ciphertext, wraps and signatures made on the key holder's machine.
struct CaseWorkRoutes: Sendable {
    let caseWork: CaseWorkService
    let gate: AgencyGate
    /// Issues new reporter numbers (issue 18 #4).
    let intake: IntakeService

    func add(to router: Router<BasicRequestContext>) {
        post(router, "assign", keys: ["assignee", "wraps", "signature", "answers"]) { id, key, fields in
            try caseWork.assign(id, to: try fields.string("assignee"), wraps: try fields.byteList("wraps"),
                                signature: try fields.bytes("signature"), forwarded: fields.has("answers") ? try fields.byteList("answers") : [],
                                by: key)
        }
        post(router, "unassign", keys: ["removed", "epoch", "wraps", "signature"]) { id, key, fields in
            try caseWork.unassign(id, removing: try fields.string("removed"), epoch: try fields.integer("epoch"),
                                  wraps: try fields.byteMap("wraps"), signature: try fields.bytes("signature"), by: key)
        }
        post(router, "status", keys: ["status", "outcome"]) { id, key, fields in
            guard let state = CaseState(rawValue: try fields.string("status")) else {
                throw CaseWorkError(.invalidValue, "\"status\" must be one of \(CaseState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try caseWork.setStatus(id, to: state, outcome: try fields.note("outcome", author: key.keyID), by: key)
        }
        post(router, "notes", keys: ["epoch", "record"]) { id, key, fields in
            try caseWork.addNote(id, StoredNote(epoch: try fields.integer("epoch"), author: key.keyID, record: try fields.bytes("record")), by: key)
        }
        post(router, "messages", keys: ["message"]) { id, key, fields in
            try caseWork.sendMessage(id, sealed: try fields.bytes("message"), by: key)
        }
        post(router, "exported", keys: ["format"]) { id, key, fields in
            try caseWork.recordExport(id, format: try fields.string("format"), by: key)
        }
        // A supervisor issues her a new number after she lost hers: the answer carries it, for her
        // caseworker to hand on; it is shown once and stored only as a verifier.
        router.post("/v1/agency/cases/{case}/reissue-number") { request, context in
            await gate.handle(request, logger: context.logger) { key, body in
                let caseID = try CaseRequest.caseID(context)
                _ = try AgencyRequestFields(body, allowedKeys: [])
                let token = try await gate.work.run { [intake] in try intake.reissueNumber(caseID, by: key) }
                return JSONResponse.make(.ok, ["token": token])
            }
        }
        // A supervisor hands the case to another organisation (Docs/format.md §17): the signed
        // statement, and the notice to her sealed on their machine.
        router.post("/v1/agency/cases/{case}/transfer") { request, context in
            await gate.handle(request, logger: context.logger) { key, body in
                let caseID = try CaseRequest.caseID(context)
                let fields = try AgencyRequestFields(body, allowedKeys: ["statement", "signature", "notice"])
                let statement = Array(try fields.text("statement", maxBytes: 4096).utf8)
                let signature = try fields.bytes("signature")
                let notice = fields.has("notice") ? try fields.bytes("notice") : nil
                let delivered = try await gate.work.run { [caseWork] in
                    try caseWork.transfer(caseID, statementBytes: statement, signature: signature, notice: notice, by: key)
                }
                return JSONResponse.make(.ok, ["ok": true, "notice_delivered": delivered])
            }
        }
        // The receiving side: a supervisor of this deployment imports the bundle it was handed.
        router.post("/v1/agency/transfers") { request, context in
            await gate.handle(request, logger: context.logger, largeBodyLimit: TransferBundle.Limits.maxFileBytes) { key, body in
                let bundle: TransferBundle
                do {
                    bundle = try TransferBundle(fileData: Data(body))
                } catch let error as EnvelopeError {
                    throw CaseWorkError(.invalidValue, error.reason)
                }
                let id = try await gate.work.run { [caseWork] in try caseWork.importTransfer(bundle, by: key) }
                return JSONResponse.make(.ok, ["case": id.rawValue])
            }
        }
        post(router, "clear-duress", keys: ["epoch", "record"]) { id, key, fields in
            try caseWork.clearDuress(id, reason: StoredNote(epoch: try fields.integer("epoch"), author: key.keyID, record: try fields.bytes("record")),
                                     by: key)
        }
    }

    /// Registers `POST /v1/agency/cases/{case}/ACTION`: authenticated, body parsed, action run off
    /// the event loop, `{"ok": true}` on success.
    private func post(_ router: Router<BasicRequestContext>, _ action: String, keys: Set<String>,
                      _ run: @escaping @Sendable (CaseID, AgencyPublicKey, AgencyRequestFields) throws -> Void) {
        router.post("/v1/agency/cases/{case}/\(action)") { request, context in
            await gate.handle(request, logger: context.logger) { key, body in
                let caseID = try CaseRequest.caseID(context)
                let fields = try AgencyRequestFields(body, allowedKeys: keys)
                try await gate.work.run { try run(caseID, key, fields) }
                return JSONResponse.make(.ok, ["ok": true])
            }
        }
    }
}
