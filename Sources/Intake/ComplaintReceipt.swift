import AuditLog
import Envelope
import Foundation
import Sodium

/// What a receipt can say about a complaint (issue 18 #11): the day it was filed and, only if she
/// chooses, the employer she named. Sealed to her own key at filing (`sealed(to:)`), so the server
/// can read it back only while she is checking status with her number.
public struct ReceiptFacts: Sendable, Equatable, Codable {
    public var filedDay: String
    /// The employer as the firewall let it through (the `employer` or `employer_name` field);
    /// nil when she named none.
    public var employer: String?

    enum CodingKeys: String, CodingKey {
        case filedDay = "filed", employer
    }

    /// The field names whose value a receipt may name as the employer, first match wins: the
    /// pages' `employer` and the API's customary `employer_name`.
    public static let employerFields = ["employer", "employer_name"]

    public init(filedDay: String, employer: String?) {
        self.filedDay = filedDay
        self.employer = employer
    }

    /// The employer from the fields that passed the firewall (never from what it removed).
    static func employer(in fields: [String: String]) -> String? {
        employerFields.lazy.compactMap { fields[$0]?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
    }

    func sealed(to reporterKey: [UInt8]) throws -> [UInt8] {
        let data = try JSONEncoder().encode(self)
        return try SealedBox.seal(SecureBytes(copying: data), to: reporterKey)
    }

    static func open(_ sealed: [UInt8], with key: BoxKeyPair) -> ReceiptFacts? {
        guard let plain = try? SealedBox.open(sealed, with: key) else { return nil }
        return plain.withUnsafeBytes { try? JSONDecoder().decode(ReceiptFacts.self, from: Data($0)) }
    }
}

/// A receipt she can show an embassy, an NGO or a tribunal: a signed note (C2SP) by the log key,
/// verifiable offline with the log's public key, that says a complaint was filed on a day and,
/// if she chose, which employer it named. Nothing else: no case id, no token, no content.
///
/// ```
/// SafeIntake complaint receipt v1
/// deployment: ORIGIN
/// filed: YYYY-MM-DD
/// employer: NAME          (only when she asked for it)
///
/// — ORIGIN BASE64(key id || signature)
/// ```
/// The first line keeps a receipt from ever parsing as a checkpoint or a statistics release,
/// which the same key signs. Produced on demand and never stored or logged.
public enum ComplaintReceipt {
    public static let header = "SafeIntake complaint receipt v1"

    public static func text(_ facts: ReceiptFacts, origin: String, namingEmployer: Bool) -> String {
        var lines = [header, "deployment: \(origin)", "filed: \(facts.filedDay)"]
        if namingEmployer, let employer = facts.employer {
            // One line: any line break she typed becomes a space, so no line can pose as another.
            lines.append("employer: " + employer.components(separatedBy: .newlines).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Checks a receipt against the log key and reads it back.
    public static func verify(_ note: String, key: NoteVerifierKey) throws -> (deployment: String, filed: String, employer: String?) {
        let parsed = try SignedNote(parsing: note)
        try parsed.verify(key)
        let lines = parsed.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first == header, (4...5).contains(lines.count), lines.last == "" else {
            throw AuditLogError(.malformedNote, "this signed note is not a SafeIntake complaint receipt")
        }
        func value(_ line: String, _ name: String) throws -> String {
            guard line.hasPrefix(name + ": ") else { throw AuditLogError(.malformedNote, "the receipt has no \"\(name)\" line where one belongs") }
            return String(line.dropFirst(name.count + 2))
        }
        let employer = lines.count > 4 ? try value(lines[3], "employer") : nil
        return (try value(lines[1], "deployment"), try value(lines[2], "filed"), employer)
    }
}

extension AuditPublisher {
    /// Signs a receipt with the log key (`ComplaintReceipt`).
    public func receipt(_ facts: ReceiptFacts, namingEmployer: Bool) throws -> String {
        try SignedNote(signing: ComplaintReceipt.text(facts, origin: origin, namingEmployer: namingEmployer), with: [signer]).encoded
    }
}
