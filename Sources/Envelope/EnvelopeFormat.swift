/// Constants of format version 1 (Docs/format.md). Every domain-separation label is named here once.
public enum EnvelopeFormat {
    /// The only version this code writes and reads.
    public static let version: UInt8 = 0x01
    /// Plaintexts are padded to a multiple of this before encryption.
    public static let paddingBlockSize = 1024
    /// Label for the associated data of sealed records.
    static let recordLabel = Array("safeintake/record".utf8)
    /// Label for the associated data of a reporter's wrapped secret key (§10).
    static let reporterKeyLabel = Array("safeintake/reporter-key".utf8)
    /// Label signed with every message from an inspector to a reporter (§11.1).
    static let inspectorMessageLabel = Array("safeintake/inspector-message/v1".utf8)
    /// Label signed with every help-directory file (§15).
    static let helpDirectoryLabel = Array("safeintake/help-directory/v1".utf8)
    /// Label signed with every note of format 2 (§3.1).
    static let caseNoteLabel = Array("safeintake/case-note/v2".utf8)
    /// Messages between reporter and inspectors are padded to a multiple of this before sealing.
    public static let messagePaddingBlockSize = 256
    /// Largest sealed note or message to the reporter the server stores (Docs/format.md §8).
    public static let maxCaseWorkRecordBytes = 8 * 1024
    /// Label for the associated data of an attachment's secretstream (§16).
    static let attachmentLabel = Array("safeintake/attachment".utf8)
    /// Label for key ids.
    static let keyIDLabel = Array("safeintake/key-id".utf8)
    /// Label for operator key ids (§5.3).
    static let operatorIDLabel = Array("safeintake/operator-key-id".utf8)
    /// Label signed with every handover statement (§17).
    static let caseTransferLabel = Array("safeintake/case-transfer/v1".utf8)
    /// Label hashed first into every transfer bundle's digest (§17).
    static let transferBundleLabel = Array("safeintake/transfer-bundle/v1".utf8)

    /// `UTF8("safeintake/record") || 0x00 || version || record_type || UTF8(case_id)`.
    static func associatedData(caseID: CaseID, type: RecordType) -> [UInt8] {
        recordLabel + [0x00, version, type.rawValue] + Array(caseID.rawValue.utf8)
    }
}
