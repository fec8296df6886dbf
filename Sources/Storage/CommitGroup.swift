import Dispatch
import GRDB
import Synchronization

/// Group commit: complaints filed at the same moment share one transaction and one fsync.
///
/// Writers hand their work to the group. One commit lane (a serial dispatch queue) takes every
/// piece of work waiting at that moment, runs each in its own savepoint inside a single
/// transaction, commits (one fsync for all), then tells each writer how its own piece went, and
/// starts again while work is waiting. A writer hears back only after the transaction holding its
/// work has committed, so an acknowledged complaint is as durable as with one commit each; a piece
/// that fails (a locator clash) rolls back its own savepoint only.
///
/// Why: with `synchronous = FULL` each commit is an fsync of the WAL, and the per-transaction
/// work (locking, journal frames for the same audit-tree and index pages) was repeated for every
/// complaint. Under load the batch grows by itself; a lone writer commits alone, with no added wait.
/// Writers that `await` hold no thread while their commit waits for the disk, so the worker threads
/// go on sealing the next complaints (Docs/benchmarks.md, "What limits intake now").
final class CommitGroup: Sendable {
    private let pool: DatabasePool
    private let state = Mutex(State())
    private let lane = DispatchQueue(label: "safeintake.commit-group")

    private struct State: ~Copyable {
        var pending: [Writer] = []
        var draining = false
    }

    /// One piece of work and whom to tell how it went. `complete` is called exactly once, on the
    /// lane, after the commit.
    private final class Writer: @unchecked Sendable {
        let work: (Database) throws -> Void
        let complete: @Sendable ((any Error)?) -> Void
        init(_ work: @escaping (Database) throws -> Void, complete: @escaping @Sendable ((any Error)?) -> Void) {
            self.work = work
            self.complete = complete
        }
    }

    /// What a blocked writer learns; written on the lane before the signal, read after it.
    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
        let done = DispatchSemaphore(value: 0)
    }

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `work` inside a savepoint of a shared transaction and returns once that transaction has
    /// committed; rethrows what `work` threw, or the commit's error. Blocks the calling thread.
    func write(_ work: @escaping (Database) throws -> Void) throws {
        let outcome = Outcome()
        enqueue(Writer(work) { error in
            outcome.error = error
            outcome.done.signal()
        })
        outcome.done.wait()
        if let error = outcome.error { throw error }
    }

    /// As `write`, but suspends instead of blocking: the calling thread is free while the commit
    /// waits for the disk.
    func write(_ work: @escaping (Database) throws -> Void) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            enqueue(Writer(work) { error in
                if let error { continuation.resume(throwing: error) } else { continuation.resume() }
            })
        }
    }

    private func enqueue(_ writer: Writer) {
        let starts = state.withLock { state in
            state.pending.append(writer)
            if state.draining { return false }
            state.draining = true
            return true
        }
        if starts { lane.async { self.drain() } }
    }

    /// Commits batches until nothing is waiting.
    private func drain() {
        while true {
            let batch = state.withLock { state -> [Writer] in
                let batch = state.pending
                state.pending = []
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            for (writer, error) in zip(batch, commit(batch)) { writer.complete(error) }
        }
    }

    /// Each writer's error, or nil where its work is committed.
    private func commit(_ batch: [Writer]) -> [(any Error)?] {
        var errors = [(any Error)?](repeating: nil, count: batch.count)
        do {
            try pool.write { db in
                for (i, writer) in batch.enumerated() {
                    do {
                        try db.inSavepoint {
                            try writer.work(db)
                            return .commit
                        }
                    } catch {
                        errors[i] = error
                    }
                }
            }
        } catch {
            // The transaction itself failed: nothing in it was stored.
            for i in errors.indices { errors[i] = errors[i] ?? error }
        }
        return errors
    }
}
