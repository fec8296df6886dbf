/// A complaint as the reporter sent it, after validation and before the firewall.
/// It lives only in memory, for the firewall pass; nothing in it is stored as is.
public struct Complaint: Sendable, Equatable {
    public var language: String
    public var fields: [String: String]
    public var narrative: String
    /// The reporter's optional duress code (6–8 digits, `DuressCode`); only its verifier is stored.
    public var duressCode: String?
    /// Sentences of the firewall's narrative (`NarrativeSentences` ids, as her preview showed them)
    /// that she asked to take out too; each becomes the firewall's marker.
    public var removeSentences: Set<Int>
    /// The preview's `ComplaintPreview.digest` when she chose `removeSentences` from one: filing
    /// refuses (`previewChanged`) if the firewall's narrative is no longer the one she saw.
    public var previewDigest: String?
    /// Files she attached (issue 20), unread: `IntakeService.screenEvidence` reads them in the
    /// sandbox before the complaint is prepared.
    public var evidence: [UploadedEvidence]

    public init(language: String, fields: [String: String], narrative: String, duressCode: String? = nil,
                removeSentences: Set<Int> = [], previewDigest: String? = nil, evidence: [UploadedEvidence] = []) {
        self.evidence = evidence
        self.language = language
        self.fields = fields
        self.narrative = narrative
        self.duressCode = duressCode
        self.removeSentences = removeSentences
        self.previewDigest = previewDigest
    }
}
