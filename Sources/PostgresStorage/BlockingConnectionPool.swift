import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// A small pool of PostgreSQL connections for synchronous callers.
///
/// Why not postgres-nio's `PostgresClient`: its API is `async` only, and `IntakeStore` is
/// synchronous (the daemon calls it from a dedicated thread pool, tests from anywhere). Bridging
/// would mean blocking a thread on a `Task`, and a `Task` needs a thread of Swift's cooperative
/// pool, which blocked synchronous callers may be occupying (it has one thread per core: two here):
/// a deadlock waiting to happen. Connections' `EventLoopFuture` API avoids Swift concurrency
/// altogether: the caller's thread waits in `EventLoopFuture.wait()` while a NIO event-loop thread
/// does the I/O, and NIO itself traps any `wait()` on an event-loop thread, so the bridge can never
/// block the loop it needs.
///
/// Connections open lazily up to `maxConnections`; a caller beyond that waits for one to come
/// back. A connection that broke (server restart, network) is dropped and replaced on next use.
final class BlockingConnectionPool: @unchecked Sendable {
    let location: PostgresLocation
    let maxConnections: Int
    private let configuration: PostgresConnection.Configuration
    private let eventLoops: any EventLoopGroup
    private let logger: Logger

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [PostgresConnection] = []
    private var openCount = 0
    private var nextID = 0
    private var isShutDown = false

    init(location: PostgresLocation, maxConnections: Int, logger: Logger,
         eventLoops: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws(PostgresStoreError) {
        precondition(maxConnections > 0, "a pool needs at least one connection")
        self.location = location
        self.maxConnections = maxConnections
        self.configuration = try location.connectionConfiguration()
        self.eventLoops = eventLoops
        self.logger = logger
    }

    /// Runs `body` with a connection of its own; the connection goes back to the pool afterwards
    /// unless `body` threw an error after which it cannot be trusted (see `PostgresSession`).
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let connection = try acquire()
        let session = PostgresSession(connection: connection, logger: logger)
        do {
            let result = try body(session)
            release(connection, reusable: session.isReusable)
            return result
        } catch {
            release(connection, reusable: session.isReusable)
            throw error
        }
    }

    /// Closes every connection; later calls fail with `shutDown`. Connections in use close as
    /// they come back. `waiting: false` only starts closing (for `deinit`, which may run anywhere).
    func shutdown(waiting: Bool = true) {
        condition.lock()
        isShutDown = true
        let closing = idle
        idle = []
        openCount -= closing.count
        condition.broadcast()
        condition.unlock()
        for connection in closing {
            let closed: EventLoopFuture<Void> = connection.close()
            if waiting {
                try? closed.wait()
            } else {
                // The connection must outlive its channel (postgres-nio asserts it): hold it until closed.
                closed.whenComplete { _ in withExtendedLifetime(connection) {} }
            }
        }
    }

    private func acquire() throws -> PostgresConnection {
        condition.lock()
        while true {
            if isShutDown {
                condition.unlock()
                throw PostgresStoreError(.shutDown, "the PostgreSQL store was shut down")
            }
            if let connection = idle.popLast() {
                if connection.isClosed { openCount -= 1; continue }
                condition.unlock()
                return connection
            }
            if openCount < maxConnections {
                openCount += 1
                nextID += 1
                let id = nextID
                condition.unlock()
                do {
                    return try connect(id: id)
                } catch {
                    condition.lock()
                    openCount -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func release(_ connection: PostgresConnection, reusable: Bool) {
        condition.lock()
        let keep = reusable && !isShutDown && !connection.isClosed
        if keep { idle.append(connection) } else { openCount -= 1 }
        condition.signal()
        condition.unlock()
        if !keep { try? connection.close().wait() }
    }

    private func connect(id: Int) throws(PostgresStoreError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: eventLoops.next(), configuration: configuration, id: id, logger: logger).wait()
        } catch let error as PSQLError {
            throw PostgresStoreError(.connectionFailed, Self.describe(error, location: location), sqlState: error.sqlState)
        } catch {
            throw PostgresStoreError(.connectionFailed, "cannot connect to \(location.redacted): \(error)")
        }
    }

    /// What went wrong at connection time, in terms an operator can act on.
    private static func describe(_ error: PSQLError, location: PostgresLocation) -> String {
        if let message = error.serverInfo?[.message] {
            return "PostgreSQL at \(location.redacted) refused the connection: \(message)"
        }
        let cause = error.underlying.map { "\($0)" } ?? "\(error.code)"
        return "cannot connect to PostgreSQL at \(location.redacted): \(cause); is the server running and the URL right?"
    }
}
