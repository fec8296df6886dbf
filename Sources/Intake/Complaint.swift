/// A complaint as the reporter sent it, after validation and before the firewall.
/// It lives only in memory, for the firewall pass; nothing in it is stored as is.
public struct Complaint: Sendable, Equatable {
    public var language: String
    public var fields: [String: String]
    public var narrative: String
    /// The reporter's optional duress code (6–8 digits, `DuressCode`); only its verifier is stored.
    public var duressCode: String?

    public init(language: String, fields: [String: String], narrative: String, duressCode: String? = nil) {
        self.language = language
        self.fields = fields
        self.narrative = narrative
        self.duressCode = duressCode
    }
}
