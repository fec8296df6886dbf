import AuditLog
import Envelope
import Firewall
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Intake
import ReporterGuards
import Server
import Sodium
import Storage
import TestSupport

/// The daemon's router over a real store in a temporary folder, with the dev key set registered.
struct ServerHarness {
    let folder: URL
    let store: SQLiteStore
    let deps: ServerDependencies
    let inspector1: AgencyKeyPair
    let inspector2: AgencyKeyPair
    let logKey: SigningKeyPair

    /// `evidence`: the reader attachments go through (none: they are refused as unavailable).
    /// `guardState`: where the guard keeps its counts (default: in memory, as one daemon does).
    init(abuse: AbusePolicy = AbusePolicy(), evidence: (any EvidenceReader)? = nil, guardState: (any GuardStateStore)? = nil,
         challenges: (any AgencyChallengeLedger)? = nil) throws {
        folder = try ScratchFolder.make("safeintake-server")
        store = try SQLiteStore(directory: folder)
        let agency = AgencyService(store: store)
        inspector1 = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        inspector2 = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector, devOnly: true)
        try agency.register(inspector1.publicKey, receivesNewCases: true)
        try agency.register(inspector2.publicKey, receivesNewCases: false)
        logKey = SigningKeyPair()
        var intake = IntakeService(store: store, policy: .makeDefault(),
                                   tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum))
        intake.evidence = EvidenceSettings(reader: evidence)
        deps = ServerDependencies(
            intake: intake, agency: agency, caseWork: CaseWorkService(store: store), authenticator: AgencyAuthenticator(agency: agency, ledger: challenges),
            audit: AuditPublisher(store: store, signer: try NoteSigner(name: "test.invalid/log", keyPair: logKey)),
            work: BlockingWork.start(threads: 4), abuse: AbuseGuard(policy: abuse, state: guardState))
    }

    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: buildRouter(deps))
        try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    func postJSON(_ uri: String, _ body: String) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    func postJSON(_ uri: String, bytes: [UInt8]) async throws -> TestResponse {
        try await executeRequest(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: bytes))
    }

    /// A GET signed with `keys` over a fresh challenge, as the inspector client does it.
    func signedGet(_ uri: String, keys: AgencyKeyPair, tamper: Bool = false) async throws -> TestResponse {
        let challengeResponse = try await postJSON("/v1/agency/challenge", #"{"key_id": "\#(keys.publicKey.keyID)"}"#)
        let challenge = try JSONSerialization.jsonObject(with: Data(buffer: challengeResponse.body)) as! [String: Any]
        let c = challenge["challenge"] as! String
        let signature = AgencyRequestSignature.sign(method: "GET", pathAndQuery: tamper ? uri + "x" : uri, challenge: c, body: [], with: keys.signing)
        return try await executeRequest(uri: uri, method: .get, headers: [
            HTTPField.Name(AgencyRequestSignature.keyHeader)!: keys.publicKey.keyID,
            HTTPField.Name(AgencyRequestSignature.challengeHeader)!: c,
            HTTPField.Name(AgencyRequestSignature.signatureHeader)!: signature,
        ], body: nil)
    }
}

func json(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
}
