import Envelope
import Foundation
import Testing
@testable import Intake

@Suite("Audit entry JSON")
struct AuditEntryJSONTests {
    private static let time = CoarseTime(now: { Date(timeIntervalSince1970: 1_796_300_000) })

    private static func everyEvent() -> [AuditEvent] {
        let c = CaseID.generate()
        return [
            .complaintAccepted(caseID: c, policyHash: String(repeating: "ab", count: 32), policyVersion: 3),
            .caseKeyWrapped(caseID: c, recipientKeyID: "k1-supervisor"),
            .keyReleased(caseID: c, recipientKeyID: "k2"),
            .tokenSpent,
            .agencyKeyRegistered(keyID: "k3", role: .supervisor, signPublicKey: Array(0..<32)),
            .agencyKeyRevoked(keyID: "k3"),
            .caseAssigned(CaseAssignment(caseID: c, assignee: "k4", assigner: "k1", wrapsDigest: "00ff", epochs: 2), signature: Array(repeating: 9, count: 64)),
            .epochChanged(EpochChange(caseID: c, removed: "k4", by: "k1", epoch: 3, wrapsDigest: "ffee"), signature: Array(repeating: 7, count: 64)),
            .statusChanged(caseID: c, state: .investigating, by: "k2"),
            .noteAdded(caseID: c, by: "k2"),
            .messageSent(caseID: c, by: "k2"),
            .duressFlagged(caseID: c),
            .policyChanged(policyHash: "cd", policyVersion: 1),
            .caseDeleted(caseID: c),
        ]
    }

    @Test("every event encodes exactly as JSONSerialization with sorted keys did, padded to 256-byte blocks")
    func matchesJSONSerialization() throws {
        for event in Self.everyEvent() {
            let entry = event.entryData(time: Self.time)
            #expect(entry.count % AuditEvent.entryBlockSize == 0)
            let json = Array(entry.reversed().drop { $0 == UInt8(ascii: " ") }.reversed())
            let parsed = try JSONSerialization.jsonObject(with: Data(json))
            let oracle = try JSONSerialization.data(withJSONObject: parsed, options: [.sortedKeys, .withoutEscapingSlashes])
            #expect(json == [UInt8](oracle), "\(event)")
        }
    }

    @Test("strings with quotes, backslashes, slashes, control characters and non-ASCII survive a round trip")
    func escaping() throws {
        let awkward = "a\"b\\c/d\ne\u{01}f\tg — ü 漢"
        let encoded = AuditEntryJSON.encode(["by": .string(awkward), "v": 1])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(encoded)) as? [String: Any])
        #expect(parsed["by"] as? String == awkward)
        #expect(String(decoding: encoded, as: UTF8.self).hasPrefix(#"{"by":"a\"b\\c/d\ne\u0001f\tg"#))
    }

    @Test("reporter actions carry the day, agency actions the hour")
    func coarseTimes() throws {
        let accepted = try JSONSerialization.jsonObject(with: Data(AuditEvent.tokenSpent.entryData(time: Self.time))) as? [String: Any]
        let released = try JSONSerialization.jsonObject(with: Data(AuditEvent.keyReleased(caseID: .generate(), recipientKeyID: "k").entryData(time: Self.time))) as? [String: Any]
        #expect(accepted?["day"] as? String == "2026-12-03")
        #expect(accepted?["hour"] == nil)
        #expect(released?["hour"] as? String == "2026-12-03T12Z")
    }
}
