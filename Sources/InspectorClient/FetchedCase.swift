import Envelope
import Foundation
import Sodium

/// A case file as the server sent it (Docs/format.md §8.3): ciphertext, the caller's wraps, notes
/// and the reporter's answers. Decryption happens in `OpenedCase`, on this machine.
public struct FetchedCase: Sendable {
    public let caseID: CaseID
    public let status: String
    public let duressFlagged: Bool
    public let epoch: Int
    public let agencyView: [UInt8]
    public let wraps: [Int: [UInt8]]
    public let notes: [(epoch: Int, author: String, record: [UInt8])]
    public let answers: [[UInt8]]
    public let holders: [String]
    public let reporterPublicKey: [UInt8]?
    public let releaseEntry: UInt64?

    /// Parses the server's JSON; the `wrap` member of the first version stands for epoch 0.
    init(json: [String: Any], caseID: CaseID) throws(ClientError) {
        guard let view = (json["agency_view"] as? String).flatMap(Base64.decode) else {
            throw ClientError("the server's answer for case \(caseID) is not in the expected form")
        }
        self.caseID = caseID
        self.status = json["status"] as? String ?? "received"
        self.duressFlagged = json["duress"] as? Bool ?? false
        self.epoch = json["epoch"] as? Int ?? 0
        self.agencyView = view
        var wraps: [Int: [UInt8]] = [:]
        for item in json["wraps"] as? [[String: Any]] ?? [] {
            if let epoch = item["epoch"] as? Int, let wrap = (item["wrap"] as? String).flatMap(Base64.decode) { wraps[epoch] = wrap }
        }
        if wraps.isEmpty, let first = (json["wrap"] as? String).flatMap(Base64.decode) { wraps[0] = first }
        self.wraps = wraps
        self.notes = (json["notes"] as? [[String: Any]] ?? []).compactMap { item in
            guard let epoch = item["epoch"] as? Int, let author = item["author"] as? String,
                  let record = (item["record"] as? String).flatMap(Base64.decode) else { return nil }
            return (epoch, author, record)
        }
        self.answers = (json["answers"] as? [String] ?? []).compactMap(Base64.decode)
        self.holders = json["holders"] as? [String] ?? []
        self.reporterPublicKey = (json["reporter_public_key"] as? String).flatMap(Base64.decode)
        self.releaseEntry = (json["release_entry"] as? NSNumber)?.uint64Value
    }

    /// The case key of every epoch this key holds, unwrapped with its box key.
    func caseKeys(with keys: AgencyKeyPair) throws(ClientError) -> [Int: SecureBytes] {
        var opened: [Int: SecureBytes] = [:]
        for (epoch, wrap) in wraps {
            do {
                opened[epoch] = try KeyWrap.unwrap(wrap, caseID: caseID, with: keys.box)
            } catch {
                throw ClientError("this key cannot open case \(caseID): \(error.reason)")
            }
        }
        return opened
    }

    /// The key new records must be sealed under.
    func currentKey(with keys: AgencyKeyPair) throws(ClientError) -> SecureBytes {
        guard let key = try caseKeys(with: keys)[epoch] else {
            throw ClientError("your key holds no wrap for the current key epoch \(epoch) of case \(caseID)",
                              hint: "ask a supervisor to assign the case to you again")
        }
        return key
    }
}

/// A case decrypted on this machine: the agency view, the notes and the reporter's answers.
public struct OpenedCase: Sendable {
    public let view: AgencyView
    public let status: String
    public let duressFlagged: Bool
    public let notes: [CaseNote]
    public let answers: [ReporterAnswer]
    public let holders: [String]

    init(_ fetched: FetchedCase, keys: AgencyKeyPair) throws(ClientError) {
        let caseKeys = try fetched.caseKeys(with: keys)
        guard let first = caseKeys[0] else {
            throw ClientError("this key holds no wrap for the first key epoch of case \(fetched.caseID)")
        }
        do {
            view = try AgencyView.open(fetched.agencyView, caseID: fetched.caseID, caseKey: first)
            notes = try fetched.notes.compactMap { note in
                guard let key = caseKeys[note.epoch] else { return nil }
                return try CaseNote.open(note.record, caseID: fetched.caseID, caseKey: key)
            }
            answers = try fetched.answers.map { try ReporterAnswer.open($0, caseID: fetched.caseID, with: keys.box) }
        } catch {
            throw ClientError("case \(fetched.caseID) does not decrypt with this key: \(error)")
        }
        status = fetched.status
        duressFlagged = fetched.duressFlagged
        holders = fetched.holders
    }
}
