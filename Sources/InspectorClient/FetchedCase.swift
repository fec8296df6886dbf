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
    public let notes: [(epoch: Int, author: String, record: [UInt8], day: String?)]
    public let answers: [[UInt8]]
    /// The day each answer was stored (nil: before days were kept, or an older server).
    public let answerDays: [String?]
    public let holders: [String]
    public let reporterPublicKey: [UInt8]?
    public let releaseEntry: UInt64?
    /// Its handovers between organisations (Docs/format.md §17): the statement as signed, and for
    /// a case received, the sealed thread that came with it.
    public let transfers: [Transfer]

    public struct Transfer: Sendable {
        public let direction: String
        public let statement: CaseTransfer
        public let day: String
        public let thread: [UInt8]?
    }

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
            return (epoch, author, record, item["day"] as? String)
        }
        self.answers = (json["answers"] as? [String] ?? []).compactMap(Base64.decode)
        let days = (json["answer_days"] as? [Any] ?? []).map { $0 as? String }
        self.answerDays = days.count == answers.count ? days : answers.map { _ in nil }
        self.holders = json["holders"] as? [String] ?? []
        self.reporterPublicKey = (json["reporter_public_key"] as? String).flatMap(Base64.decode)
        self.releaseEntry = (json["release_entry"] as? NSNumber)?.uint64Value
        self.transfers = (json["transfers"] as? [[String: Any]] ?? []).compactMap { item in
            guard let direction = item["direction"] as? String, let text = item["statement"] as? String,
                  let statement = try? CaseTransfer.parse(Array(text.utf8)) else { return nil }
            return Transfer(direction: direction, statement: statement, day: item["day"] as? String ?? statement.day,
                            thread: (item["thread"] as? String).flatMap(Base64.decode))
        }
    }

    /// The handover that brought the case here, if it came from another organisation.
    var received: Transfer? { transfers.first { $0.direction == "received" } }
    /// The handover that sent it on, if it went to another organisation.
    var sent: Transfer? { transfers.first { $0.direction == "sent" } }

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
///
/// A note or an answer that does not open is skipped and listed in `unopened`, never allowed to
/// make the whole case unreadable: any key holder can store a note, so one junk record must not
/// lock every holder out (issue 17 #7). A note opens only if it decrypts under its epoch's case
/// key, names this case, names as its author the key the server recorded as sending it, and (for
/// note format 2) carries that author's valid Ed25519 signature.
public struct OpenedCase: Sendable {
    public let view: AgencyView

    /// Every attachment this key can open: the complaint's, then those that came with a case
    /// received from another organisation, then those sent with her answers here, in order (issue
    /// 20); numbered from 1 in `inspector show` and `inspector attachment`.
    public var allAttachments: [AttachmentEntry] {
        (view.attachments ?? []) + (receivedThread?.entries ?? []).flatMap { $0.attachments ?? [] } + answers.flatMap { $0.attachments ?? [] }
    }

    /// How many the document firewall held back, with the complaint and with her answers.
    public var withheldAttachments: Int {
        (view.withheldAttachments ?? 0) + (receivedThread?.entries ?? []).reduce(0) { $0 + ($1.withheldAttachments ?? 0) }
            + answers.reduce(0) { $0 + ($1.withheldAttachments ?? 0) }
    }

    /// The thread as another organisation handed it over, when the case came from one.
    public let receivedThread: TransferredThread?
    /// The case's handovers (received, then sent), as their signed statements.
    public let transfers: [CaseTransfer]
    /// The day the complaint was first filed, when the case came from another organisation (its
    /// filing day here is the day it arrived).
    public var firstFiled: String? { receivedThread?.filed }
    public let status: String
    public let duressFlagged: Bool
    public let notes: [CaseNote]
    public let answers: [ReporterAnswer]
    public let holders: [String]
    /// What this key could not open, in case-file order (notes first, then answers).
    public let unopened: [UnopenedItem]
    /// Every note, message to the reporter (the copy its author kept in the case file) and answer
    /// from her that opened, by day, in case-file order within a day (issue 19 #2).
    public let thread: [ThreadEntry]
    /// The newest day of any note or answer in the case file, opened or not (what the daemon's
    /// list calls its last activity, when there is any); nil when none has a day.
    public let lastActivity: String?

    /// `signingKey` gives the Ed25519 public key of an agency key id (from the key directory),
    /// to check signed notes; nil for a key it does not know.
    init(_ fetched: FetchedCase, keys: AgencyKeyPair, signingKey: (String) -> [UInt8]?) throws(ClientError) {
        var caseKeys: [Int: SecureBytes] = [:]
        var badWraps: [Int: String] = [:]
        for (epoch, wrap) in fetched.wraps {
            do {
                caseKeys[epoch] = try KeyWrap.unwrap(wrap, caseID: fetched.caseID, with: keys.box)
            } catch {
                badWraps[epoch] = error.reason
            }
        }
        guard let first = caseKeys[0] else {
            throw ClientError("this key cannot open case \(fetched.caseID): "
                              + (badWraps[0] ?? "it holds no wrap for the first key epoch"))
        }
        do {
            view = try AgencyView.open(fetched.agencyView, caseID: fetched.caseID, caseKey: first)
        } catch {
            throw ClientError("case \(fetched.caseID) does not decrypt with this key: \(error)")
        }
        var unopened: [UnopenedItem] = []
        var notes: [CaseNote] = []
        var thread: [ThreadEntry] = []
        for stored in fetched.notes {
            guard let key = caseKeys[stored.epoch] else {
                let why = badWraps[stored.epoch] ?? "this key holds no case key of epoch \(stored.epoch)"
                unopened.append(UnopenedItem(kind: .note, sender: stored.author, reason: why))
                continue
            }
            do {
                let note = try CaseNote.open(stored.record, caseID: fetched.caseID, caseKey: key, signingKey: signingKey)
                guard ConstantTime.equals(Array(note.author.utf8), Array(stored.author.utf8)) else {
                    unopened.append(UnopenedItem(kind: .note, sender: stored.author,
                                                 reason: "the note names key \(note.author) as its author, but key \(stored.author) sent it"))
                    continue
                }
                notes.append(note)
                thread.append(ThreadEntry(day: stored.day, author: note.author, kind: note.kind.rawValue, text: note.text, signed: note.isSigned))
            } catch {
                unopened.append(UnopenedItem(kind: .note, sender: stored.author, reason: error.reason))
            }
        }
        var answers: [ReporterAnswer] = []
        for (sealed, day) in zip(fetched.answers, fetched.answerDays) {
            do {
                let answer = try ReporterAnswer.open(sealed, caseID: fetched.caseID, with: keys.box)
                answers.append(answer)
                thread.append(ThreadEntry(day: day, author: "reporter", kind: "answer", text: answer.text,
                                          attachments: answer.attachments ?? [], withheldAttachments: answer.withheldAttachments ?? 0))
            } catch {
                unopened.append(UnopenedItem(kind: .answer, sender: nil, reason: error.reason))
            }
        }
        // A case received from another organisation: its thread until then, each entry marked with
        // the organisation it was written at, under the first epoch's key (issue 19 #5).
        var received: TransferredThread?
        if let record = fetched.received, let sealed = record.thread {
            do {
                let opened = try TransferredThread.open(sealed, caseID: fetched.caseID, caseKey: first)
                received = opened
                thread += opened.entries.map {
                    ThreadEntry(day: $0.day, author: $0.author, kind: $0.kind, text: $0.text, organisation: $0.organisation,
                                attachments: $0.attachments ?? [], withheldAttachments: $0.withheldAttachments ?? 0)
                }
            } catch {
                unopened.append(UnopenedItem(kind: .thread, sender: nil, reason: error.reason))
            }
        }
        self.notes = notes
        self.answers = answers
        self.unopened = unopened
        self.receivedThread = received
        self.transfers = fetched.transfers.map(\.statement)
        // A stable sort: entries without a day (stored before days were kept) come first.
        self.thread = thread.enumerated().sorted { ($0.element.day ?? "", $0.offset) < ($1.element.day ?? "", $1.offset) }.map(\.element)
        lastActivity = (fetched.notes.compactMap(\.day) + fetched.answerDays.compactMap { $0 }).max()
        status = fetched.status
        duressFlagged = fetched.duressFlagged || (received?.duress ?? false)
        holders = fetched.holders
    }
}

/// One entry of a case's thread as a key holder reads it: a note (`note`, `outcome`), a message
/// to the reporter (`message_to_reporter`, the author's copy) or her answer (`answer`, author
/// `reporter`).
public struct ThreadEntry: Sendable, Equatable {
    public let day: String?
    public let author: String
    public let kind: String
    public let text: String
    /// Signed by its author and verified (note format 2); false for a note from before notes were
    /// signed, attributed only by the server's record. Always true for her answers.
    public var signed = true
    /// The organisation it was written at, for an entry that came with a case received from
    /// another organisation (issue 19 #5); nil for this organisation's own.
    public var organisation: String? = nil
    /// What she sent with an answer (issue 20).
    public var attachments: [AttachmentEntry] = []
    public var withheldAttachments = 0
}

/// A note or an answer in a case file that this key could not open, shown as such.
public struct UnopenedItem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case note
        case answer
        /// The thread that came with a case received from another organisation.
        case thread
    }

    public let kind: Kind
    /// The key the server recorded as the note's sender (nil for the reporter's answers).
    public let sender: String?
    /// Why it did not open (never any of its content).
    public let reason: String

    /// "1 note could not be opened", "2 notes and 1 answer could not be opened"; nil when all opened.
    public static func summary(_ items: [UnopenedItem]) -> String? {
        let notes = items.filter { $0.kind == .note }.count
        let threads = items.filter { $0.kind == .thread }.count
        let answers = items.count - notes - threads
        let parts = [(notes, "note"), (answers, "answer"), (threads, "received thread")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
        return parts.isEmpty ? nil : "\(parts.joined(separator: " and ")) could not be opened"
    }
}
