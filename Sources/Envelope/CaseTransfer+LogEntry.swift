import Foundation

/// A `case_transferred` audit entry read back (Docs/audit-log.md): the handover statement exactly
/// as logged, its signature, and, in a receiving log, the sending supervisor's registration and
/// the sending operator's key, so that the chain can be checked from that log alone.
public struct CaseTransferLogEntry: Sendable {
    /// `sent` in the sending deployment's log, `received` in the receiving one's.
    public enum Direction: String, Sendable {
        case sent, received
    }

    public let caseID: CaseID
    public let direction: Direction
    /// The supervisor who sent the case, or who imported it.
    public let by: String
    public let statementBytes: [UInt8]
    public let statement: CaseTransfer
    public let signature: [UInt8]
    /// Present in `received` entries.
    public let signer: SignedKeyRegistration?
    public let fromOperator: OperatorPublicKey?

    /// Nil unless `entry` is a well-formed `case_transferred` entry whose statement parses. The
    /// signatures are not checked here.
    public init?(logEntry entry: [String: Any]) {
        guard entry["type"] as? String == "case_transferred",
              let caseID = (entry["case"] as? String).flatMap(CaseID.init),
              let direction = (entry["direction"] as? String).flatMap(Direction.init(rawValue:)),
              let by = entry["by"] as? String, let text = entry["statement"] as? String,
              let signature = (entry["sig"] as? String).flatMap(Base64.decode),
              let statement = try? CaseTransfer.parse(Array(text.utf8)) else { return nil }
        self.caseID = caseID
        self.direction = direction
        self.by = by
        self.statementBytes = Array(text.utf8)
        self.statement = statement
        self.signature = signature
        if direction == .received {
            guard let name = entry["signer_name"] as? String,
                  let box = (entry["signer_box_key"] as? String).flatMap(Base64.decode),
                  let sign = (entry["signer_sign_key"] as? String).flatMap(Base64.decode),
                  let team = entry["signer_team"] as? String, let newCases = entry["signer_new_cases"] as? Int,
                  let registrationSignature = (entry["signer_reg_sig"] as? String).flatMap(Base64.decode),
                  let operatorSign = (entry["from_operator_key"] as? String).flatMap(Base64.decode),
                  let fromOperator = try? OperatorPublicKey(signPublicKey: operatorSign),
                  let key = try? AgencyPublicKey(name: name, role: .supervisor, boxPublicKey: box, signPublicKey: sign),
                  let registration = try? KeyRegistration(key: key, team: team, receivesNewCases: newCases == 1) else { return nil }
            self.signer = SignedKeyRegistration(registration: registration, operatorID: statement.fromOperator, signature: registrationSignature)
            self.fromOperator = fromOperator
        } else {
            self.signer = nil
            self.fromOperator = nil
        }
    }

    /// The case this entry concerns in its own log: the sender's case id in a `sent` entry, the
    /// receiver's in a `received` one.
    public var localCaseMatches: Bool {
        caseID == (direction == .sent ? statement.caseID : statement.receiverCaseID)
    }

    /// For a `received` entry: the whole chain as the receiving daemon checked it (operator key →
    /// registration → statement signature), from the entry alone. The bundle's contents are not
    /// in the log, so `bundle_hash` is not recomputed here.
    public func receivedChainVerifies() -> Bool {
        guard direction == .received, let signer, let fromOperator else { return false }
        return statement.fromOperator == fromOperator.keyID && fromOperator.verifies(signer)
            && signer.registration.key.keyID == statement.by
            && statement.verify(signature: signature, signPublicKey: signer.registration.key.signPublicKey)
    }
}
