import NIOPosix
import ReporterWeb

/// Runs the domain's synchronous, CPU- and disk-bound calls (Argon2id, fsync'd commits) on a
/// dedicated thread pool so they never stall the event loops or Swift's cooperative pool.
public struct BlockingWork: BlockingRunner {
    let pool: NIOThreadPool

    /// A started pool of `threads` threads. Argon2id is memory-hard, so this also bounds the memory
    /// in use at once: threads × the configured Argon2id memory.
    public static func start(threads: Int) -> BlockingWork {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return BlockingWork(pool: pool)
    }

    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await pool.runIfActive(body)
    }

    public func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}
