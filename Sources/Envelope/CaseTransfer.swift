import Foundation
import Sodium

/// The handover of a case to another organisation that runs SafeIntake (Docs/format.md §17): a
/// statement the sending supervisor signs on their own machine, carried whole in the audit logs of
/// both deployments, so that an auditor can match the two entries byte for byte and check the
/// signature without trusting either server.
///
/// Organisations are named by their operator key id (§5.3); the names beside them are what people
/// read (the reporter's page shows `toName`). `bundleHash` binds the statement to the sealed
/// contents the receiver imports (`TransferBundle`).
public struct CaseTransfer: Sendable, Equatable, Codable {
    /// The only statement version this code writes and reads.
    public static let currentVersion = 1
    /// The longest organisation name, in Unicode scalars.
    public static let maxNameScalars = 120

    public var version: Int
    /// The case at the sending organisation.
    public var caseID: CaseID
    /// The case's new id at the receiving organisation, drawn by the sending client.
    public var receiverCaseID: CaseID
    /// The sending deployment's operator key id, and its name.
    public var fromOperator: String
    public var fromName: String
    /// The receiving deployment's operator key id, and its name.
    public var toOperator: String
    public var toName: String
    /// The receiving supervisor's key id (registered by `toOperator`), to whom the case key is wrapped.
    public var toKey: String
    /// The sending supervisor's key id, whose key signs the statement.
    public var by: String
    /// Whether the sending organisation keeps its copy of the case.
    public var keepCopy: Bool
    /// The UTC day of the handover (`YYYY-MM-DD`).
    public var day: String
    /// Hex BLAKE2b-256 of the bundle's sealed contents (`TransferBundle.digest`).
    public var bundleHash: String

    enum CodingKeys: String, CodingKey {
        case version = "v", caseID = "case", receiverCaseID = "receiver_case", fromOperator = "from_operator", fromName = "from_name"
        case toOperator = "to_operator", toName = "to_name", toKey = "to_key", by, keepCopy = "keep_copy", day, bundleHash = "bundle_hash"
    }

    public init(caseID: CaseID, receiverCaseID: CaseID, fromOperator: String, fromName: String, toOperator: String, toName: String,
                toKey: String, by: String, keepCopy: Bool, day: String, bundleHash: String) throws(EnvelopeError) {
        self.version = Self.currentVersion
        self.caseID = caseID
        self.receiverCaseID = receiverCaseID
        self.fromOperator = fromOperator
        self.fromName = fromName
        self.toOperator = toOperator
        self.toName = toName
        self.toKey = toKey
        self.by = by
        self.keepCopy = keepCopy
        self.day = day
        self.bundleHash = bundleHash
        try validate()
    }

    /// The exact bytes signed and logged: canonical JSON (sorted keys, no whitespace, `/` not
    /// escaped, everything else as UTF-8).
    public func canonicalBytes() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every member is a string, a bool or an int: encoding cannot fail.
        return [UInt8]((try? encoder.encode(self)) ?? Data())
    }

    /// Reads a statement from its bytes, which must be exactly its canonical JSON: the bytes are
    /// what is signed and logged, so there must be one way to write each statement.
    public static func parse(_ bytes: [UInt8]) throws(EnvelopeError) -> CaseTransfer {
        guard bytes.count <= 4096, let statement = try? JSONDecoder().decode(CaseTransfer.self, from: Data(bytes)) else {
            throw EnvelopeError(.malformedPlaintext, "the handover statement is not the JSON of Docs/format.md §17")
        }
        guard statement.version == currentVersion else {
            throw EnvelopeError(.unsupportedVersion, "handover statement version \(statement.version) is not supported (this build reads \(currentVersion))")
        }
        try statement.validate()
        guard statement.canonicalBytes() == bytes else {
            throw EnvelopeError(.malformedPlaintext, "the handover statement is not in canonical form (sorted keys, no whitespace)")
        }
        return statement
    }

    /// `Ed25519(UTF8("safeintake/case-transfer/v1") || 0x00 || canonical bytes)`, by the sending supervisor.
    public func sign(with key: SigningKeyPair) -> [UInt8] {
        key.sign(Self.signedMessage(canonicalBytes()))
    }

    public func verify(signature: [UInt8], signPublicKey: [UInt8]) -> Bool {
        SigningKeyPair.verify(signature: signature, message: Self.signedMessage(canonicalBytes()), publicKey: signPublicKey)
    }

    static func signedMessage(_ bytes: [UInt8]) -> [UInt8] {
        EnvelopeFormat.caseTransferLabel + [0x00] + bytes
    }

    private func validate() throws(EnvelopeError) {
        for (name, id) in [("from_operator", fromOperator), ("to_operator", toOperator), ("to_key", toKey), ("by", by)] {
            guard RandomHexID.isValid(id) else { throw EnvelopeError(.malformedPlaintext, "\(name) must be a key id: 32 lowercase hexadecimal characters") }
        }
        guard bundleHash.utf8.count == 64, bundleHash.utf8.allSatisfy(Hex.isLowerHexDigit) else {
            throw EnvelopeError(.malformedPlaintext, "bundle_hash must be 64 lowercase hexadecimal characters")
        }
        guard Self.isDay(day) else { throw EnvelopeError(.malformedPlaintext, "day must be a UTC day, YYYY-MM-DD") }
        guard Self.isValidName(fromName), Self.isValidName(toName) else {
            throw EnvelopeError(.malformedPlaintext, "an organisation name is 1-\(Self.maxNameScalars) characters on one line, without control or formatting characters")
        }
        guard caseID != receiverCaseID else { throw EnvelopeError(.malformedPlaintext, "the receiver's case id must be new, not the sender's") }
        guard fromOperator != toOperator else {
            throw EnvelopeError(.wrongOperator, "a case is handed to another organisation: from_operator and to_operator must differ")
        }
    }

    /// An organisation's name as people read it: one line of text, no control or invisible
    /// formatting characters (which could make one name look like another on her page), except
    /// the zero-width joiners some scripts need.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= maxNameScalars, !name.allSatisfy(\.isWhitespace) else { return false }
        return scalars.allSatisfy { scalar in
            if scalar.value == 0x200C || scalar.value == 0x200D { return true }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return false
            default: return true
            }
        }
    }

    static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == UInt8(ascii: "-") : (0x30...0x39).contains(c) }
    }
}
