import Envelope
import Foundation

/// Turns a request body into a `Complaint`, or a precise `IntakeError`.
///
/// Strict on purpose: the body must be UTF-8 JSON of exactly the documented shape
/// (`{"language": STRING, "fields": {NAME: STRING, ...}, "narrative": STRING}`), within the size
/// limits, with no control characters but tab and newlines. Anything else is refused before any
/// work is done, so nothing is stored for a bad request.
public struct ComplaintParser: Sendable {
    public var limits: ComplaintLimits

    public init(limits: ComplaintLimits = ComplaintLimits()) {
        self.limits = limits
    }

    public func parse(_ body: [UInt8]) throws(IntakeError) -> Complaint {
        guard body.count <= limits.maxBodyBytesWithAttachments else {
            throw IntakeError(.tooLarge, "the request body is larger than \(limits.maxBodyBytesWithAttachments) bytes")
        }
        // Over the text limit, only a body carrying attachments is read at all: anything else is
        // refused before any parsing work, as before attachments existed.
        guard body.count <= limits.maxBodyBytes || Self.mentionsAttachments(body) else {
            throw IntakeError(.tooLarge, "the request body is larger than \(limits.maxBodyBytes) bytes")
        }
        let object = try JSONBody.object(body, allowedKeys: ["language", "fields", "narrative", "duress_code", "remove_sentences", "preview_digest", "attachments"])
        let evidence = try parseAttachments(object["attachments"])
        // Without attachments the text limit holds as before: the allowance is for their bytes only.
        guard body.count <= limits.maxBodyBytes || !evidence.isEmpty else {
            throw IntakeError(.tooLarge, "the request body is larger than \(limits.maxBodyBytes) bytes")
        }
        let language = try parseLanguage(object["language"])
        let fields = try parseFields(object["fields"])
        let narrative = try parseNarrative(object["narrative"])
        guard !narrative.isEmpty || !fields.isEmpty else {
            throw IntakeError(.invalidValue, "a complaint needs a narrative or at least one field")
        }
        return Complaint(language: language, fields: fields, narrative: narrative, duressCode: try parseDuressCode(object["duress_code"]),
                         removeSentences: try parseSentenceIDs(object["remove_sentences"]), previewDigest: try parseDigest(object["preview_digest"]),
                         evidence: evidence)
    }

    /// Whether the body holds the member name `"attachments"` (unescaped, as every client writes it).
    public static func mentionsAttachments(_ body: [UInt8]) -> Bool {
        let key = Array("\"attachments\"".utf8)
        guard body.count >= key.count else { return false }
        return (0...(body.count - key.count)).contains { start in body[start] == key[0] && body[start..<(start + key.count)].elementsEqual(key) }
    }

    /// `attachments`: absent, null, or an array of at most `maxAttachments` objects `{"data": BASE64}`
    /// (standard base64 of the file; a `media_type` may be sent and is ignored: the type is read
    /// from the bytes).
    func parseAttachments(_ value: Any?) throws(IntakeError) -> [UploadedEvidence] {
        guard let value, !(value is NSNull) else { return [] }
        guard let items = value as? [Any] else {
            throw IntakeError(.invalidShape, "\"attachments\" must be an array of objects {\"data\": BASE64}")
        }
        guard items.count <= limits.maxAttachments else {
            throw IntakeError(.attachmentTooLarge, "at most \(limits.maxAttachments) attachments are accepted, got \(items.count)")
        }
        var uploads: [UploadedEvidence] = []
        for (index, item) in items.enumerated() {
            guard let object = item as? [String: Any], Set(object.keys).isSubset(of: ["data", "media_type"]),
                  let text = object["data"] as? String else {
                throw IntakeError(.invalidShape, "attachment \(index + 1) must be an object {\"data\": BASE64}")
            }
            guard text.utf8.count <= (limits.maxAttachmentBytes + 2) / 3 * 4 else {
                throw IntakeError(.attachmentTooLarge, "attachment \(index + 1) is larger than \(limits.maxAttachmentBytes) bytes")
            }
            guard let bytes = Base64.decode(text), !bytes.isEmpty else {
                throw IntakeError(.invalidValue, "attachment \(index + 1)'s \"data\" is not standard base64 of a file")
            }
            uploads.append(UploadedEvidence(bytes: bytes))
        }
        return uploads
    }

    /// `remove_sentences`: absent, null, or an array of sentence ids (whole numbers from 1) of the
    /// preview; whether each names a sentence is checked once the firewall has run.
    private func parseSentenceIDs(_ value: Any?) throws(IntakeError) -> Set<Int> {
        guard let value, !(value is NSNull) else { return [] }
        let problem = IntakeError(.invalidValue, "\"remove_sentences\" must be an array of at most \(NarrativeSentences.maxSentences) sentence ids (whole numbers from 1) from the preview")
        guard let items = value as? [Any], items.count <= NarrativeSentences.maxSentences else { throw problem }
        var ids: Set<Int> = []
        for item in items {
            // `is Bool` holds for the NSNumbers 0 and 1 on Linux: ask for the dynamic type instead.
            guard type(of: item) != Bool.self, let number = item as? NSNumber else { throw problem }
            let d = number.doubleValue
            guard d == d.rounded(), d >= 1, d <= Double(NarrativeSentences.maxSentences) else { throw problem }
            ids.insert(Int(d))
        }
        return ids
    }

    /// `preview_digest`: absent, null, or the `digest` a preview answered (64 hex digits).
    private func parseDigest(_ value: Any?) throws(IntakeError) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        guard let text = value as? String, text.utf8.count == 64, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw IntakeError(.invalidValue, "\"preview_digest\" must be the 64 lowercase hex digits a preview answered as \"digest\"")
        }
        return text
    }

    private func parseDuressCode(_ value: Any?) throws(IntakeError) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        guard let code = value as? String, DuressCode.parse(code) != nil else {
            throw IntakeError(.invalidValue, "\"duress_code\" must be a string of 6 to 8 digits")
        }
        return code
    }

    private func parseLanguage(_ value: Any?) throws(IntakeError) -> String {
        guard let language = value as? String else {
            throw IntakeError(.invalidShape, "\"language\" is required and must be a string such as \"tl\" or \"es\"")
        }
        guard LanguageTag.isValid(language) else {
            throw IntakeError(.invalidValue, "\"language\" must be a supported language with at most a script and a region, such as \"tl\", \"id\", \"ne-Latn\" or \"ar-SA\"")
        }
        return language
    }

    private func parseFields(_ value: Any?) throws(IntakeError) -> [String: String] {
        guard let value else { return [:] }
        guard let dictionary = value as? [String: Any] else {
            throw IntakeError(.invalidShape, "\"fields\" must be an object of string values")
        }
        guard dictionary.count <= limits.maxFields else {
            throw IntakeError(.tooLarge, "at most \(limits.maxFields) fields are accepted, got \(dictionary.count)")
        }
        var fields: [String: String] = [:]
        for (name, raw) in dictionary {
            guard let text = raw as? String else {
                throw IntakeError(.invalidShape, "every value in \"fields\" must be a string")
            }
            guard !name.isEmpty, name.unicodeScalars.count <= limits.maxFieldNameCharacters, TextRules.isAcceptable(name) else {
                throw IntakeError(.invalidValue, "field names must be 1 to \(limits.maxFieldNameCharacters) characters of printable text")
            }
            guard text.unicodeScalars.count <= limits.maxFieldValueCharacters, TextRules.isAcceptable(text) else {
                throw IntakeError(.invalidValue, "field values must be at most \(limits.maxFieldValueCharacters) characters of printable text")
            }
            fields[name] = text
        }
        return fields
    }

    private func parseNarrative(_ value: Any?) throws(IntakeError) -> String {
        guard let value else { return "" }
        guard let narrative = value as? String else {
            throw IntakeError(.invalidShape, "\"narrative\" must be a string")
        }
        guard narrative.unicodeScalars.count <= limits.maxNarrativeCharacters else {
            throw IntakeError(.tooLarge, "the narrative is longer than \(limits.maxNarrativeCharacters) characters")
        }
        guard TextRules.isAcceptable(narrative) else {
            throw IntakeError(.invalidValue, "the narrative contains control characters (only tab and line breaks are allowed)")
        }
        return narrative
    }
}
