import Sodium

/// A message from an inspector to the reporter, signed then sealed to the case's reporter public
/// key on the inspector's machine (Docs/format.md §11):
/// `[version] || crypto_box_seal(sodium_pad(signature || json, 256), reporter_public_key)` with
/// `signature = Ed25519(UTF8("safeintake/inspector-message/v1") || 0x00 || json)`.
///
/// The server stores it unreadable; it is opened only during a status check, with the reporter's
/// key unwrapped from her token, and shown only if the signature is an agency key's.
public struct InspectorMessage: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An ordinary message.
        case reply
        /// A question the inspector needs answered to act (request for information).
        case requestInfo = "request_info"
        /// How the case ended, written for her: shown as the outcome of a closed case (issue 18 #7),
        /// apart from the internal outcome note, which she never sees.
        case outcome
    }

    public var caseID: CaseID
    /// Key id of the signing inspector or supervisor.
    public var from: String
    public var kind: Kind
    public var text: String

    enum CodingKeys: String, CodingKey {
        case caseID = "case", from, kind, text
    }

    public init(caseID: CaseID, from: String, kind: Kind, text: String) {
        self.caseID = caseID
        self.from = from
        self.kind = kind
        self.text = text
    }

    /// Signs with the author's key and seals to the reporter.
    public func seal(signedBy signing: SigningKeyPair, to reporterPublicKey: [UInt8]) throws -> [UInt8] {
        let json = try SealedJSON.encode(self)
        let signature = json.withUnsafeBytes { signing.sign(Self.signedMessage(Array($0))) }
        let body = SecureBytes(count: signature.count + json.count) { (out: UnsafeMutableRawBufferPointer) -> Void in
            out.copyBytes(from: signature)
            json.withUnsafeBytes { UnsafeMutableRawBufferPointer(rebasing: out[signature.count...]).copyMemory(from: $0) }
        }
        let padded = Padding.pad(body, blockSize: EnvelopeFormat.messagePaddingBlockSize)
        return [EnvelopeFormat.version] + (try SealedBox.seal(padded, to: reporterPublicKey))
    }

    /// Opens a message with the reporter's key pair and checks its signature with the author's
    /// signing key, looked up by the key id the message names (nil: unknown author, refused).
    public static func open(_ sealed: [UInt8], caseID: CaseID, with reporter: BoxKeyPair,
                            signingKey: (String) -> [UInt8]?) throws(EnvelopeError) -> InspectorMessage {
        let body = try MessageSealing.open(sealed, with: reporter, what: "inspector message")
        let signatureBytes = SigningKeyPair.signatureBytes
        guard body.count > signatureBytes else { throw EnvelopeError(.truncated, "the inspector message is too short") }
        let (signature, json) = body.withUnsafeBytes { (Array($0[..<signatureBytes]), Array($0[signatureBytes...])) }
        let message = try SealedJSON.decode(InspectorMessage.self, from: SecureBytes(copying: json), what: "inspector message")
        guard message.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the inspector message names case \(message.caseID), not \(caseID)")
        }
        guard let key = signingKey(message.from),
              SigningKeyPair.verify(signature: signature, message: signedMessage(json), publicKey: key) else {
            throw EnvelopeError(.badSignature, "the inspector message is not signed by the agency key it names")
        }
        return message
    }

    static func signedMessage(_ json: [UInt8]) -> [UInt8] {
        EnvelopeFormat.inspectorMessageLabel + [0x00] + json
    }
}

/// The reporter's answer to the inspectors, sealed by the daemon during her status check to each
/// key holder of the case (Docs/format.md §11):
/// `[version] || crypto_box_seal(sodium_pad(json, 256), holder_public_key)`.
/// The daemon keeps no readable copy; it cannot sign for her, and she needs no key to send it.
public struct ReporterAnswer: Sendable, Equatable, Codable {
    public var caseID: CaseID
    public var text: String
    /// Evidence she sent with this answer that passed the document firewall (Docs/format.md §16):
    /// each entry carries its key, so exactly the holders this answer is sealed to can open it.
    public var attachments: [AttachmentEntry]?
    /// How many the document firewall held back (never why).
    public var withheldAttachments: Int?

    enum CodingKeys: String, CodingKey {
        case caseID = "case", text, attachments
        case withheldAttachments = "attachments_withheld"
    }

    public init(caseID: CaseID, text: String, attachments: [AttachmentEntry]? = nil, withheldAttachments: Int? = nil) {
        self.caseID = caseID
        self.text = text
        self.attachments = attachments
        self.withheldAttachments = withheldAttachments
    }

    /// Seals the answer to one key holder.
    public func seal(to holderBoxPublicKey: [UInt8]) throws -> [UInt8] {
        let padded = Padding.pad(try SealedJSON.encode(self), blockSize: EnvelopeFormat.messagePaddingBlockSize)
        return [EnvelopeFormat.version] + (try SealedBox.seal(padded, to: holderBoxPublicKey))
    }

    /// Opens an answer with the holder's key pair.
    public static func open(_ sealed: [UInt8], caseID: CaseID, with holder: BoxKeyPair) throws(EnvelopeError) -> ReporterAnswer {
        let body = try MessageSealing.open(sealed, with: holder, what: "reporter answer")
        let answer = try SealedJSON.decode(ReporterAnswer.self, from: body, what: "reporter answer")
        guard answer.caseID == caseID else {
            throw EnvelopeError(.wrongCase, "the reporter answer names case \(answer.caseID), not \(caseID)")
        }
        return answer
    }
}

/// The shared outer layer of Docs/format.md §11: version byte, sealed box, padding.
enum MessageSealing {
    static func open(_ sealed: [UInt8], with keyPair: BoxKeyPair, what: String) throws(EnvelopeError) -> SecureBytes {
        guard let first = sealed.first else { throw EnvelopeError(.truncated, "the \(what) is empty") }
        guard first == EnvelopeFormat.version else {
            throw EnvelopeError(.unsupportedVersion, "\(what) version \(first) is not supported")
        }
        do {
            let padded = try SealedBox.open(Array(sealed.dropFirst()), with: keyPair)
            return try Padding.unpad(padded, blockSize: EnvelopeFormat.messagePaddingBlockSize)
        } catch {
            throw EnvelopeError(.cannotOpen, "this key cannot open the \(what)")
        }
    }
}
