import Foundation
import Intake
import Testing

@Suite("request validation")
struct ComplaintParserTests {
    let parser = ComplaintParser()

    func code(_ body: [UInt8]) -> IntakeError.Code? {
        do {
            _ = try parser.parse(body)
            return nil
        } catch {
            return error.code
        }
    }

    @Test("the contract's shape is accepted")
    func accepts() throws {
        let complaint = try parser.parse(Array(#"{"language": "tl", "fields": {"employer": "Gng. Santos"}, "narrative": "Hindi ako pinapakain."}"#.utf8))
        #expect(complaint.language == "tl" && complaint.fields == ["employer": "Gng. Santos"])
    }

    @Test("bad bodies get precise codes")
    func rejects() {
        #expect(code([0xff, 0xfe, 0x7b]) == .invalidEncoding)
        #expect(code(Array("not json".utf8)) == .invalidShape)
        #expect(code(Array("[1,2]".utf8)) == .invalidShape)
        #expect(code(Array(#"{"narrative": "x"}"#.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "narrative": 5}"#.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "fields": {"a": 1}, "narrative": "x"}"#.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "fields": {"a": {"b": "c"}}, "narrative": "x"}"#.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "narrative": "x", "ip": "1.2.3.4"}"#.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "english!", "narrative": "x"}"#.utf8)) == .invalidValue)
        #expect(code(Array(#"{"language": "en", "narrative": "a\u0000b"}"#.utf8)) == .invalidValue)
        #expect(code(Array(#"{"language": "en", "narrative": ""}"#.utf8)) == .invalidValue)
        #expect(code([UInt8](repeating: 0x20, count: 70_000)) == .tooLarge)
    }

    @Test("too many fields and oversized values are refused")
    func limits() {
        var fields: [String: String] = [:]
        for i in 0..<100 { fields["f\(i)"] = "v" }
        #expect(code(Harness.body(["language": "en", "fields": fields, "narrative": "x"])) == .tooLarge)
        #expect(code(Harness.body(["language": "en", "fields": ["a": String(repeating: "v", count: 5000)], "narrative": "x"])) == .invalidValue)
        #expect(code(Harness.body(["language": "en", "narrative": String(repeating: "n", count: 40_000)])) == .tooLarge)
    }

    @Test("lengths count characters, as Docs/openapi.yaml's maxLength does, not UTF-8 bytes")
    func lengthsInCharacters() {
        let nepali = String(repeating: "क", count: 2048)  // 3 bytes each: 6 KiB
        #expect(code(Harness.body(["language": "ne", "fields": ["employer_name": nepali]])) == nil)
        #expect(code(Harness.body(["language": "ne", "fields": ["employer_name": nepali + "क"]])) == .invalidValue)
        let name = String(repeating: "é", count: 128)
        #expect(code(Harness.body(["language": "fr", "fields": [name: "x"]])) == nil)
        #expect(code(Harness.body(["language": "fr", "fields": [name + "é": "x"]])) == .invalidValue)
    }

    @Test("the reader is strict: no repeated members, even spelled differently, and bounded nesting")
    func strictReader() {
        #expect(code(Array(#"{"language": "en", "language": "tl", "narrative": "x"}"#.utf8)) == .invalidShape)
        #expect(code(Array("{\"language\": \"fr\", \"fields\": {\"\u{e9}\": \"a\", \"e\u{301}\": \"b\"}}".utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "fields": {"a": "1", "a": "2"}}"#.utf8)) == .invalidShape)
        let deep = #"{"language": "en", "fields": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(code(Array(deep.utf8)) == .invalidShape)
        #expect(code(Array(#"{"language": "en", "narrative": "x"} {}"#.utf8)) == .invalidShape)
        #expect(code([0xEF, 0xBB, 0xBF] + Array(#"{"language": "en", "narrative": "x"}"#.utf8)) == nil)
    }

    @Test("numbers read as JSONSerialization reads them (integers cast to Int), booleans stay booleans")
    func jsonValues() throws {
        let object = try JSONBody.object(Array(#"{"a": 7, "b": 2.5, "c": true, "d": null, "e": [1], "f": {"g": "h"}}"#.utf8),
                                         allowedKeys: ["a", "b", "c", "d", "e", "f"])
        #expect(object["a"] as? Int == 7)
        #expect(object["b"] as? Double == 2.5)
        #expect(object["b"] as? Int == nil)
        #expect(object["c"] as? Bool == true)
        #expect(object["c"] as? Int == nil)
        #expect(object["d"] is NSNull)
        #expect((object["e"] as? [Any])?.count == 1)
        #expect((object["f"] as? [String: Any])?["g"] as? String == "h")
        #expect(object["a"] as? String == nil)
    }

    @Test("language tags: shape only")
    func languageTags() {
        for good in ["en", "tl", "fil", "ne-Latn", "ar-SA", "zh-Hant-TW"] { #expect(LanguageTag.isValid(good)) }
        for bad in ["", "e", "english", "en_", "en--x", "12", "en-" + String(repeating: "x", count: 9)] { #expect(!LanguageTag.isValid(bad)) }
        // The review's bypass: status in a private-use subtag reached the inspector.
        for bad in ["en-x-noVisa", "en-x-overstay", "xx", "qaa", "en-noVisa", "en-Latn-US-posix", "tl-undocumented",
                    "en-Zzzz", "de"] {
            #expect(!LanguageTag.isValid(bad), "\(bad)")
        }
    }
}
