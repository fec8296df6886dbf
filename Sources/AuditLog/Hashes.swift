import Foundation

/// How hashes are shown in messages: standard base64, the encoding a checkpoint uses, so an auditor
/// can compare what an error says with the checkpoint text in front of them.
enum Hashes {
    static func describe(_ hash: [UInt8]) -> String {
        hash.isEmpty ? "(empty)" : Data(hash).base64EncodedString()
    }
}
