/// What a sealed record holds (Docs/format.md §3). The type is bound into the associated data.
public enum RecordType: UInt8, Sendable, CaseIterable {
    /// The firewall's output for a complaint: what an inspector reads.
    case agencyView = 0x01
    /// An inspector's or supervisor's internal note on the case (`CaseNote`), never shown to the reporter.
    case note = 0x02
    /// Evidence she attached (`SealedAttachment`): a secretstream under its own key, which the
    /// agency view carries. The type byte heads the stored bytes and is bound into the stream.
    case attachment = 0x03
    /// A case's thread as it came from another organisation (`TransferredThread`, Docs/format.md
    /// §17): sealed once by the sending supervisor's client under the case's new key.
    case transferredThread = 0x04
}
