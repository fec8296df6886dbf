import Intake

/// How a complaint is filed, for the pages and the JSON API alike: its attachments read on the
/// evidence pool, its firewall and sealing on the worker pool, its commit awaited.
///
/// Why two pools: reading an attachment (decoding and OCR in the sandbox) takes seconds; on the
/// pool that runs Argon2id for status checks it would make every reporter wait behind one photo.
/// The evidence pool is small (one thread by default), which also bounds how many sandboxes run.
public struct FilingPipeline: Sendable {
    let intake: IntakeService
    let runner: any BlockingRunner
    let evidenceRunner: any BlockingRunner

    public init(intake: IntakeService, runner: any BlockingRunner, evidenceRunner: (any BlockingRunner)? = nil) {
        self.intake = intake
        self.runner = runner
        self.evidenceRunner = evidenceRunner ?? runner
    }

    /// Reads and judges the attachments she sends with an answer, on the evidence pool.
    public func screen(_ uploads: [UploadedEvidence], language: String) async throws -> [ScreenedEvidence] {
        guard !uploads.isEmpty else { return [] }
        return try await evidenceRunner.run { [intake] in try intake.screenEvidence(uploads, language: language) }
    }

    /// Reads, firewalls, seals and stores the complaint; the token comes back only once it is
    /// durable. When the store can wait for the commit without holding a thread (SQLite's group
    /// commit), the worker is free meanwhile.
    public func file(_ complaint: Complaint) async throws -> FiledComplaint {
        let evidence = complaint.evidence.isEmpty ? [] : try await evidenceRunner.run { [intake] in
            try intake.screenEvidence(complaint.evidence, language: complaint.language)
        }
        guard intake.commitsWithoutHoldingThread else {
            return try await runner.run { [intake] in try intake.storeFiling(intake.prepareFiling(complaint, evidence: evidence)) }
        }
        let prepared = try await runner.run { [intake] in try intake.prepareFiling(complaint, evidence: evidence) }
        return try await intake.storeFilingAwaitingCommit(prepared)
    }
}
