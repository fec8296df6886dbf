import Envelope
import Foundation
import Sodium

/// What an inspector's machine remembers about the cases it has opened, for the case list: each
/// case's language (from its decrypted agency view) and how many of the reporter's answers were
/// read. Kept beside the key file (`KEYFILE.cases`), sealed to the key's own box public key
/// (crypto_box_seal), so the file says nothing without the private key; the server learns nothing
/// from it and never sees it (issue 19 #1).
public struct CaseIndex: Sendable {
    public struct Entry: Sendable, Codable, Equatable {
        public var language: String
        /// Answers from the reporter shown on this machine (`inspector show`, the UI).
        public var answersRead: Int
        /// Its indicators call for action now (`ForcedLabourIndicator.isUrgent`); nil in indexes
        /// written before cases were tagged.
        public var urgent: Bool?
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

    /// Records what opening a case showed: its language, whether it is urgent, and how many
    /// answers are now read.
    public mutating func record(_ caseID: CaseID, view: AgencyView, answersRead: Int) {
        entries[caseID.rawValue] = Entry(language: view.language, answersRead: answersRead, urgent: view.isUrgent)
    }

    /// Writes the index, sealed to `keys`, replacing the old file atomically (owner-only).
    public func save(keys: AgencyKeyPair) throws {
        let json = try JSONEncoder().encode(entries)
        let sealed = try json.withUnsafeBytes { try SealedBox.seal($0, to: keys.box.publicKey) }
        try Data(sealed).write(to: url, options: [.atomic])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
