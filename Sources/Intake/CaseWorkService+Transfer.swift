import Envelope
import Foundation

/// Handing a case to another organisation that runs SafeIntake, and receiving one (issue 19 #5,
/// Docs/format.md §17). Both sides check what they can without reading the case: the statement's
/// signature and addresses, and on the receiving side the whole chain from the sending operator's
/// key; the case itself moves sealed, from the sending supervisor's machine to the receiving one's.
extension CaseWorkService {
    /// The operator key this daemon pins, which names this organisation in a handover.
    private func ownOperator() throws -> OperatorPublicKey {
        guard let anchor else {
            throw CaseWorkError(.invalidValue, "this daemon pins no operator key, so it cannot name its organisation in a handover")
        }
        return anchor.operatorKey
    }

    /// Records that `supervisor`, who holds the case, handed it to another organisation with the
    /// signed `statementBytes`; `notice` is a message to her (§11.1) sealed on the supervisor's
    /// machine, delivered unless she checked in under duress. Without `keep_copy` everything sealed
    /// for the agency is deleted here in the same transaction. Returns whether the notice was stored.
    public func transfer(_ caseID: CaseID, statementBytes: [UInt8], signature: [UInt8], notice: [UInt8]?,
                         by supervisor: AgencyPublicKey) throws -> Bool {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can hand a case to another organisation; \(supervisor.name) is an \(supervisor.role.rawValue)")
        }
        let own = try ownOperator()
        let statement: CaseTransfer
        do {
            statement = try CaseTransfer.parse(statementBytes)
        } catch {
            throw CaseWorkError(.invalidValue, error.reason)
        }
        guard statement.caseID == caseID else {
            throw CaseWorkError(.invalidValue, "the handover statement names case \(statement.caseID), not \(caseID)")
        }
        guard statement.fromOperator == own.keyID else {
            throw CaseWorkError(.invalidValue, "the handover statement names operator \(statement.fromOperator) as the sender; this organisation's is \(own.keyID)")
        }
        guard statement.by == supervisor.keyID else {
            throw CaseWorkError(.invalidValue, "the handover statement names \(statement.by) as its signer, not the key that sent it")
        }
        guard let today = CalendarDay.number(time.day()), let day = CalendarDay.number(statement.day), abs(today - day) <= 1 else {
            throw CaseWorkError(.invalidValue, "the handover statement is dated \(statement.day); sign it today (UTC)")
        }
        guard statement.verify(signature: signature, signPublicKey: supervisor.signPublicKey) else {
            throw CaseWorkError(.badSignature, "the handover statement's signature does not verify with \(supervisor.name)'s key")
        }
        if let notice { try checkSealed(notice, what: "notice") }
        let entry = TransferEntry(caseID: caseID, direction: .sent, by: supervisor.keyID, statement: statementBytes, signature: signature)
        let audit = [AuditEvent.caseTransferred(entry).entryData(time: time)]
        var delivered = false
        try mapping {
            delivered = try store.transferCase(caseID, OutgoingTransfer(statement: statement, signature: signature, notice: notice, day: time.day()),
                                               audit: audit)
        }
        return delivered
    }

    /// Stores a case another organisation handed to `supervisor`: the bundle's chain must verify
    /// under the operator key it carries (the importing client checked that key against the file
    /// the supervisor was given), be addressed to this organisation and to this supervisor, and
    /// name a case id this deployment never had. The new case holds one wrap, to the supervisor,
    /// and no status token: she keeps checking at the organisation that sent it.
    public func importTransfer(_ bundle: TransferBundle, by supervisor: AgencyPublicKey) throws -> CaseID {
        guard supervisor.role == .supervisor else {
            throw CaseWorkError(.forbidden, "only a supervisor can receive a case from another organisation; \(supervisor.name) is an \(supervisor.role.rawValue)")
        }
        let own = try ownOperator()
        do {
            try bundle.verifyChain(sender: bundle.fromOperator)
            try bundle.verifyReceiver(operatorID: own.keyID, keyID: supervisor.keyID)
        } catch {
            throw CaseWorkError(error.code == .badSignature || error.code == .digestMismatch ? .badSignature : .invalidValue, error.reason)
        }
        guard let registered = try store.agencyKey(id: supervisor.keyID), !registered.revoked else {
            throw CaseWorkError(.forbidden, "key \(supervisor.keyID) is not an active key here")
        }
        try requireAnchored(registered)
        let statement = bundle.statement
        let entry = TransferEntry(caseID: statement.receiverCaseID, direction: .received, by: supervisor.keyID, statement: bundle.statementBytes,
                                  signature: bundle.signature, signer: bundle.signer, fromOperator: bundle.fromOperator)
        let audit = [AuditEvent.caseTransferred(entry).entryData(time: time)]
        let record = CaseTransferRecord(direction: .received, statement: String(decoding: bundle.statementBytes, as: UTF8.self),
                                        signature: bundle.signature, day: time.day(), thread: bundle.thread)
        let imported = ImportedCase(id: statement.receiverCaseID, day: time.day(), agencyView: bundle.agencyView, holder: supervisor.keyID,
                                    wrap: bundle.wrap, attachments: bundle.attachments.map { StoredAttachment(id: $0.id, sealed: $0.sealed) },
                                    record: record)
        try mapping { try store.importCase(imported, audit: audit) }
        return statement.receiverCaseID
    }
}
