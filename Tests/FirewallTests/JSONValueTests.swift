import Firewall
import Foundation
import Testing

@Suite("the strict JSON reader")
struct JSONValueTests {
    /// RFC 8259 §6. The looser forms, and numbers beyond a double's range, were accepted until the
    /// JSON fuzzer (Fuzz/, FuzzJSON) found `1.` and `7e0370`, which Foundation's reader refuses:
    /// two readers must never disagree about a body.
    @Test("numbers follow RFC 8259's grammar exactly", arguments: ["0", "-0", "7", "10", "1.5", "-1.5e10", "1E+2", "1e-2", "0.0", "0e0", "1e308", "123456789012345678901234567890"])
    func acceptsNumber(_ text: String) throws {
        #expect(try JSONValue.parse(Array(text.utf8)) == .number(text))
        #expect(try JSONValue.parse(Array("[\(text)]".utf8)) == .array([.number(text)]))
    }

    @Test("looser number forms are refused", arguments: ["1.", ".5", "+1", "01", "-", "1e", "1e+", "-.5", "00", "1.e3", "--1", "0x10", "1.5.", "- 1", "7e0370", "-1e309"])
    func refusesNumber(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array("{\"a\": \(text)}".utf8)) }
    }

    @Test("whatever it accepts, Foundation's reader accepts too (the FuzzJSON property, on fixed cases)",
          arguments: ["0", "-0", "1.5", "1E+2", "[]", "{}", #"{"a": [1, "b", null, true]}"#, #""\u00e9""#])
    func neverLaxerThanFoundation(_ text: String) throws {
        _ = try JSONValue.parse(Array(text.utf8))
        _ = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
