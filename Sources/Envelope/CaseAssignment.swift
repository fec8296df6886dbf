import Sodium

/// A statement a supervisor signs on their own machine to change who holds a case's keys
/// (Docs/format.md §12). The server stores a new wrap only with a valid signed statement, and the
/// audit log carries every field of it with the signature, so an auditor can check each change
/// against the supervisor's registered key without trusting the server.
public protocol SignedCaseStatement: Sendable {
    /// The label on the first line, which also versions the statement.
    static var label: String { get }
    /// The statement's fields, one per line after the label.
    var lines: [String] { get }
}

extension SignedCaseStatement {
    /// The exact bytes signed: the label and the fields, joined by newlines.
    public var signedMessage: [UInt8] {
        Array(([Self.label] + lines).joined(separator: "\n").utf8)
    }

    public func sign(with key: SigningKeyPair) -> [UInt8] {
        key.sign(signedMessage)
    }

    public func verify(signature: [UInt8], signPublicKey: [UInt8]) -> Bool {
        SigningKeyPair.verify(signature: signature, message: signedMessage, publicKey: signPublicKey)
    }
}

/// "Give `assignee` the case": wraps of every epoch's case key to the assignee, oldest first.
public struct CaseAssignment: SignedCaseStatement, Equatable {
    public static let label = "safeintake/assignment/v1"
    public let caseID: CaseID
    public let assignee: String
    public let assigner: String
    /// Hex SHA-256 of the wraps concatenated in epoch order.
    public let wrapsDigest: String
    public let epochs: Int

    public init(caseID: CaseID, assignee: String, assigner: String, wraps: [[UInt8]]) {
        self.init(caseID: caseID, assignee: assignee, assigner: assigner, wrapsDigest: Self.digest(wraps), epochs: wraps.count)
    }

    /// Rebuilds a statement from its logged fields (for auditors).
    public init(caseID: CaseID, assignee: String, assigner: String, wrapsDigest: String, epochs: Int) {
        self.caseID = caseID
        self.assignee = assignee
        self.assigner = assigner
        self.wrapsDigest = wrapsDigest
        self.epochs = epochs
    }

    public var lines: [String] { [caseID.rawValue, assignee, assigner, String(epochs), wrapsDigest] }

    public static func digest(_ wraps: [[UInt8]]) -> String {
        Hex.encode(SHA256.hash(wraps.flatMap { $0 }))
    }
}

/// "Remove `removed` from the case and start epoch `epoch`": a fresh case key for later records,
/// wrapped to every remaining holder. The removed holder's wraps are deleted.
public struct EpochChange: SignedCaseStatement, Equatable {
    public static let label = "safeintake/epoch-change/v1"
    public let caseID: CaseID
    public let removed: String
    public let by: String
    public let epoch: Int
    /// Hex SHA-256 over `key_id || wrap` for each remaining holder, in key-id order.
    public let wrapsDigest: String

    public init(caseID: CaseID, removed: String, by: String, epoch: Int, wraps: [String: [UInt8]]) {
        self.init(caseID: caseID, removed: removed, by: by, epoch: epoch, wrapsDigest: Self.digest(wraps))
    }

    /// Rebuilds a statement from its logged fields (for auditors).
    public init(caseID: CaseID, removed: String, by: String, epoch: Int, wrapsDigest: String) {
        self.caseID = caseID
        self.removed = removed
        self.by = by
        self.epoch = epoch
        self.wrapsDigest = wrapsDigest
    }

    public var lines: [String] { [caseID.rawValue, removed, by, String(epoch), wrapsDigest] }

    public static func digest(_ wraps: [String: [UInt8]]) -> String {
        Hex.encode(SHA256.hash(wraps.sorted { $0.key < $1.key }.flatMap { Array($0.key.utf8) + $0.value }))
    }
}
