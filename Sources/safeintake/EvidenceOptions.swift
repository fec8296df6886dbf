import ArgumentParser
import EvidenceSandbox
import Intake
import Server

/// The operator's settings for attachments (issue 20): whether they are accepted, how many and
/// how large, and how much time a slow upload may earn.
struct EvidenceOptions: ParsableArguments {
    @Flag(inversion: .prefixedNo, help: "Accept photos and PDFs as evidence (read in the bubblewrap sandbox; scripts/install-deps installs its tools).")
    var attachments = true
    @Option(help: "Attachments per complaint.") var maxAttachments = ComplaintLimits().maxAttachments
    @Option(help: "Largest attachment, in MiB.") var maxAttachmentMib = ComplaintLimits().maxAttachmentBytes >> 20
    @Option(help: "Each this many body bytes earn a request one second more than --request-timeout (mod_reqtimeout MinRate): an upload slower than this a second is cut off.")
    var uploadMinRate = ConnectionLimits().uploadMinimumBytesPerSecond
    @Option(help: "Seconds no request may exceed, however it earns time.") var uploadTimeoutCap = ConnectionLimits().uploadDeadlineCapSeconds

    func validate() throws {
        guard (1...20).contains(maxAttachments) else { throw ValidationError("--max-attachments must be 1 to 20") }
        guard (1...50).contains(maxAttachmentMib) else { throw ValidationError("--max-attachment-mib must be 1 to 50") }
        guard uploadMinRate >= 256 else { throw ValidationError("--upload-min-rate below 256 bytes a second lets a trickle hold a connection") }
    }

    /// The text limits with these attachment limits.
    var complaintLimits: ComplaintLimits {
        var limits = ComplaintLimits()
        limits.maxAttachments = maxAttachments
        limits.maxAttachmentBytes = maxAttachmentMib << 20
        return limits
    }

    /// The sandboxed reader with the same byte limit as the parser, or none when attachments are off.
    var settings: EvidenceSettings {
        EvidenceSettings(reader: reader)
    }

    private var reader: SandboxedEvidenceReader? {
        attachments ? SandboxedEvidenceReader(limits: EvidenceLimits(maxBytes: maxAttachmentMib << 20)) : nil
    }

    /// `serve`'s start-up check: with attachments on, one line naming the reader's missing tools and
    /// what reporters will see (the daemon runs on: her words still go through). Nil when all is there.
    var startupWarning: String? {
        reader.flatMap { SandboxedEvidenceReader.startupWarning(missing: $0.missingTools()) }
    }
}
