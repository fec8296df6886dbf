import Envelope
import Foundation

/// The key directory as the operator signed it, read from the audit log (Docs/threat-model.md,
/// "Security review 2026-12"). A row in the database's `agency_keys` table counts only when an
/// `agency_key_registered` entry in the log carries the operator's signature over exactly that key,
/// name, role and team; a row written by anyone who can only write to the database matches none.
///
/// The daemon pins the operator's public key outside the database (`secrets/operator.pub`). Routing,
/// assignment and request signatures accept only keys anchored here; a key revoked in the log
/// stays revoked whatever its row says, and whatever is logged about it later.
///
/// The log is read incrementally: each call reads only the entries appended since the last one (a
/// few per complaint), and parses only those about keys.
public final class KeyDirectoryAnchor: @unchecked Sendable {
    public let operatorKey: OperatorPublicKey
    let store: any IntakeStore
    private let lock = NSLock()
    private var scanned: UInt64 = 0
    private var registrations: [String: SignedKeyRegistration] = [:]
    private var revokedInLog: Set<String> = []

    public init(store: any IntakeStore, operatorKey: OperatorPublicKey) {
        self.store = store
        self.operatorKey = operatorKey
    }

    /// The operator's signed registration of `keyID`, when the log holds one.
    public func registration(of keyID: String) throws -> SignedKeyRegistration? {
        try withLatest { registrations[keyID] }
    }

    /// The anchored subset of `keys`: each as its signed registration describes it (a row's team,
    /// name or role that differ from it disqualify the row; new cases only when both agree).
    public func anchored(_ keys: [RegisteredKey]) throws -> [RegisteredKey] {
        try withLatest {
            keys.compactMap { key in
                guard let signed = registrations[key.publicKey.keyID] else { return nil }
                let registration = signed.registration
                guard registration.key == key.publicKey, registration.team == key.team else { return nil }
                return RegisteredKey(publicKey: key.publicKey, receivesNewCases: key.receivesNewCases && registration.receivesNewCases,
                                     revoked: key.revoked || revokedInLog.contains(key.publicKey.keyID), team: key.team)
            }
        }
    }

    /// Whether `key` is anchored (and not revoked in the log).
    public func isAnchored(_ key: RegisteredKey) throws -> Bool {
        try anchored([key]).first.map { !$0.revoked } ?? false
    }

    /// Runs `body` after reading the log's new entries.
    private func withLatest<T>(_ body: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try scan()
        return try body()
    }

    /// Reads the entries appended since the last scan. Only entries that mention a key registration
    /// or revocation are parsed.
    private func scan() throws {
        let size = try store.auditLogSize()
        let registered = Array("agency_key_".utf8)
        while scanned < size {
            let end = min(size, scanned + 1000)
            for data in try store.auditEntries(scanned..<end) where Self.contains(data, registered) {
                guard let entry = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] else { continue }
                switch entry["type"] as? String {
                case "agency_key_registered":
                    if let signed = SignedKeyRegistration(logEntry: entry), operatorKey.verifies(signed) {
                        registrations[signed.registration.key.keyID] = signed
                    }
                case "agency_key_revoked":
                    if let key = entry["key"] as? String { revokedInLog.insert(key) }
                default:
                    break
                }
            }
            scanned = end
        }
    }

    private static func contains(_ data: [UInt8], _ needle: [UInt8]) -> Bool {
        guard data.count >= needle.count else { return false }
        return (0...(data.count - needle.count)).contains { start in data[start..<start + needle.count].elementsEqual(needle) }
    }
}
