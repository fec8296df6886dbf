import Envelope

/// What the `case_transferred` audit entry carries (Docs/audit-log.md): the statement's exact
/// bytes and signature, and in the receiving log the chain that vouches for the signer.
public struct TransferEntry: Sendable, Equatable {
    public let caseID: CaseID
    public let direction: CaseTransferLogEntry.Direction
    public let by: String
    public let statement: [UInt8]
    public let signature: [UInt8]
    public let signer: SignedKeyRegistration?
    public let fromOperator: OperatorPublicKey?

    public init(caseID: CaseID, direction: CaseTransferLogEntry.Direction, by: String, statement: [UInt8], signature: [UInt8],
                signer: SignedKeyRegistration? = nil, fromOperator: OperatorPublicKey? = nil) {
        self.caseID = caseID
        self.direction = direction
        self.by = by
        self.statement = statement
        self.signature = signature
        self.signer = signer
        self.fromOperator = fromOperator
    }

    func write(into object: inout [String: AuditEntryJSON.Value]) {
        object["case"] = .string(caseID.rawValue)
        object["direction"] = .string(direction.rawValue)
        object["by"] = .string(by)
        object["statement"] = .string(String(decoding: statement, as: UTF8.self))
        object["sig"] = .string(Base64.encode(signature))
        if let signer, let fromOperator {
            let registration = signer.registration
            object["signer_name"] = .string(registration.key.name)
            object["signer_box_key"] = .string(Base64.encode(registration.key.boxPublicKey))
            object["signer_sign_key"] = .string(Base64.encode(registration.key.signPublicKey))
            object["signer_team"] = .string(registration.team)
            object["signer_new_cases"] = .int(registration.receivesNewCases ? 1 : 0)
            object["signer_reg_sig"] = .string(Base64.encode(signer.signature))
            object["from_operator_key"] = .string(Base64.encode(fromOperator.signPublicKey))
        }
    }
}

/// A handover as the store keeps it beside its case (`case_transfers`): the statement (public: the
/// log carries it too), its signature, and for a case received, the sealed thread that came with it.
public struct CaseTransferRecord: Sendable, Equatable {
    public let direction: CaseTransferLogEntry.Direction
    /// The canonical JSON of the statement (`CaseTransfer`).
    public let statement: String
    public let signature: [UInt8]
    public let day: String
    /// For a case sent: its state before, which her page shows while she is under duress.
    public let stateBefore: CaseState?
    /// For a case received: the sealed `TransferredThread` (nil once the case went on without a copy).
    public let thread: [UInt8]?

    public init(direction: CaseTransferLogEntry.Direction, statement: String, signature: [UInt8], day: String,
                stateBefore: CaseState? = nil, thread: [UInt8]? = nil) {
        self.direction = direction
        self.statement = statement
        self.signature = signature
        self.day = day
        self.stateBefore = stateBefore
        self.thread = thread
    }

    /// The statement, parsed; nil only if the stored text was altered.
    public var parsed: CaseTransfer? {
        try? CaseTransfer.parse(Array(statement.utf8))
    }
}

/// A case handed on by a supervisor of this deployment, ready to store.
public struct OutgoingTransfer: Sendable {
    public let statement: CaseTransfer
    public let signature: [UInt8]
    /// A message to the reporter (§11.1), sealed to her key by the supervisor's client; stored only
    /// when she is not under duress.
    public let notice: [UInt8]?
    public let day: String

    public init(statement: CaseTransfer, signature: [UInt8], notice: [UInt8]?, day: String) {
        self.statement = statement
        self.signature = signature
        self.notice = notice
        self.day = day
    }

    public var record: CaseTransferRecord {
        CaseTransferRecord(direction: .sent, statement: String(decoding: statement.canonicalBytes(), as: UTF8.self), signature: signature, day: day)
    }
}

/// A case received from another organisation, ready to store: ciphertext, one wrap, the statement.
public struct ImportedCase: Sendable {
    public let id: CaseID
    public let day: String
    public let agencyView: [UInt8]
    /// The receiving supervisor's key id and the epoch-0 wrap to it.
    public let holder: String
    public let wrap: [UInt8]
    public let attachments: [StoredAttachment]
    public let record: CaseTransferRecord

    public init(id: CaseID, day: String, agencyView: [UInt8], holder: String, wrap: [UInt8], attachments: [StoredAttachment],
                record: CaseTransferRecord) {
        self.id = id
        self.day = day
        self.agencyView = agencyView
        self.holder = holder
        self.wrap = wrap
        self.attachments = attachments
        self.record = record
    }
}
