import AuditLog
import Envelope
import Foundation
import Sodium

/// An inspector's or supervisor's side of the agency API, run on their own machine with their own
/// private key. Every request is signed (Docs/format.md §8); every case is decrypted here, locally.
public struct AgencyClient: Sendable {
    let transport: HTTPTransport
    let keys: AgencyKeyPair
    /// The audit log key this inspector trusts; when set, every case is decrypted only after the
    /// release entry is proven to be in a checkpoint signed by it.
    let logKey: NoteVerifierKey?
    /// The last checkpoint this inspector verified; with a log key, each new one must extend it.
    let checkpointPin: CheckpointPin?
    /// The operator key this holder pins: only keys whose registration it signed are assigned to.
    let operatorKey: OperatorPublicKey?

    public init(server: URL, keys: AgencyKeyPair, logKey: NoteVerifierKey? = nil, checkpointPin: CheckpointPin? = nil,
                operatorKey: OperatorPublicKey? = nil) {
        self.transport = HTTPTransport(base: server)
        self.keys = keys
        self.logKey = logKey
        self.checkpointPin = checkpointPin
        self.operatorKey = operatorKey
    }

    /// The log key the server currently publishes (for pinning on first use).
    public func publishedLogKey() async throws -> NoteVerifierKey {
        let reply = try await transport.send("GET", "/v1/audit/log-key")
        guard reply.status == 200 else { throw HTTPStatusError(status: reply.status, body: reply.body) }
        do {
            return try NoteVerifierKey(parsing: String(decoding: reply.body, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ClientError("the server's log key is malformed: \(error.reason)")
        }
    }

    /// A case this key can open, with its current state.
    public struct CaseSummary: Sendable, Equatable {
        public let caseID: CaseID
        public let status: String
        /// The reporter checked in with her duress code: do not contact her.
        public let duressFlagged: Bool
        /// The filing day, and the newest day of a note, message or answer (YYYY-MM-DD).
        public let day: String
        public let lastActivity: String
        /// Answers from the reporter sealed to this key.
        public let answers: Int

        public init(caseID: CaseID, status: String, duressFlagged: Bool, day: String = "", lastActivity: String = "", answers: Int = 0) {
            self.caseID = caseID
            self.status = status
            self.duressFlagged = duressFlagged
            self.day = day
            self.lastActivity = lastActivity
            self.answers = answers
        }
    }

    /// The cases wrapped to this key.
    public func cases() async throws -> [CaseSummary] {
        let json = try await signedJSON("GET", "/v1/agency/cases")
        guard let list = json["cases"] as? [[String: Any]] else {
            throw ClientError("the server's case list is not in the expected form")
        }
        return list.compactMap { item in
            guard let id = (item["case"] as? String).flatMap(CaseID.init), let status = item["status"] as? String else { return nil }
            let day = item["day"] as? String ?? ""
            return CaseSummary(caseID: id, status: status, duressFlagged: item["duress"] as? Bool ?? false, day: day,
                               lastActivity: item["last_activity"] as? String ?? day, answers: item["answers"] as? Int ?? 0)
        }
    }

    /// Fetches a case and decrypts it with this key: the agency view, or a clear error when this key
    /// was never given the case.
    public func open(_ caseID: CaseID) async throws -> AgencyView {
        try await openFull(caseID).view
    }

    /// Fetches a case and decrypts everything this key can read of it. Notes are checked against
    /// their authors' signing keys from the key directory (fetched only when there are notes): with
    /// a pinned operator key, only keys whose registration it signed (revoked ones included: their
    /// notes were written before), so a row the server made up cannot vouch for a note. What does
    /// not open is listed in `unopened`.
    public func openFull(_ caseID: CaseID) async throws -> OpenedCase {
        try await openWithFile(caseID).opened
    }

    /// `openFull`, with the case file as the server sent it (wraps, reporter key, handovers).
    func openWithFile(_ caseID: CaseID) async throws -> (fetched: FetchedCase, opened: OpenedCase) {
        let fetched = try await fetch(caseID)
        var signingKeys: [String: [UInt8]] = [:]
        if !fetched.notes.isEmpty {
            for entry in try await directory() where operatorKey.map(entry.isRegistered(by:)) ?? true {
                signingKeys[entry.publicKey.keyID] = entry.publicKey.signPublicKey
            }
        }
        return (fetched, try OpenedCase(fetched, keys: keys) { signingKeys[$0] })
    }

    /// Fetches a case file. With a trusted log key, first proves that the release entry the
    /// server wrote for this fetch is in a checkpoint signed by that key. The fetch carries a fresh
    /// nonce (`?release=`, signed with the request) that the entry must record, so the server cannot
    /// point at an earlier release of the same case instead of logging this one.
    func fetch(_ caseID: CaseID) async throws -> FetchedCase {
        let json: [String: Any]
        let nonce = Hex.encode(Random.bytes(16))
        do {
            json = try await signedJSON("GET", "/v1/agency/cases/\(caseID.rawValue)?release=\(nonce)")
        } catch let error as HTTPStatusError where error.status == 404 {
            throw ClientError("this key cannot open case \(caseID): the case was not assigned to \(keys.publicKey.name) (no key wrap for key \(keys.publicKey.keyID))",
                              hint: "ask a supervisor to assign the case to you")
        }
        let fetched = try FetchedCase(json: json, caseID: caseID)
        if let logKey {
            guard let index = fetched.releaseEntry else {
                throw ClientError("refusing to decrypt case \(caseID): the server did not say where it logged this release")
            }
            try await ReleaseProof(transport: transport, logKey: logKey, pin: checkpointPin)
                .verify(caseID: caseID, keyID: keys.publicKey.keyID, request: nonce, entryIndex: index)
        }
        return fetched
    }

    /// Decrypts a case bundle saved earlier (the JSON the server returns for one case:
    /// `{"case", "agency_view", "wrap"}`), without contacting the server: for offline reading.
    public static func decryptBundle(_ data: Data, keys: AgencyKeyPair) throws(ClientError) -> AgencyView {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let caseID = (json["case"] as? String).flatMap(CaseID.init),
              let record = (json["agency_view"] as? String).flatMap(Base64.decode),
              let wrap = (json["wrap"] as? String).flatMap(Base64.decode) else {
            throw ClientError("not a case bundle: expected JSON with \"case\", \"agency_view\" and \"wrap\" (base64)")
        }
        return try decrypt(record: record, wrap: wrap, caseID: caseID, keys: keys)
    }

    /// Opens this key's wrap, then the record, entirely on this machine.
    static func decrypt(record: [UInt8], wrap: [UInt8], caseID: CaseID, keys: AgencyKeyPair) throws(ClientError) -> AgencyView {
        do {
            let caseKey = try KeyWrap.unwrap(wrap, caseID: caseID, with: keys.box)
            return try AgencyView.open(record, caseID: caseID, caseKey: caseKey)
        } catch {
            throw ClientError("this key cannot open case \(caseID): \(error.reason)")
        }
    }

    /// Fetches one of the case's attachments and opens it here with the key from the agency view
    /// (`view` must be the case's opened view: the key never leaves this machine).
    public func attachment(_ entry: AttachmentEntry, of view: AgencyView) async throws -> SecureBytes {
        let sealed = try await signedRequest("GET", "/v1/agency/cases/\(view.caseID.rawValue)/attachments/\(entry.id.rawValue)")
        do {
            return try SealedAttachment.open([UInt8](sealed), caseID: view.caseID, attachmentID: entry.id, key: entry.secretKey())
        } catch {
            throw ClientError("attachment \(entry.id) of case \(view.caseID) does not open: \(error.reason)",
                              hint: "the server's copy may be damaged or not this case's; tell the operator")
        }
    }

    /// Gets a fresh challenge, signs the request over it and sends it.
    func signedJSON(_ method: String, _ pathAndQuery: String, body: [UInt8] = []) async throws -> [String: Any] {
        let reply = try await signedRequest(method, pathAndQuery, body: body)
        guard let json = try? JSONSerialization.jsonObject(with: reply) as? [String: Any] else {
            throw ClientError("the server's answer is not JSON")
        }
        return json
    }

    /// Gets a fresh challenge, signs the request over it and sends it; the body of a 200 answer.
    func signedRequest(_ method: String, _ pathAndQuery: String, body: [UInt8] = []) async throws -> Data {
        let challengeBody = try JSONSerialization.data(withJSONObject: ["key_id": keys.publicKey.keyID])
        let challengeReply = try await transport.send("POST", "/v1/agency/challenge", body: challengeBody)
        guard challengeReply.status == 200,
              let challenge = (try? JSONSerialization.jsonObject(with: challengeReply.body) as? [String: Any])?["challenge"] as? String else {
            throw HTTPStatusError(status: challengeReply.status, body: challengeReply.body)
        }
        let signature = AgencyRequestSignature.sign(method: method, pathAndQuery: pathAndQuery, challenge: challenge,
                                                    body: body, with: keys.signing)
        let reply = try await transport.send(method, pathAndQuery, body: body.isEmpty ? nil : Data(body), headers: [
            AgencyRequestSignature.keyHeader: keys.publicKey.keyID,
            AgencyRequestSignature.challengeHeader: challenge,
            AgencyRequestSignature.signatureHeader: signature,
        ])
        guard reply.status == 200 else {
            if reply.status == 401 {
                var error = ClientError("the server does not accept key \(keys.publicKey.keyID) (\(keys.publicKey.name))",
                                        hint: "the key may not be registered with this server, or it was revoked")
                error.serverAnswered = true
                throw error
            }
            throw HTTPStatusError(status: reply.status, body: reply.body)
        }
        return reply.body
    }
}

/// A non-success HTTP answer, with the server's error text when it gave one.
struct HTTPStatusError: Error, CustomStringConvertible {
    let status: Int
    let body: Data

    var description: String {
        let message = (try? JSONSerialization.jsonObject(with: body) as? [String: Any])?["message"] as? String
        return "the server answered HTTP \(status)" + (message.map { ": \($0)" } ?? "")
    }
}
