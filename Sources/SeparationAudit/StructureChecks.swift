import Envelope
import Foundation
import GRDB

/// Checks 1 and 2: what the database can hold, and that what it holds about complaints is ciphertext.
enum StructureChecks {
    /// 1. No column can hold a prohibited category.
    static func schema(_ snapshot: DataSnapshot) -> SeparationCheck {
        var findings: [String] = []
        for (table, columns) in snapshot.columns.sorted(by: { $0.key < $1.key }) {
            for column in columns {
                if let reason = ProhibitedNames.match(column) { findings.append("column \(table).\(column) names \(reason)") }
                if column == "status" { findings.append("column \(table).\(column) is a bare 'status', which could hold immigration status") }
            }
        }
        let count = snapshot.columns.values.map(\.count).reduce(0, +)
        return SeparationCheck(number: 1, title: "the schema has no column for a prohibited category", findings: findings,
                               examined: "\(snapshot.columns.count) tables, \(count) columns")
    }

    /// 2. Everything stored about a complaint is ciphertext in the documented envelope format, and
    /// every clear-text column holds only ids, days and states.
    static func ciphertextOnly(_ snapshot: DataSnapshot) -> SeparationCheck {
        var findings: [String] = []
        func blob(_ row: Row, _ column: String) -> [UInt8]? { (row[column] as Data?).map { [UInt8]($0) } }
        // Cases handed to another organisation without a copy keep an empty agency view (Docs/format.md §17).
        let handedAway = Set(transfers(snapshot, &findings).filter { $0.direction == "sent" && !$0.statement.keepCopy }.map(\.caseID))
        for row in snapshot.rows("cases") {
            let id: String = row["case_id"]
            if CaseID(id) == nil { findings.append("case id \(id.prefix(40)) is not 32 hex characters") }
            if !isDay(row["filed_day"]) { findings.append("case \(id): filed_day is not a bare date") }
            if !caseStates.contains(row["workflow_state"] as String) {
                findings.append("case \(id): workflow_state holds something other than a case state")
            }
            let view = blob(row, "agency_view")
            if view?.isEmpty == true, handedAway.contains(id) {
                // Nothing left to check: the view was deleted when the case was handed on.
            } else if let problem = Envelopes.sealedRecord(view, type: .agencyView) {
                findings.append("case \(id) agency_view: \(problem)")
            }
            if let key = blob(row, "reporter_public_key"), key.count != 32 { findings.append("case \(id): reporter_public_key is not 32 bytes") }
        }
        for wrap in snapshot.wraps where wrap.bytes.count != KeyWrap.byteCount || wrap.bytes.first != EnvelopeFormat.version {
            findings.append("wrap of case \(wrap.caseID) for \(wrap.keyID): not a \(KeyWrap.byteCount)-byte v1 key wrap")
        }
        for row in snapshot.rows("case_notes") {
            if let problem = Envelopes.sealedRecord(blob(row, "record"), type: .note) { findings.append("note of case \(row["case_id"] as String): \(problem)") }
        }
        for table in ["reporter_inbox", "reporter_answers"] {
            for row in snapshot.rows(table) {
                if let problem = Envelopes.sealedMessage(blob(row, "sealed")) { findings.append("\(table) of case \(row["case_id"] as String): \(problem)") }
            }
        }
        for row in snapshot.rows("status_tokens") {
            let locator: String = row["locator"]
            if locator.count != 8 || !locator.allSatisfy(\.isASCIIDigitCharacter) { findings.append("a token locator is not 8 digits") }
            if let wrap = blob(row, "reporter_key_wrap"), wrap.count != ReporterKeyWrap.byteCount { findings.append("a reporter key wrap is not \(ReporterKeyWrap.byteCount) bytes") }
        }
        let cases = snapshot.rows("cases").count
        return SeparationCheck(number: 2, title: "everything stored about a complaint is ciphertext in the documented format",
                               findings: findings, examined: "\(cases) cases, \(snapshot.wraps.count) wraps, \(snapshot.rows("case_notes").count) notes, \(snapshot.rows("reporter_inbox").count + snapshot.rows("reporter_answers").count) messages")
    }

    static let caseStates: Set<String> = ["received", "assigned", "investigating", "action_taken", "closed", "transferred"]

    struct StoredTransfer {
        let caseID: String
        let direction: String
        let statement: CaseTransfer
    }

    /// The `case_transfers` rows (Docs/format.md §17): a statement in canonical form, naming the
    /// row's case on its side; a 64-byte signature; a day; for a case sent, the state it had; for a
    /// case received, its thread as a sealed record of type 0x04. The statement is public (both
    /// logs carry it): it names organisations, keys and days, nothing about the complaint.
    static func transfers(_ snapshot: DataSnapshot, _ findings: inout [String]) -> [StoredTransfer] {
        snapshot.rows("case_transfers").compactMap { row in
            let id: String = row["case_id"]
            let direction: String = row["direction"]
            guard let statement = try? CaseTransfer.parse(Array((row["statement"] as String).utf8)) else {
                findings.append("case_transfers of case \(id): the statement is not a handover statement in canonical form")
                return nil
            }
            if (direction == "sent" ? statement.caseID : statement.receiverCaseID).rawValue != id {
                findings.append("case_transfers of case \(id): the statement names another case")
            }
            if (row["signature"] as Data?)?.count != 64 { findings.append("case_transfers of case \(id): the signature is not 64 bytes") }
            if !isDay(row["day"]) { findings.append("case_transfers of case \(id): day is not a bare date") }
            if let before = row["state_before"] as String?, !caseStates.contains(before) {
                findings.append("case_transfers of case \(id): state_before holds something other than a case state")
            }
            if let thread = (row["thread"] as Data?).map({ [UInt8]($0) }) {
                if direction != "received" { findings.append("case_transfers of case \(id): a thread is stored with a case sent") }
                if let problem = Envelopes.sealedRecord(thread, type: .transferredThread) { findings.append("thread of case \(id): \(problem)") }
            }
            return StoredTransfer(caseID: id, direction: direction, statement: statement)
        }
    }

    static func isDay(_ text: String?) -> Bool {
        guard let text, text.count == 10 else { return false }
        return text.enumerated().allSatisfy { i, c in (i == 4 || i == 7) ? c == "-" : c.isASCIIDigitCharacter }
    }
}

/// The documented envelope shapes (Docs/format.md §3, §11), checked without any key.
enum Envelopes {
    static let aeadOverhead = 2 + 24 + 16
    static let sealedBoxOverhead = 1 + 48

    static func sealedRecord(_ bytes: [UInt8]?, type: RecordType) -> String? {
        guard let bytes else { return "missing" }
        guard bytes.count > aeadOverhead, bytes[0] == EnvelopeFormat.version, bytes[1] == type.rawValue else {
            return "not a v1 sealed record of type \(type.rawValue)"
        }
        guard (bytes.count - aeadOverhead) % EnvelopeFormat.paddingBlockSize == 0 else {
            return "ciphertext length \(bytes.count) is not padded to \(EnvelopeFormat.paddingBlockSize)-byte blocks"
        }
        return nil
    }

    static func sealedMessage(_ bytes: [UInt8]?) -> String? {
        guard let bytes, bytes.count > sealedBoxOverhead, bytes[0] == EnvelopeFormat.version else { return "not a v1 sealed message" }
        guard (bytes.count - sealedBoxOverhead) % EnvelopeFormat.messagePaddingBlockSize == 0 else {
            return "length \(bytes.count) is not padded to \(EnvelopeFormat.messagePaddingBlockSize)-byte blocks"
        }
        return nil
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
