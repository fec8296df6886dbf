import Envelope
import Firewall
import Sodium

/// What an inspector would read if the complaint were filed now, shown to the reporter before
/// anything is stored: the fields the firewall keeps, the ones it drops, the narrative as the
/// firewall left it cut into sentences she can take out, and the narrative after her removals.
/// Built in memory only; nothing of it is stored or logged.
public struct ComplaintPreview: Sendable {
    /// The one mark of a removed part (`Firewall.marker`), in the narrative and in its sentences.
    public static let marker = Firewall.marker

    public let language: String
    /// The fields an inspector would read, names and values unchanged.
    public let fields: [String: String]
    /// Names of the fields the firewall drops, sorted.
    public let droppedFields: [String]
    /// The firewall's narrative, cut into sentences; their ids are what `removeSentences` names.
    public let sentences: NarrativeSentences
    /// The narrative an inspector would read: the firewall's, minus the sentences she chose.
    public let narrative: String
    /// Parts the firewall took out: each marker it put in the narrative and each field it dropped.
    public let removedParts: Int
    /// Names the firewall's narrative (hex SHA-256 of it): filing with this digest checks that the
    /// sentences she chose from are still the ones the firewall gives.
    public let digest: String

    static func digest(of firewallNarrative: String) -> String {
        Hex.encode(SHA256.hash(Array("safeintake/preview/v1\u{0}\(firewallNarrative)".utf8)))
    }
}

extension IntakeService {
    /// Validates and firewalls a complaint from a raw request body, exactly as filing would, and
    /// stores nothing.
    public func preview(body: [UInt8]) throws(IntakeError) -> ComplaintPreview {
        try preview(parser.parse(body))
    }

    /// The agency view `complaint` would produce, with her `removeSentences` applied. Stores nothing.
    public func preview(_ complaint: Complaint) throws(IntakeError) -> ComplaintPreview {
        let screened = firewall.screen(language: complaint.language, fields: complaint.fields, narrative: complaint.narrative)
        let (sentences, narrative) = try Self.applyRemovals(complaint, firewallNarrative: screened.narrative)
        let markers = max(0, Self.count(Firewall.marker, in: screened.narrative) - Self.count(Firewall.marker, in: complaint.narrative))
        let dropped = complaint.fields.keys.filter { screened.fields[$0] == nil }.sorted()
        return ComplaintPreview(language: screened.language, fields: screened.fields, droppedFields: dropped, sentences: sentences,
                                narrative: narrative, removedParts: markers + dropped.count,
                                digest: ComplaintPreview.digest(of: screened.narrative))
    }

    /// The firewall's narrative cut into sentences, and the narrative with her chosen sentences
    /// replaced by the marker. Refuses ids that name no sentence, and a digest that names another
    /// narrative: filing must never remove a sentence she did not see.
    static func applyRemovals(_ complaint: Complaint, firewallNarrative: String) throws(IntakeError) -> (NarrativeSentences, String) {
        let sentences = NarrativeSentences(firewallNarrative)
        if let digest = complaint.previewDigest, digest != ComplaintPreview.digest(of: firewallNarrative) {
            throw IntakeError(.previewChanged, "the narrative the firewall gives is not the one previewed (preview_digest); nothing was stored: preview it again and choose the sentences to remove from that preview")
        }
        let invalid = sentences.invalidIDs(in: complaint.removeSentences)
        guard invalid.isEmpty else {
            throw IntakeError(.invalidValue, "\"remove_sentences\" names sentence ids this narrative does not have (it has \(sentences.sentences.count)); preview it to see them")
        }
        return (sentences, sentences.replacing(complaint.removeSentences))
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }
}
