import AuditLog
import Foundation
import Sodium

enum Fixtures {
    /// The eight leaves of the transparency-dev / RFC 6962 test tree.
    static let standardLeaves: [[UInt8]] = [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ].map(hex)

    static func hex(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            bytes.append(UInt8(text[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    static func store(_ entries: [[UInt8]]) throws -> InMemoryMerkleStore {
        let store = InMemoryMerkleStore()
        for entry in entries { try store.append(leafData: entry) }
        return store
    }

    /// A deterministic log key, named like a real origin.
    static func signer(_ seedByte: UInt8 = 7, name: String = "safeintake.example/audit") throws -> NoteSigner {
        let keyPair = try SigningKeyPair(seed: SecureBytes(copying: [UInt8](repeating: seedByte, count: 32)))
        return try NoteSigner(name: name, keyPair: keyPair)
    }

    /// Fixed-size entries like the real log's (no content, just an event number and padding).
    static func entries(_ count: Int, tag: String = "event") -> [[UInt8]] {
        (0..<count).map { i in
            let text = Array("\(tag) \(i)".utf8)
            return text + [UInt8](repeating: 0, count: 64 - text.count)
        }
    }

    static func checkpoint(_ store: InMemoryMerkleStore, size: UInt64, origin: String = "safeintake.example/audit") throws -> Checkpoint {
        try Checkpoint(origin: origin, size: size, rootHash: store.root(size: size))
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
