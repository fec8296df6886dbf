import Envelope
import Firewall
import Foundation
import Intake
import Sodium
import Storage

/// A real store in a fresh temporary folder with three registered keys, as the daemon sets up on
/// first start: supervisor and inspector-1 receive new cases, inspector-2 does not.
struct Harness {
    let folder: URL
    let store: SQLiteStore
    let intake: IntakeService
    let agency: AgencyService
    let caseWork: CaseWorkService
    let supervisor: AgencyKeyPair
    let inspector1: AgencyKeyPair
    let inspector2: AgencyKeyPair

    init(cost: PasswordHash.Cost = .minimum) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try SQLiteStore(directory: folder)
        agency = AgencyService(store: store)
        caseWork = CaseWorkService(store: store)
        supervisor = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor, devOnly: true)
        inspector1 = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        inspector2 = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector, devOnly: true)
        try agency.register(supervisor.publicKey, receivesNewCases: true)
        try agency.register(inspector1.publicKey, receivesNewCases: true)
        try agency.register(inspector2.publicKey, receivesNewCases: false)
        intake = IntakeService(store: store, policy: FirewallPolicy.makeDefault(),
                               tokens: TokenHasher(pepper: SecureBytes(randomCount: 32), cost: cost))
    }

    /// Opens a case as `holder` would on their own machine; nil when no wrap exists for them.
    func open(_ caseID: CaseID, as holder: AgencyKeyPair) throws -> AgencyView? {
        guard let found = try caseWork.release(caseID, to: holder.publicKey.keyID), let wrap = found.wraps[0] else { return nil }
        let key = try KeyWrap.unwrap(wrap, caseID: caseID, with: holder.box)
        return try AgencyView.open(found.agencyView, caseID: caseID, caseKey: key)
    }

    /// Every byte of every file the store wrote (database, WAL, shared memory).
    func allStoredBytes() throws -> Data {
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            all += try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return all
    }

    static func body(_ object: [String: Any]) -> [UInt8] {
        [UInt8](try! JSONSerialization.data(withJSONObject: object))
    }
}

extension Data {
    func containsUTF8(_ text: String) -> Bool {
        range(of: Data(text.utf8)) != nil
    }
}
