import Foundation

/// A key's signed registration as a file (Docs/format.md §5.5): what a receiving organisation's
/// supervisor hands, with their `operator.pub`, to an organisation that will transfer cases to
/// them (`safeintake inspector export-registration`), and what a transfer bundle carries about the
/// sending supervisor. Public: it holds public keys and the operator's signature only.
extension SignedKeyRegistration {
    struct FileContents: Codable, Equatable {
        var safeintake_key_registration: Int
        var operator_id: String
        var key_id: String
        var name: String
        var role: AgencyRole
        var team: String
        var receives_new_cases: Bool
        var box_public_key: String
        var sign_public_key: String
        var signature: String

        enum CodingKeys: String, CodingKey {
            case safeintake_key_registration, operator_id = "operator", key_id, name, role, team, receives_new_cases
            case box_public_key, sign_public_key, signature
        }
    }

    var fileContents: FileContents {
        let key = registration.key
        return FileContents(safeintake_key_registration: 1, operator_id: operatorID, key_id: key.keyID, name: key.name, role: key.role,
                            team: registration.team, receives_new_cases: registration.receivesNewCases,
                            box_public_key: Base64.encode(key.boxPublicKey), sign_public_key: Base64.encode(key.signPublicKey),
                            signature: Base64.encode(signature))
    }

    init(fileContents contents: FileContents) throws(EnvelopeError) {
        guard contents.safeintake_key_registration == 1 else {
            throw EnvelopeError(.unsupportedVersion, "key registration file version \(contents.safeintake_key_registration) is not supported")
        }
        guard let box = Base64.decode(contents.box_public_key), let sign = Base64.decode(contents.sign_public_key),
              let signature = Base64.decode(contents.signature) else {
            throw EnvelopeError(.malformedKeyFile, "the key registration's keys or signature are not valid base64")
        }
        let key = try AgencyPublicKey(name: contents.name, role: contents.role, boxPublicKey: box, signPublicKey: sign)
        guard key.keyID == contents.key_id else {
            throw EnvelopeError(.keyMismatch, "the key id in the key registration does not match its public keys")
        }
        self.init(registration: try KeyRegistration(key: key, team: contents.team, receivesNewCases: contents.receives_new_cases),
                  operatorID: contents.operator_id, signature: signature)
    }

    /// The registration file: pretty JSON, sorted keys. Its signature is not checked here: the
    /// reader checks it with the operator key it pins (`OperatorPublicKey.verifies(_:)`).
    public func registrationFile() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(fileContents) + Data("\n".utf8)
    }

    /// Reads a registration file; the key id is recomputed and must match.
    public init(registrationFile data: Data) throws(EnvelopeError) {
        guard let contents = try? JSONDecoder().decode(FileContents.self, from: data) else {
            throw EnvelopeError(.malformedKeyFile, "not a SafeIntake key registration file (expected the JSON of Docs/format.md §5.5)")
        }
        try self.init(fileContents: contents)
    }
}
