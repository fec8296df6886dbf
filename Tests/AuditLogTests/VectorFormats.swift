import Foundation

/// A transparency-dev inclusion vector. Base64 fields decode to raw bytes; the vectors include
/// deliberately empty and short hashes, which must decode (and then fail verification).
struct InclusionVector: Decodable {
    let leafIdx: UInt64
    let treeSize: UInt64
    let root: Base64Bytes
    let leafHash: Base64Bytes
    let proof: [Base64Bytes]?
    let desc: String
    let wantErr: Bool
}

struct ConsistencyVector: Decodable {
    let size1: UInt64
    let size2: UInt64
    let root1: Base64Bytes
    let root2: Base64Bytes
    let proof: [Base64Bytes]?
    let desc: String
    let wantErr: Bool
}

struct SignedNoteExample: Decodable {
    let verifier_key: String
    let note: String
    let signed_text: String
}

struct Base64Bytes: Decodable {
    let bytes: [UInt8]

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad base64 \(text)"))
        }
        bytes = [UInt8](data)
    }
}
