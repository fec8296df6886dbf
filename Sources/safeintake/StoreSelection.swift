import ArgumentParser
import Foundation
import Intake
import Logging
import PostgresStorage
import ReporterGuards
import Sodium
import Storage

/// The store a daemon runs on: the embedded SQLite file in its data folder (the default), or a
/// PostgreSQL database that several daemons share (`--database` or `SAFEINTAKE_DATABASE`).
enum StoreSelection {
    case sqlite(SQLiteStore)
    case postgres(PostgresStore, PostgresLocation)

    /// The environment variable that names the database when `--database` is not given. Prefer it
    /// to the option when the URL holds a password: other users can read a process's arguments.
    static let environmentVariable = "SAFEINTAKE_DATABASE"

    /// `--database`, else `SAFEINTAKE_DATABASE`, else nil (SQLite).
    static func databaseURL(option: String?) -> String? {
        let chosen = option ?? ProcessInfo.processInfo.environment[environmentVariable]
        return chosen.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Opens the chosen store and runs its migrations. `connections` bounds a PostgreSQL pool: one
    /// per worker thread, since each store call holds one connection.
    static func open(databaseURL: String?, folder: URL, connections: Int, logger: Logger) throws -> StoreSelection {
        guard let databaseURL else { return .sqlite(try SQLiteStore(directory: folder)) }
        let location = try PostgresLocation(url: databaseURL)
        return .postgres(try PostgresStore(location: location, maxConnections: connections, logger: logger), location)
    }

    var store: any IntakeStore {
        switch self {
        case .sqlite(let store): store
        case .postgres(let store, _): store
        }
    }

    var isSQLite: Bool {
        if case .sqlite = self { return true }
        return false
    }

    /// Where the data is, for the start-up log line (never a password).
    var place: String {
        switch self {
        case .sqlite: "sqlite \(SQLiteStore.fileName) in the data folder"
        case .postgres(_, let location): "postgresql \(location.redacted)"
        }
    }

    /// Checks that this daemon's secrets are the deployment's (PostgreSQL: recorded by the first
    /// daemon, checked for every later one; SQLite: the secrets sit beside the database).
    func bindSecrets(folder: DataFolder, logVerifierKey: String) throws {
        guard case .postgres(let store, _) = self else { return }
        try store.bindDeployment(DeploymentFingerprint(logVerifierKey: logVerifierKey, tokenPepper: try folder.tokenPepper(),
                                                       formTokenKey: try folder.formTokenKey()))
    }

    /// Where the guards keep their counts, and the proof-of-work key: this daemon's memory and a
    /// random key on SQLite (one daemon, as always); on PostgreSQL the database every daemon shares
    /// and a key derived from the shared form-token key, so that N daemons admit the configured caps
    /// and accept each other's challenges (Docs/abuse-resistance.md, "Several daemons").
    func guardSetup(policy: AbusePolicy, folder: DataFolder, logger: Logger) throws -> GuardSetup {
        guard case .postgres(_, let location) = self else { return GuardSetup(state: MemoryGuardState(policy: policy), proofKey: nil, shared: nil) }
        let secret = try folder.formTokenKey()
        let shared = try PostgresGuardState(location: location, secret: secret, locatorWindowSeconds: policy.locatorWindowSeconds,
                                            logger: logger)
        shared.startSweeping()
        return GuardSetup(state: shared, proofKey: try PostgresGuardState.proofKey(from: secret), shared: shared)
    }

    /// Where agency challenges wait to be used: the database several daemons share, or (nil) this
    /// daemon's memory.
    var challengeLedger: (any AgencyChallengeLedger)? {
        if case .postgres(let store, _) = self { return store }
        return nil
    }

    func close() {
        if case .postgres(let store, _) = self { store.shutdown() }
    }
}

/// The guards' state as `serve` wires it (`StoreSelection.guardSetup`).
struct GuardSetup {
    let state: any GuardStateStore
    /// The proof-of-work MAC key; nil: a random one for this process.
    let proofKey: SecureBytes?
    /// The shared state to stop at shutdown (PostgreSQL only).
    let shared: PostgresGuardState?
}

/// `--data` and `--database` for the operator's commands that work on the store directly.
struct StoreOptions: ParsableArguments {
    @Option(help: "The daemon's data folder (its SQLite database).") var data = "./data"
    @Option(help: "The daemon's PostgreSQL database instead (postgres://...). Default: $SAFEINTAKE_DATABASE.") var database: String?

    func open() throws -> StoreSelection {
        try StoreSelection.open(databaseURL: StoreSelection.databaseURL(option: database), folder: URL(fileURLWithPath: data),
                                connections: 1, logger: Logger(label: "safeintake"))
    }
}
