import Foundation
import Sodium

/// What a sending supervisor's client hands the receiving organisation (Docs/format.md §17): the
/// signed handover statement, the sending supervisor's signed registration and the sending
/// operator's public key (the chain a receiver checks), the new case key wrapped to the receiving
/// supervisor, and the case sealed under that key: the agency view, the thread and the attachments.
///
/// The sealed parts are the formats of §3, §4 and §16 under a fresh case key and the receiver's
/// new case id; nothing in them is readable without the receiving supervisor's private key.
public struct TransferBundle: Sendable {
    public struct Attachment: Sendable, Equatable {
        public let id: AttachmentID
        public let sealed: [UInt8]

        public init(id: AttachmentID, sealed: [UInt8]) {
            self.id = id
            self.sealed = sealed
        }
    }

    /// What a bundle may hold: a case with its complaint's attachments and her answers' at the
    /// usual sizes, little enough that a daemon holds one import in memory. One attachment may be
    /// as large as the sandbox lets a clean file be (a 20-page PDF can pass 16 MiB: its 64 MiB
    /// bucket, sealed); a case over the whole file's limit is refused by the sending client before
    /// anything is recorded.
    public enum Limits {
        public static let maxFileBytes = 128 * 1024 * 1024
        public static let maxAttachments = 64
        public static let maxAttachmentBytes = 64 * 1024 * 1024 + 64 * 1024
        public static let maxViewBytes = 1024 * 1024
        public static let maxThreadBytes = 8 * 1024 * 1024
    }

    /// The statement exactly as signed (its canonical JSON), and parsed.
    public let statementBytes: [UInt8]
    public let statement: CaseTransfer
    public let signature: [UInt8]
    /// The sending supervisor's registration, signed by the sending operator.
    public let signer: SignedKeyRegistration
    /// The sending deployment's operator key.
    public let fromOperator: OperatorPublicKey
    /// The new case key wrapped to the receiving supervisor (§4, for `statement.receiverCaseID`).
    public let wrap: [UInt8]
    /// The agency view (§3, type 0x01) and the thread (type 0x04), under the new case key.
    public let agencyView: [UInt8]
    public let thread: [UInt8]
    public let attachments: [Attachment]

    public init(statement: CaseTransfer, signature: [UInt8], signer: SignedKeyRegistration, fromOperator: OperatorPublicKey,
                wrap: [UInt8], agencyView: [UInt8], thread: [UInt8], attachments: [Attachment]) {
        self.statementBytes = statement.canonicalBytes()
        self.statement = statement
        self.signature = signature
        self.signer = signer
        self.fromOperator = fromOperator
        self.wrap = wrap
        self.agencyView = agencyView
        self.thread = thread
        self.attachments = attachments
    }

    /// `hex(BLAKE2b-256(UTF8("safeintake/transfer-bundle/v1") || 0x00 || part...))`, each part
    /// `u64be(length) || bytes`, the parts being the wrap, the agency view, the thread, then each
    /// attachment's id (UTF-8) and sealed bytes, in order. Length prefixes keep parts from sliding
    /// into one another.
    public static func digest(wrap: [UInt8], agencyView: [UInt8], thread: [UInt8], attachments: [Attachment]) -> String {
        var parts: [[UInt8]] = [EnvelopeFormat.transferBundleLabel + [0x00]]
        func add(_ bytes: [UInt8]) {
            parts.append(withUnsafeBytes(of: UInt64(bytes.count).bigEndian, Array.init))
            parts.append(bytes)
        }
        add(wrap)
        add(agencyView)
        add(thread)
        for attachment in attachments {
            add(Array(attachment.id.rawValue.utf8))
            add(attachment.sealed)
        }
        return Hex.encode(GenericHash.hash(parts: parts, length: 32))
    }

    /// The digest of this bundle's sealed contents, as they are.
    public var contentDigest: String {
        Self.digest(wrap: wrap, agencyView: agencyView, thread: thread, attachments: attachments)
    }

    /// Checks the chain a receiver relies on, in order: the bundle comes from `sender` (the operator
    /// key the receiving supervisor was given, or the one the bundle carries when the receiving
    /// daemon re-checks it), the statement names that operator, the signing supervisor's
    /// registration is that operator's, for a supervisor, the key the statement names; the
    /// statement's signature verifies with it; the sealed contents hash to its `bundle_hash`; and
    /// each sealed part has its documented shape. It cannot check what only the receiver knows:
    /// that `to_operator` and `to_key` are its own (`verifyReceiver`).
    public func verifyChain(sender: OperatorPublicKey) throws(EnvelopeError) {
        guard fromOperator == sender else {
            throw EnvelopeError(.wrongOperator, "the bundle comes from operator key \(fromOperator.keyID), not the sending operator key you were given (\(sender.keyID))")
        }
        guard statement.fromOperator == sender.keyID else {
            throw EnvelopeError(.wrongOperator, "the handover statement names operator \(statement.fromOperator) as the sender, not \(sender.keyID)")
        }
        guard sender.verifies(signer) else {
            throw EnvelopeError(.badSignature, "the sending supervisor's registration is not signed by the sending operator key \(sender.keyID)")
        }
        let key = signer.registration.key
        guard key.role == .supervisor else {
            throw EnvelopeError(.badSignature, "the handover is signed by \(key.name), who is registered as an \(key.role.rawValue), not a supervisor")
        }
        guard key.keyID == statement.by else {
            throw EnvelopeError(.badSignature, "the handover statement names \(statement.by) as its signer, but the registration enclosed is \(key.keyID)'s")
        }
        guard statement.verify(signature: signature, signPublicKey: key.signPublicKey) else {
            throw EnvelopeError(.badSignature, "the handover statement's signature does not verify with the sending supervisor's registered key")
        }
        guard contentDigest == statement.bundleHash else {
            throw EnvelopeError(.digestMismatch, "the bundle's sealed contents do not hash to the bundle_hash the sending supervisor signed: it was altered")
        }
        try checkShapes()
    }

    /// The receiver's part of the chain: the statement is addressed to `operatorID` and `keyID`.
    public func verifyReceiver(operatorID: String, keyID: String) throws(EnvelopeError) {
        guard statement.toOperator == operatorID else {
            throw EnvelopeError(.wrongOperator, "the case is addressed to operator \(statement.toOperator), not this organisation's \(operatorID)")
        }
        guard statement.toKey == keyID else {
            throw EnvelopeError(.keyMismatch, "the case is addressed to supervisor key \(statement.toKey), not \(keyID)")
        }
    }

    private func checkShapes() throws(EnvelopeError) {
        guard wrap.count == KeyWrap.byteCount, wrap.first == EnvelopeFormat.version else {
            throw EnvelopeError(.truncated, "the bundle's key wrap is not a \(KeyWrap.byteCount)-byte v1 wrap")
        }
        guard agencyView.count <= Limits.maxViewBytes, try SealedRecord.recordType(of: agencyView) == .agencyView else {
            throw EnvelopeError(.unknownRecordType, "the bundle's agency view is not a sealed agency view within \(Limits.maxViewBytes) bytes")
        }
        guard thread.count <= Limits.maxThreadBytes, try SealedRecord.recordType(of: thread) == .transferredThread else {
            throw EnvelopeError(.unknownRecordType, "the bundle's thread is not a sealed thread within \(Limits.maxThreadBytes) bytes")
        }
        guard attachments.count <= Limits.maxAttachments, Set(attachments.map(\.id)).count == attachments.count else {
            throw EnvelopeError(.malformedPlaintext, "a bundle carries at most \(Limits.maxAttachments) attachments, each once")
        }
        for attachment in attachments {
            guard attachment.sealed.count <= Limits.maxAttachmentBytes, attachment.sealed.count > 2,
                  attachment.sealed[0] == EnvelopeFormat.version, attachment.sealed[1] == RecordType.attachment.rawValue else {
                throw EnvelopeError(.malformedPlaintext, "attachment \(attachment.id) is not a sealed v1 attachment within \(Limits.maxAttachmentBytes) bytes")
            }
        }
    }
}

extension TransferBundle {
    struct FileContents: Codable {
        struct SealedFile: Codable {
            var id: AttachmentID
            var sealed: String
        }

        var safeintake_transfer_bundle: Int
        var statement: String
        var signature: String
        var signer: SignedKeyRegistration.FileContents
        var from_operator_key: OperatorPublicKey.FileContents
        var wrap: String
        var agency_view: String
        var thread: String
        var attachments: [SealedFile]
    }

    /// The bundle file (Docs/format.md §17): JSON, the statement as its exact text.
    public func fileData() throws -> Data {
        let contents = FileContents(
            safeintake_transfer_bundle: 1, statement: String(decoding: statementBytes, as: UTF8.self), signature: Base64.encode(signature),
            signer: signer.fileContents,
            from_operator_key: .init(safeintake_operator_public_key: 1, key_id: fromOperator.keyID, sign_public_key: Base64.encode(fromOperator.signPublicKey)),
            wrap: Base64.encode(wrap), agency_view: Base64.encode(agencyView), thread: Base64.encode(thread),
            attachments: attachments.map { .init(id: $0.id, sealed: Base64.encode($0.sealed)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(contents)
    }

    /// Reads a bundle file: its shape only. Nothing in it is trusted until `verifyChain` passes.
    public init(fileData data: Data) throws(EnvelopeError) {
        guard data.count <= Limits.maxFileBytes else {
            throw EnvelopeError(.malformedPlaintext, "a transfer bundle is at most \(Limits.maxFileBytes) bytes")
        }
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            throw EnvelopeError(.malformedPlaintext, "not a SafeIntake transfer bundle (expected the JSON of Docs/format.md §17)")
        }
        guard contents.safeintake_transfer_bundle == 1 else {
            throw EnvelopeError(.unsupportedVersion, "transfer bundle version \(contents.safeintake_transfer_bundle) is not supported")
        }
        let statementBytes = Array(contents.statement.utf8)
        guard let signature = Base64.decode(contents.signature), let wrap = Base64.decode(contents.wrap),
              let view = Base64.decode(contents.agency_view), let thread = Base64.decode(contents.thread),
              let operatorSign = Base64.decode(contents.from_operator_key.sign_public_key) else {
            throw EnvelopeError(.malformedPlaintext, "a transfer bundle member is not valid base64")
        }
        let fromOperator = try OperatorPublicKey(signPublicKey: operatorSign)
        guard fromOperator.keyID == contents.from_operator_key.key_id else {
            throw EnvelopeError(.keyMismatch, "the bundle's operator key id does not match its public key")
        }
        var attachments: [Attachment] = []
        for file in contents.attachments {
            guard let sealed = Base64.decode(file.sealed) else { throw EnvelopeError(.malformedPlaintext, "an attachment in the bundle is not valid base64") }
            attachments.append(Attachment(id: file.id, sealed: sealed))
        }
        self.statementBytes = statementBytes
        self.statement = try CaseTransfer.parse(statementBytes)
        self.signature = signature
        self.signer = try SignedKeyRegistration(fileContents: contents.signer)
        self.fromOperator = fromOperator
        self.wrap = wrap
        self.agencyView = view
        self.thread = thread
        self.attachments = attachments
    }
}
