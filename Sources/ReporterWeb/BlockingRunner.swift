/// Runs the domain's blocking calls (Argon2id, fsync'd commits) away from the event loops.
/// The server's thread pool (`Server.BlockingWork`) conforms; the pages only need this much of it,
/// which keeps this module below the server in the dependency order.
public protocol BlockingRunner: Sendable {
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T
}
