import AuditLog
import Envelope
import Foundation

/// An auditor's client for the log endpoints (../shared/CONTRACT.md). It trusts nothing the server
/// says without checking it: signatures against the pinned key, consistency against the last
/// checkpoint this auditor saw, and the root against every entry.
public struct AuditClient: Sendable {
    let transport: HTTPTransport

    public init(server: URL) {
        transport = HTTPTransport(base: server)
    }

    /// What an auditor keeps between runs: the log key first seen, and the last verified checkpoint.
    public struct State: Codable, Sendable {
        public var logKey: String
        public var checkpoint: String

        enum CodingKeys: String, CodingKey { case logKey = "log_key", checkpoint }

        public init(logKey: String, checkpoint: String) {
            self.logKey = logKey
            self.checkpoint = checkpoint
        }
    }

    /// One line of the verdict.
    public struct Check: Sendable {
        public let passed: Bool
        public let name: String
        public let detail: String
    }

    /// Runs every check; returns the verdict lines and, when all passed, the state to save.
    public func verify(previous: State?) async -> (checks: [Check], newState: State?) {
        var checks: [Check] = []
        func record(_ name: String, _ body: () async throws -> String) async -> Bool {
            do {
                checks.append(Check(passed: true, name: name, detail: try await body()))
                return true
            } catch {
                checks.append(Check(passed: false, name: name, detail: "\(error)"))
                return false
            }
        }
        var keyText = "", noteText = "", checkpoint: Checkpoint?
        var auditor: LogAuditor?
        guard await record("log key", {
            keyText = try await text("/v1/audit/log-key").trimmingCharacters(in: .whitespacesAndNewlines)
            auditor = LogAuditor(verifierKey: try NoteVerifierKey(parsing: keyText))
            if let previous, previous.logKey != keyText {
                throw ClientError("the log key changed since the last run (was \(previous.logKey)): a different log is answering")
            }
            return previous == nil ? "\(keyText) (first seen now; pinned in the state file)" : "\(keyText) (matches the pinned key)"
        }), let auditor else { return (checks, nil) }

        guard await record("checkpoint signature", {
            noteText = try await text("/v1/audit/checkpoint")
            checkpoint = try auditor.verifyCheckpoint(noteText)
            return "size \(checkpoint!.size), signed by \(auditor.verifierKey.name)"
        }), let checkpoint else { return (checks, nil) }

        // A saved checkpoint that does not verify is a failure, never "nothing to compare": a state
        // file edited (or a pinned key swapped) must not turn the consistency check off.
        var previousCheckpoint: Checkpoint?
        let consistent = await record("consistency with the last checkpoint", {
            guard let saved = previous?.checkpoint else { return "no earlier checkpoint saved: nothing to compare" }
            do {
                previousCheckpoint = try auditor.verifyCheckpoint(saved)
            } catch {
                throw ClientError("the checkpoint saved in the state file does not verify with the pinned log key (\(error)): the state file was altered or is not from this log")
            }
            guard let previous = previousCheckpoint else { return "no earlier checkpoint saved: nothing to compare" }
            // A smaller log needs no proof to be judged: it is a rollback, and is reported as one
            // (a restored older backup, a database rolled back), not as a failed proof request.
            let proof = checkpoint.size > previous.size
                ? try await proofHashes("/v1/audit/proof/consistency?from=\(previous.size)&to=\(checkpoint.size)") : []
            try auditor.verifyConsistency(of: checkpoint, with: previous, proof: proof)
            return "size \(previous.size) → \(checkpoint.size) is an append-only extension"
        })
        let recomputed = await record("root recomputed from all entries", {
            var replay = auditor.replay(checkpoint: checkpoint, previous: previousCheckpoint)
            var next: UInt64 = 0
            while next < checkpoint.size {
                let page = try await entries(from: next, to: checkpoint.size)
                guard !page.isEmpty else { break }
                for (index, data) in page { try replay.append(entryData: data, index: index) }
                next += UInt64(page.count)
            }
            try replay.finish()
            return "\(checkpoint.size) entries reproduce the signed root"
        })
        let allPassed = consistent && recomputed
        return (checks, allPassed ? State(logKey: keyText, checkpoint: noteText) : nil)
    }

    private func text(_ path: String) async throws -> String {
        let reply = try await transport.send("GET", path)
        guard reply.status == 200 else { throw HTTPStatusError(status: reply.status, body: reply.body) }
        return String(decoding: reply.body, as: UTF8.self)
    }

    private func json(_ path: String) async throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(try await text(path).utf8)) as? [String: Any] else {
            throw ClientError("\(path) did not answer a JSON object")
        }
        return object
    }

    private func proofHashes(_ path: String) async throws -> [[UInt8]] {
        guard let list = try await json(path)["proof"] as? [String] else { throw ClientError("\(path) has no proof list") }
        return try list.map { item in
            guard let hash = Base64.decode(item) else { throw ClientError("\(path) holds a proof hash that is not base64") }
            return hash
        }
    }

    private func entries(from start: UInt64, to end: UInt64) async throws -> [(UInt64, [UInt8])] {
        guard let list = try await json("/v1/audit/entries?start=\(start)&end=\(end)")["entries"] as? [[String: Any]] else {
            throw ClientError("/v1/audit/entries did not answer an entry list")
        }
        return try list.map { item in
            guard let index = (item["index"] as? NSNumber)?.uint64Value, let data = (item["data"] as? String).flatMap(Base64.decode) else {
                throw ClientError("/v1/audit/entries holds a malformed entry")
            }
            return (index, data)
        }
    }
}
