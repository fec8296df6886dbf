import Envelope
import Firewall
import Foundation
import Intake
import Sodium

/// A real, fresh store of `backend` with three registered keys, as the daemon sets up on first
/// start: supervisor and inspector-1 receive new cases, inspector-2 does not.
struct Harness {
    let database: TestDatabase
    let pepper: SecureBytes
    let cost: PasswordHash.Cost
    var store: any IntakeStore { database.store }
    let intake: IntakeService
    let agency: AgencyService
    let caseWork: CaseWorkService
    let supervisor: AgencyKeyPair
    let inspector1: AgencyKeyPair
    let inspector2: AgencyKeyPair

    init(_ backend: Backend = .sqlite, cost: PasswordHash.Cost = .minimum) throws {
        database = try TestDatabase.make(backend)
        pepper = SecureBytes(randomCount: 32)
        self.cost = cost
        let store = database.store
        agency = AgencyService(store: store)
        caseWork = CaseWorkService(store: store)
        supervisor = try AgencyKeyPair.generate(name: "supervisor", role: .supervisor, devOnly: true)
        inspector1 = try AgencyKeyPair.generate(name: "inspector-1", role: .inspector, devOnly: true)
        inspector2 = try AgencyKeyPair.generate(name: "inspector-2", role: .inspector, devOnly: true)
        try agency.register(supervisor.publicKey, receivesNewCases: true)
        try agency.register(inspector1.publicKey, receivesNewCases: true)
        try agency.register(inspector2.publicKey, receivesNewCases: false)
        intake = IntakeService(store: store, policy: FirewallPolicy.makeDefault(), tokens: TokenHasher(pepper: pepper, cost: cost))
    }

    /// The intake service of a second daemon on the same database, with the same secrets.
    func secondDaemon() throws -> (store: any IntakeStore, intake: IntakeService) {
        let store = try database.openAnother()
        return (store, IntakeService(store: store, policy: FirewallPolicy.makeDefault(), tokens: TokenHasher(pepper: pepper, cost: cost)))
    }

    /// Opens a case as `holder` would on their own machine; nil when no wrap exists for them.
    func open(_ caseID: CaseID, as holder: AgencyKeyPair) throws -> AgencyView? {
        guard let found = try caseWork.release(caseID, to: holder.publicKey.keyID), let wrap = found.wraps[0] else { return nil }
        let key = try KeyWrap.unwrap(wrap, caseID: caseID, with: holder.box)
        return try AgencyView.open(found.agencyView, caseID: caseID, caseKey: key)
    }

    /// Every byte of every file the store wrote (SQLite: database, WAL, shared memory; PostgreSQL:
    /// the database's files and the server's write-ahead log).
    func allStoredBytes() throws -> Data {
        try database.storedBytes()
    }

    /// Today as the store records it (UTC day).
    var today: String { CoarseTime().day() }

    static func body(_ object: [String: Any]) -> [UInt8] {
        [UInt8](try! JSONSerialization.data(withJSONObject: object))
    }
}

extension Data {
    /// Whether the UTF-8 bytes of `text` occur anywhere. memchr + memcmp, not `range(of:)`: the
    /// PostgreSQL scans cover tens of megabytes.
    func containsUTF8(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, needle.count <= count else { return needle.isEmpty }
        return withUnsafeBytes { hay in
            guard let base = hay.baseAddress else { return false }
            let lastStart = hay.count - needle.count
            var offset = 0
            while offset <= lastStart, let hit = memchr(base + offset, Int32(first), lastStart - offset + 1) {
                if memcmp(hit, needle, needle.count) == 0 { return true }
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return false
        }
    }
}
