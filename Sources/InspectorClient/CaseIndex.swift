import Envelope
import Foundation
import Sodium

/// What an inspector's machine remembers about the cases it has opened, for the case list: each
/// case's language, employer and place (from its decrypted agency view), how many of the
/// reporter's answers were read, and its text as last opened, folded for search (`CaseSearch`).
/// Kept beside the key file (`KEYFILE.cases`), sealed to the key's own box public key
/// (crypto_box_seal), so the file says nothing without the private key; the server learns nothing
/// from it and never sees it (issue 19 #1). Cases no longer on the key's list are dropped from it.
///
/// Keeping the text here is what lets the list and the search work without opening every case
/// again (each opening is a key release in the audit log); the cost is that someone holding the key
/// file and its passphrase reads that text without a logged release (Docs/inspector-ui.md).
public struct CaseIndex: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        public var language: String
        /// Answers from the reporter shown on this machine (`inspector show`, the UI).
        public var answersRead: Int
        /// Its indicators call for action now (`ForcedLabourIndicator.isUrgent`); nil in indexes
        /// written before cases were tagged.
        public var urgent: Bool?
        /// The employer and the place, from its fields (`CaseFacts`); nil when it has none, and in
        /// indexes written before they were kept.
        public var employer: String?
        public var district: String?
        /// Its text when last opened here, folded for search (`CaseSearch.searchableText`); nil in
        /// indexes written before it was kept, until the case is opened again.
        public var text: String?
        /// How many answers the case file held, and its newest note or answer day, when `text` was
        /// taken: a list entry showing more is newer than the text (`isCurrent`).
        public var textAnswers: Int?
        public var textThrough: String?

        enum CodingKeys: String, CodingKey {
            case language, answersRead, urgent, employer, district, text
            case textAnswers = "text_answers", textThrough = "text_through"
        }

        /// Whether `text` holds everything the daemon's list says the case holds now. Days are
        /// all the list gives, so a note written later on the day the text was taken is not seen
        /// as new; a new answer always is (the list counts them).
        public func isCurrent(for summary: AgencyClient.CaseSummary) -> Bool {
            guard text != nil, summary.answers <= textAnswers ?? 0 else { return false }
            return summary.lastActivity <= (textThrough ?? summary.day)
        }
    }

    public private(set) var entries: [String: Entry]
    let url: URL

    /// The index at `url`, opened with `keys`; empty when there is none yet. A file this key cannot
    /// open is an error, not silently replaced: it may be another key's.
    public static func load(_ url: URL, keys: AgencyKeyPair) throws -> CaseIndex {
        guard let sealed = FileManager.default.contents(atPath: url.path) else { return CaseIndex(entries: [:], url: url) }
        do {
            let json = try SealedBox.open([UInt8](sealed), with: keys.box)
            let entries = try json.withUnsafeBytes { try JSONDecoder().decode([String: Entry].self, from: Data($0)) }
            return CaseIndex(entries: entries, url: url)
        } catch {
            throw ClientError("cannot read the case index \(url.path): it does not open with this key",
                              hint: "delete it to rebuild it (your next `inspector cases` opens each case once)")
        }
    }

    public subscript(_ caseID: CaseID) -> Entry? { entries[caseID.rawValue] }

    /// Records what opening a case showed: its language, employer, place, whether it is urgent,
    /// and its text for search; `answersRead` answers are now read (nil: as many as before).
    public mutating func record(_ opened: OpenedCase, answersRead: Int?) {
        let view = opened.view
        let read = answersRead ?? entries[view.caseID.rawValue]?.answersRead ?? 0
        entries[view.caseID.rawValue] = Entry(
            language: view.language, answersRead: read, urgent: view.isUrgent, employer: CaseFacts.employer(view.fields),
            district: CaseFacts.district(view.fields), text: CaseSearch.searchableText(of: opened),
            textAnswers: opened.answers.count + opened.unopened.filter { $0.kind == .answer }.count, textThrough: opened.lastActivity)
    }

    /// The listed cases this index knows nothing of yet: each must be opened once (a logged
    /// release) before the list can show its language, employer and place.
    public func unknown(among summaries: [AgencyClient.CaseSummary]) -> [CaseID] {
        summaries.map(\.caseID).filter { entries[$0.rawValue] == nil }
    }

    /// Forgets every case not in `summaries` (unassigned, or gone from the server): what this
    /// machine keeps of a case lasts only while the key can open it.
    public mutating func keepOnly(_ summaries: [AgencyClient.CaseSummary]) {
        let listed = Set(summaries.map(\.caseID.rawValue))
        entries = entries.filter { listed.contains($0.key) }
    }

    /// Writes the index, sealed to `keys`, replacing the old file atomically (owner-only).
    public func save(keys: AgencyKeyPair) throws {
        let json = try JSONEncoder().encode(entries)
        let sealed = try json.withUnsafeBytes { try SealedBox.seal($0, to: keys.box.publicKey) }
        try Data(sealed).write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}

/// The case index of a long-running process (the inspector UI), read and written under a lock:
/// each change loads the file, applies it and saves it, so a CLI command run meanwhile with the
/// same key loses nothing but what it wrote in the same instant.
public final class CaseIndexStore: @unchecked Sendable {
    public let url: URL
    private let keys: AgencyKeyPair
    private let lock = NSLock()

    public init(url: URL, keys: AgencyKeyPair) {
        self.url = url
        self.keys = keys
    }

    /// The index as it is on disk now.
    public func read() throws -> CaseIndex {
        lock.lock()
        defer { lock.unlock() }
        return try CaseIndex.load(url, keys: keys)
    }

    /// Loads the index, applies `change` and saves it.
    @discardableResult
    public func update<T>(_ change: (inout CaseIndex) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        var index = try CaseIndex.load(url, keys: keys)
        let result = try change(&index)
        try index.save(keys: keys)
        return result
    }
}
