import NIOPosix
import ReporterWeb
import Synchronization

/// Runs the domain's synchronous, CPU- and disk-bound calls (Argon2id, fsync'd commits) on a
/// dedicated thread pool so they never stall the event loops or Swift's cooperative pool.
public struct BlockingWork: BlockingRunner {
    let pool: NIOThreadPool
    let depth = WorkDepth()

    /// A started pool of `threads` threads. Argon2id is memory-hard, so this also bounds the memory
    /// in use at once: threads × the configured Argon2id memory.
    public static func start(threads: Int) -> BlockingWork {
        let pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        return BlockingWork(pool: pool)
    }

    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        depth.count.add(1, ordering: .relaxed)
        defer { depth.count.subtract(1, ordering: .relaxed) }
        return try await pool.runIfActive(body)
    }

    /// Calls waiting for or running on the pool now: above the thread count, work is queueing
    /// (the metrics listener's `safeintake_work_queue_depth`).
    public var queueDepth: Int { depth.count.load(ordering: .relaxed) }

    public func shutdown() async throws {
        try await pool.shutdownGracefully()
    }
}

/// The pool's in-flight count, shared by every copy of the `BlockingWork` value.
final class WorkDepth: Sendable {
    let count = Atomic<Int>(0)
}
