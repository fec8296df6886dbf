import Envelope
import Sodium
import Testing

@Suite("the operator's signature on a help directory")
struct HelpDirectorySignatureTests {
    @Test("verifies with the operator's key only, and only for the bytes signed")
    func signature() throws {
        let operatorKey = OperatorKeyPair.generate()
        let file = Array(#"{"safeintake_help_directory":1,"language":"en","entries":[]}"#.utf8)
        let signature = operatorKey.signHelpDirectory(file)
        #expect(operatorKey.publicKey.verifiesHelpDirectory(file, signature: signature + "\n"), "the .sig file's newline is fine")
        #expect(!operatorKey.publicKey.verifiesHelpDirectory(file + [0x20], signature: signature), "one byte more")
        #expect(!OperatorKeyPair.generate().publicKey.verifiesHelpDirectory(file, signature: signature), "another operator")
        #expect(!operatorKey.publicKey.verifiesHelpDirectory(file, signature: "not base64!"))
        // Domain separation: a registration-style signature over the same bytes is not a directory signature.
        let raw = Base64.encode(operatorKey.signing.sign(file))
        #expect(!operatorKey.publicKey.verifiesHelpDirectory(file, signature: raw))
    }
}
