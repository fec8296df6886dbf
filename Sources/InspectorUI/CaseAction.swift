import Envelope
import Foundation
import InspectorClient

/// One thing an inspector can do to a case from its page, read from a posted form and carried
/// out through `AgencyClient` (which signs, wraps and seals: no cryptography here).
enum CaseAction: Sendable, Equatable {
    case setStatus(String, outcome: String?)
    case addNote(String)
    case reply(String, InspectorMessage.Kind)
    case assign(to: String)
    case unassign(removing: String)

    /// The path segment each form posts to.
    static let names = ["status", "notes", "reply", "assign", "unassign"]

    /// Reads the form for `name`; a missing or invalid field gives the message to show instead.
    static func parse(_ name: String, _ form: FormFields) -> Result<CaseAction, Notice> {
        let text = form.value("text")?.trimmed ?? ""
        switch name {
        case "status":
            let status = form.value("status") ?? ""
            let outcome = form.value("outcome")?.trimmed ?? ""
            guard CaseStatus.all.contains(status) else {
                return .failure(Notice(.failed, "Choose a status from the list."))
            }
            if status == CaseStatus.closed && outcome.isEmpty {
                return .failure(Notice(.failed, "Closing a case needs an outcome: say how the case ended."))
            }
            return .success(.setStatus(status, outcome: outcome.isEmpty ? nil : outcome))
        case "notes":
            return text.isEmpty ? .failure(Notice(.failed, "The note is empty.")) : .success(.addNote(text))
        case "reply":
            guard let kind = InspectorMessage.Kind(rawValue: form.value("kind") ?? "reply") else {
                return .failure(Notice(.failed, "Choose a reply or a request for information."))
            }
            return text.isEmpty ? .failure(Notice(.failed, "The message is empty.")) : .success(.reply(text, kind))
        case "assign":
            guard let to = form.value("to"), !to.isEmpty else { return .failure(Notice(.failed, "Choose who to assign the case to.")) }
            return .success(.assign(to: to))
        case "unassign":
            guard let removed = form.value("remove"), !removed.isEmpty else { return .failure(Notice(.failed, "Choose whose access to remove.")) }
            return .success(.unassign(removing: removed))
        default:
            return .failure(Notice(.failed, "Unknown action."))
        }
    }

    /// What the inspector typed, to put back in the forms if the action fails.
    static func draft(_ name: String, _ form: FormFields) -> CaseForms.Draft {
        var draft = CaseForms.Draft()
        switch name {
        case "status":
            draft.status = form.value("status")
            draft.outcome = form.value("outcome") ?? ""
        case "notes":
            draft.note = form.value("text") ?? ""
        case "reply":
            draft.reply = form.value("text") ?? ""
            draft.replyKind = form.value("kind") ?? "reply"
        default:
            break
        }
        return draft
    }

    func perform(with client: AgencyClient, on caseID: CaseID) async throws {
        switch self {
        case .setStatus(let status, let outcome): try await client.setStatus(caseID, to: status, outcome: outcome)
        case .addNote(let text): try await client.addNote(caseID, text: text)
        case .reply(let text, let kind): try await client.sendMessage(caseID, text: text, kind: kind)
        case .assign(let to): try await client.assign(caseID, to: to)
        case .unassign(let removed): try await client.unassign(caseID, removing: removed)
        }
    }

    /// The confirmation shown after it worked.
    var done: String {
        switch self {
        case .setStatus(let status, _): "The case is now \(CaseStatus.label(status))."
        case .addNote: "Note added, encrypted to the case key."
        case .reply(_, let kind): kind == .requestInfo
            ? "Request for information sealed to the reporter: she reads it at her next status check."
            : "Reply sealed to the reporter: she reads it at her next status check."
        case .assign: "Case assigned: the case key was wrapped to them here and the assignment signed."
        case .unassign: "Access removed: later records use a new case key."
        }
    }
}

extension String {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// A failure from the client as words for the page.
enum Failure {
    static func notice(_ error: any Error) -> Notice {
        if let client = error as? ClientError {
            return Notice(.failed, client.message, hint: client.hint)
        }
        return Notice(.failed, String(describing: error))
    }
}
