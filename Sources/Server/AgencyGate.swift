import Envelope
import HTTPTypes
import Hummingbird
import Intake
import Logging

/// The door of every agency route: checks the request's signature headers (Docs/format.md §8) and
/// runs the handler with the caller's key and the body it signed, then turns domain errors into
/// `{error, message}` answers. Failures are logged by type only.
struct AgencyGate: Sendable {
    static let maxBodyBytes = 256 * 1024
    let authenticator: AgencyAuthenticator
    let work: BlockingWork

    /// `largeBodyLimit`: a route whose body may be larger than `maxBodyBytes` (a case received from
    /// another organisation). Such a body is read only for a request that names an active
    /// supervisor's key with a challenge issued for it, so nobody else can make the daemon buffer it.
    func handle(_ request: Request, logger: Logger, largeBodyLimit: Int? = nil,
                _ body: (AgencyPublicKey, [UInt8]) async throws -> Response) async -> Response {
        do {
            let headers = request.headers
            guard let keyID = headers[HTTPField.Name(AgencyRequestSignature.keyHeader)!],
                  let challenge = headers[HTTPField.Name(AgencyRequestSignature.challengeHeader)!],
                  let signature = headers[HTTPField.Name(AgencyRequestSignature.signatureHeader)!] else {
                return JSONResponse.unauthorized()
            }
            if largeBodyLimit != nil {
                guard try await work.run({ [authenticator] in try authenticator.mayCarryLargeBody(keyID: keyID, challenge: challenge) }) else {
                    return JSONResponse.unauthorized()
                }
            }
            let bytes = try await request.collectBody(limit: largeBodyLimit ?? Self.maxBodyBytes)
            let pathAndQuery = request.uri.description
            let method = request.method.rawValue
            guard let key = try await work.run({ [authenticator] in
                try authenticator.authenticate(keyID: keyID, challenge: challenge, signature: signature,
                                               method: method, pathAndQuery: pathAndQuery, body: bytes)
            }) else {
                return JSONResponse.unauthorized()
            }
            return try await body(key, bytes)
        } catch {
            return Self.response(for: error, logger: logger)
        }
    }

    static func response(for error: any Error, logger: Logger) -> Response {
        switch error {
        case let error as IntakeError:
            return JSONResponse.badRequest(error)
        case let error as CaseWorkError:
            return JSONResponse.error(status(of: error.code), code: error.code.rawValue, message: error.message)
        default:
            logger.error("agency request failed", metadata: ["error.type": "\(type(of: error))"])
            return JSONResponse.error(.internalServerError, code: "internal", message: "the request failed on the server")
        }
    }

    static func status(of code: CaseWorkError.Code) -> HTTPResponse.Status {
        switch code {
        case .notFound: .notFound
        case .forbidden, .badSignature: .forbidden
        case .conflict, .reporterUnsafe, .limitReached: .conflict
        case .invalidValue: .badRequest
        case .tooLarge: .contentTooLarge
        }
    }
}

/// Reads the members of an agency request body, refusing anything malformed with a message.
/// Unchecked `Sendable`: it holds an immutable parse result of Foundation value types, read-only.
struct AgencyRequestFields: @unchecked Sendable {
    let object: [String: Any]

    init(_ body: [UInt8], allowedKeys: Set<String>) throws {
        object = try JSONBody.object(body, allowedKeys: allowedKeys)
    }

    /// A string of up to `maxBytes` UTF-8 bytes (a signed statement's exact text).
    func text(_ name: String, maxBytes: Int) throws -> String {
        guard let value = object[name] as? String, !value.isEmpty, value.utf8.count <= maxBytes else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" is required and must be a string of at most \(maxBytes) bytes")
        }
        return value
    }

    func string(_ name: String) throws -> String {
        guard let value = object[name] as? String, !value.isEmpty, value.utf8.count <= 128 else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" is required and must be a short string")
        }
        return value
    }

    func integer(_ name: String) throws -> Int {
        guard let value = object[name] as? Int, value >= 0 else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" is required and must be a non-negative integer")
        }
        return value
    }

    func bytes(_ name: String) throws -> [UInt8] {
        guard let text = object[name] as? String, let value = Base64.decode(text) else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" is required and must be base64")
        }
        return value
    }

    func has(_ name: String) -> Bool { object[name] != nil }

    func byteList(_ name: String) throws -> [[UInt8]] {
        guard let list = object[name] as? [String], list.count <= 1024 else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" must be a list of base64 strings")
        }
        return try list.map { text in
            guard let value = Base64.decode(text) else { throw CaseWorkError(.invalidValue, "\"\(name)\" must hold base64 strings") }
            return value
        }
    }

    func byteMap(_ name: String) throws -> [String: [UInt8]] {
        guard let map = object[name] as? [String: String], map.count <= 1024 else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" must be an object of key id → base64")
        }
        return try map.mapValues { text in
            guard let value = Base64.decode(text) else { throw CaseWorkError(.invalidValue, "\"\(name)\" must hold base64 strings") }
            return value
        }
    }

    /// An optional sealed note `{"epoch": N, "record": BASE64}` by `author`.
    func note(_ name: String, author: String) throws -> StoredNote? {
        guard let value = object[name] else { return nil }
        guard let dictionary = value as? [String: Any] else {
            throw CaseWorkError(.invalidValue, "\"\(name)\" must be {\"epoch\": N, \"record\": BASE64}")
        }
        let fields = AgencyRequestFields(object: dictionary)
        return StoredNote(epoch: try fields.integer("epoch"), author: author, record: try fields.bytes("record"))
    }

    private init(object: [String: Any]) { self.object = object }
}
