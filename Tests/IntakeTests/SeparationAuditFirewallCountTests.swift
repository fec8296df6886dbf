import AuditLog
import Envelope
import Firewall
import Foundation
import Intake
import SeparationAudit
import Sodium
import Storage
import Testing

/// The separation audit after firewall counts left the public log (security review 2026-12, F2),
/// and its check 5 without any file from the source tree (I9).
@Suite("separation audit: firewall counts, and the API description it checks")
struct SeparationAuditFirewallCountTests {
    /// The operator key that signs the folder's key registrations (check 4 requires them).
    static let operatorKey = OperatorKeyPair.generate(devOnly: true)

    /// A folder as the daemon leaves it: three keys, two complaints, `extra` entries appended with
    /// inspector-2's registration, and a signed checkpoint over everything.
    static func folder(_ folder: URL, extra: (CaseID) -> [[UInt8]]) throws -> NoteVerifierKey {
        let store = try SQLiteStore(directory: folder)
        let agency = AgencyService(store: store)
        for (name, role) in [("supervisor", AgencyRole.supervisor), ("inspector-1", .inspector)] {
            let key = try AgencyKeyPair.generate(name: name, role: role, devOnly: true).publicKey
            try agency.register(operatorKey.sign(KeyRegistration(key: key, team: "default", receivesNewCases: true)))
        }
        let signing = SigningKeyPair()
        let signer = try NoteSigner(name: "safeintake.invalid/audit/test", keyPair: signing)
        let intake = IntakeService(store: store, policy: FirewallPolicy.makeDefault(), tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: .minimum))
        let audit = AuditPublisher(store: store, signer: signer)
        try audit.recordPolicy(hash: intake.policyHash, version: FirewallPolicy.makeDefault().version)
        let filed = try intake.file(body: Harness.body(IntakePathTests.complaint))
        _ = try intake.file(body: Harness.body(IntakePathTests.complaint))
        let late = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector, devOnly: true).publicKey
        let signed = operatorKey.sign(try KeyRegistration(key: late, team: "default", receivesNewCases: false))
        let registered = AuditEvent.agencyKeyRegistered(keyID: late.keyID, role: late.role, signPublicKey: late.signPublicKey, signed: signed)
            .entryData(time: CoarseTime())
        try store.registerAgencyKey(late, receivesNewCases: false, team: "default", day: CoarseTime().day(), audit: [registered] + extra(filed.caseID))
        _ = try audit.signedCheckpoint()
        return try NoteVerifierKey(name: signer.name, publicKey: signing.publicKey)
    }

    /// An entry as daemons before 2026-12 wrote it: canonical JSON padded to 256 bytes.
    static func entry(_ json: String) -> [UInt8] {
        var bytes = Array(json.utf8)
        bytes += repeatElement(UInt8(ascii: " "), count: (256 - bytes.count % 256) % 256)
        return bytes
    }

    @Test("a log with firewall_summary entries from before 2026-12 still passes all six checks")
    func legacySummariesStillVerify() throws {
        try withTemporaryFolder { folder in
            let key = try Self.folder(folder) { _ in
                [Self.entry(#"{"complaints":50,"day":"2026-11-30","policy":"ab","removed":{"explicit_status":3},"type":"firewall_summary","v":1}"#)]
            }
            let checks = try SeparationAuditor(folder: folder, logKey: key, openAPI: BundledOpenAPI.text, operatorKey: Self.operatorKey.publicKey).run()
            #expect(checks.map(\.passed) == Array(repeating: true, count: 6), "\(checks.map(\.line))")
            #expect(checks[2].examined.contains("1 firewall_summary"), "\(checks[2].line)")
        }
    }

    @Test("firewall counts next to a case id fail check 3")
    func perCaseCountsFail() throws {
        try withTemporaryFolder { folder in
            let key = try Self.folder(folder) { caseID in
                [Self.entry(#"{"case":"\#(caseID.rawValue)","day":"2026-12-06","removed":{"explicit_status":1},"type":"firewall_summary","v":1}"#)]
            }
            let checks = try SeparationAuditor(folder: folder, logKey: key, openAPI: BundledOpenAPI.text, operatorKey: Self.operatorKey.publicKey).run()
            #expect(!checks[2].passed)
            #expect(checks[2].findings.first?.contains("publishes firewall counts next to case") == true, "\(checks[2].line)")
        }
    }

    @Test("the OpenAPI description bundled in the binary is Docs/openapi.yaml (run scripts/bundle-openapi), and passes check 5")
    func bundledOpenAPI() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("Docs/openapi.yaml"), encoding: .utf8)
        #expect(BundledOpenAPI.text + "\n" == docs, "Docs/openapi.yaml changed: run scripts/bundle-openapi")
        try withTemporaryFolder { folder in
            let key = try Self.folder(folder) { _ in [] }
            let check5 = try SeparationAuditor(folder: folder, logKey: key, openAPI: BundledOpenAPI.text, operatorKey: Self.operatorKey.publicKey).run()[4]
            #expect(check5.passed, "\(check5.line)")
        }
    }
}
