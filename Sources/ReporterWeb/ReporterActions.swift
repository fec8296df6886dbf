import HTTPTypes
import Intake

/// The pages' only calls into the domain, run off the event loop, kept in one place.
struct ReporterActions: Sendable {
    let intake: IntakeService
    let runner: any BlockingRunner
    let filing: FilingPipeline

    /// Reads, firewalls, seals and stores the complaint (`FilingPipeline`).
    func file(_ complaint: Complaint) async throws -> FiledComplaint {
        try await filing.file(complaint)
    }

    /// What an inspector would read if `complaint` were filed now; stores nothing. The firewall's
    /// CPU work runs on a worker like filing's.
    func preview(_ complaint: Complaint) async throws -> ComplaintPreview {
        try await runner.run { [intake] in try intake.preview(complaint) }
    }

    /// Spends `token` (sending `reply` to the case's inspectors along with it) and returns the
    /// answer with the next token, or nil for a spent, unknown or malformed token. A locator
    /// followed by the case's duress code gets an ordinary "no news" answer (the domain decides).
    func check(token: String, reply: String?, evidence: [ScreenedEvidence] = []) async throws -> StatusAnswer? {
        try await runner.run { [intake] in try intake.checkStatus(tokenText: token, reply: reply, evidence: evidence) }
    }

    /// Goes on with a visit: the thread again (with `reply` sent), the same number; nil when the
    /// visit is over.
    func continueVisit(pass: String, reply: String?, evidence: [ScreenedEvidence] = []) async throws -> StatusAnswer? {
        try await runner.run { [intake] in try intake.continueVisit(pass: pass, reply: reply, evidence: evidence) }
    }

    /// A file too many or too large, whether the page's reader or intake found it.
    static let attachmentTooLarge: (HTTPResponse.Status, Problem) = (.contentTooLarge, Problem(.errorAttachmentTooLarge))

    /// What to tell the reporter when `file` or `check` threw. Synchronous on purpose: typed
    /// `catch` clauses inside async functions have crashed this compiler (../shared notes).
    static func problem(for error: any Error, checking: Bool) -> (HTTPResponse.Status, Problem) {
        if let error = error as? IntakeError {
            switch error.code {
            case .noRecipients: return (.serviceUnavailable, Problem(.errorUnavailable))
            case .previewChanged: return (.conflict, Problem(.errorPreviewChanged))
            case .tooLarge: return (.contentTooLarge, Problem(.errorTooLong))
            case .attachmentTooLarge: return attachmentTooLarge
            case .unsupportedAttachment: return (.unsupportedMediaType, Problem(.errorAttachmentType))
            case .malformedAttachment: return (.unprocessableContent, Problem(.errorAttachmentDamaged))
            case .attachmentsUnavailable: return (.serviceUnavailable, Problem(.errorAttachmentsUnavailable))
            default: return (.badRequest, Problem(.errorInvalidText))
            }
        }
        return (.internalServerError, Problem(checking ? .errorCheckInternal : .errorInternal))
    }
}
