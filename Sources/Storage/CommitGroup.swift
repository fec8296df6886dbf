import Dispatch
import GRDB
import Synchronization

/// Group commit: complaints filed at the same moment share one transaction and one fsync.
///
/// Each writer hands its work to the group and blocks. One of them, the leader, takes every piece
/// of work waiting at that moment, runs each in its own savepoint inside a single transaction,
/// commits (one fsync for all), then tells each writer how its own piece went, and hands the lead
/// to the first writer that arrived meanwhile. A writer returns only after the transaction holding
/// its work has committed, so an acknowledged complaint is as durable as with one commit each; a
/// piece that fails (a locator clash) rolls back its own savepoint only.
///
/// Why: with `synchronous = FULL` each commit is an fsync of the WAL, and the per-transaction
/// work (locking, journal frames for the same audit-tree and index pages) was repeated for every
/// complaint. Under load the batch grows by itself; a lone writer commits alone, with no added wait.
final class CommitGroup: Sendable {
    private let pool: DatabasePool
    private let state = Mutex(State())

    private struct State: ~Copyable {
        var pending: [Writer] = []
        var leading = false
    }

    /// One waiting writer. `outcome` is written by the leader before it signals, and read by the
    /// writer after the signal, so the semaphore orders every access.
    private final class Writer: @unchecked Sendable {
        enum Outcome { case waiting, lead, done((any Error)?) }
        let work: (Database) throws -> Void
        var outcome = Outcome.waiting
        let wake = DispatchSemaphore(value: 0)
        init(_ work: @escaping (Database) throws -> Void) { self.work = work }
    }

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `work` inside a savepoint of a shared transaction and returns once that transaction has
    /// committed; rethrows what `work` threw, or the commit's error.
    func write(_ work: @escaping (Database) throws -> Void) throws {
        let me = Writer(work)
        let leads = state.withLock { state in
            state.pending.append(me)
            if state.leading { return false }
            state.leading = true
            return true
        }
        if !leads {
            me.wake.wait()
            if case let .done(error) = me.outcome {
                if let error { throw error }
                return
            }
        }
        // Leading: my own work is in this batch, since nobody took the queue since I joined it.
        let batch = state.withLock { state in
            let batch = state.pending
            state.pending = []
            return batch
        }
        commit(batch)
        state.withLock { state in
            if let next = state.pending.first {
                next.outcome = .lead
                next.wake.signal()
            } else {
                state.leading = false
            }
        }
        for writer in batch where writer !== me { writer.wake.signal() }
        if case let .done(error) = me.outcome, let error { throw error }
    }

    private func commit(_ batch: [Writer]) {
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
        for (writer, error) in zip(batch, errors) { writer.outcome = .done(error) }
    }
}
