import Envelope
import InspectorClient

/// Everything the case page shows, decrypted on this machine: the agency view and the dated thread
/// (notes, messages to the reporter, her answers), with key ids put to names from the key directory.
struct CaseSheet: Sendable {
    /// A key holder of the case, or an author of a note.
    struct Person: Sendable, Equatable {
        let keyID: String
        /// From the directory; nil for a key the directory no longer lists.
        let name: String?
        let role: AgencyRole?

        var label: String { name ?? "key \(keyID.prefix(12))" }
    }

    /// One entry of the thread: a note, a message to the reporter, or (no author) her answer.
    struct Note: Sendable, Equatable {
        /// The key holder who wrote it; nil for the reporter's answers.
        let author: Person?
        let isOutcome: Bool
        let text: String
        /// The author's copy of a message to the reporter (she read the same words).
        var toReporter = false
        /// Signed by its author and verified (note format 2); false for a format-1 note, from
        /// before notes were signed, attributed only by the server's record of who sent it.
        var signed = true
        /// The day it was stored (`YYYY-MM-DD`); nil for entries from before days were kept.
        var day: String?

        /// Her answer, stored on `day`.
        static func answer(_ text: String, day: String? = nil) -> Note {
            Note(author: nil, isOutcome: false, text: text, day: day)
        }
    }

    /// A note or answer that did not open, with who sent it (for notes) and why.
    struct Unopened: Sendable, Equatable {
        let kind: UnopenedItem.Kind
        let sender: Person?
        let reason: String
    }

    let view: AgencyView
    let status: String
    let duressFlagged: Bool
    /// Notes, messages to the reporter and her answers, by day (`OpenedCase.thread`).
    let thread: [Note]
    let holders: [Person]
    /// Active keys that do not hold the case yet: who a supervisor can assign it to.
    let assignable: [Person]
    /// What this key could not open: shown, counted, never allowed to hide the rest.
    let unopened: [Unopened]
    /// The complaint's attachments, then those sent with her answers (`OpenedCase.allAttachments`).
    let attachments: [AttachmentEntry]
    /// How many the document firewall held back, with the complaint and with her answers.
    let withheldAttachments: Int
    /// The thread that came with a case received from another organisation (issue 19 #5), each
    /// entry with its day, author key id and organisation; and the case's handovers.
    var received: [ThreadEntry] = []
    var transfers: [CaseTransfer] = []

    /// A sheet whose thread is `notes`, then `answers` (undated).
    init(view: AgencyView, status: String, duressFlagged: Bool, notes: [Note], answers: [String], holders: [Person], assignable: [Person],
         unopened: [Unopened] = [], attachments: [AttachmentEntry]? = nil, withheldAttachments: Int? = nil) {
        self.init(view: view, status: status, duressFlagged: duressFlagged, thread: notes + answers.map { Note.answer($0) }, holders: holders,
                  assignable: assignable, unopened: unopened, attachments: attachments, withheldAttachments: withheldAttachments)
    }

    init(view: AgencyView, status: String, duressFlagged: Bool, thread: [Note], holders: [Person], assignable: [Person],
         unopened: [Unopened], attachments: [AttachmentEntry]?, withheldAttachments: Int?) {
        self.attachments = attachments ?? view.attachments ?? []
        self.withheldAttachments = withheldAttachments ?? view.withheldAttachments ?? 0
        self.view = view
        self.status = status
        self.duressFlagged = duressFlagged
        self.thread = thread
        self.holders = holders
        self.assignable = assignable
        self.unopened = unopened
    }

    init(_ opened: OpenedCase, directory: [DirectoryEntry]) {
        func person(_ keyID: String) -> Person {
            let entry = directory.first { $0.publicKey.keyID == keyID }
            return Person(keyID: keyID, name: entry?.publicKey.name, role: entry?.publicKey.role)
        }
        self.init(
            view: opened.view, status: opened.status, duressFlagged: opened.duressFlagged,
            thread: opened.thread.map { entry -> Note in
                entry.kind == "answer" ? .answer(entry.text, day: entry.day)
                    : Note(author: person(entry.author), isOutcome: entry.kind == CaseNote.Kind.outcome.rawValue, text: entry.text,
                           toReporter: entry.kind == CaseNote.Kind.messageToReporter.rawValue, signed: entry.signed, day: entry.day)
            },
            holders: opened.holders.map(person),
            assignable: directory.filter { !$0.revoked && !opened.holders.contains($0.publicKey.keyID) }
                .map { Person(keyID: $0.publicKey.keyID, name: $0.publicKey.name, role: $0.publicKey.role) },
            unopened: opened.unopened.map { Unopened(kind: $0.kind, sender: $0.sender.map(person), reason: $0.reason) },
            attachments: opened.allAttachments,
            withheldAttachments: opened.withheldAttachments)
        received = opened.thread.filter { $0.organisation != nil }
        transfers = opened.transfers
    }
}

/// The states a case can be set to (../shared/CONTRACT.md); closing needs an outcome.
enum CaseStatus {
    static let all = ["received", "assigned", "investigating", "action_taken", "closed"]
    static let closed = "closed"
    /// What the case list filters by: those, and `transferred`, which only a handover sets.
    static let listed = all + ["transferred"]

    /// Words for a status, for people rather than scripts.
    static func label(_ status: String) -> String {
        switch status {
        case "action_taken": "action taken"
        case "transferred": "handed to another organisation"
        default: status
        }
    }
}
