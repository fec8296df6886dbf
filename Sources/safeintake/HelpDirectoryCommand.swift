import ArgumentParser
import Envelope
import Foundation
import ReporterWeb

/// `safeintake help-directory`: the operator's list of services a reporter can reach now (shelters,
/// legal aid, unions, hotlines, embassies), one signed file per page language in `DIR/help/`
/// (Docs/format.md §15, Docs/operations.md).
struct HelpDirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-directory",
        abstract: "Sign and check the help directory the reporter pages show (DIR/help/LANG.json and its .sig).",
        subcommands: [Sign.self, Check.self])

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a directory file and sign it with the operator key: writes FILE.sig beside it.")
        @Argument(help: "The directory file, e.g. help/tl.json.") var file: String
        @Option(help: "The operator's private key file.") var operatorKey: String
        @OptionGroup var passphrase: PassphraseOptions

        func run() async throws {
            let bytes = try HelpDirectoryFiles.read(file)
            _ = try HelpDirectoryFiles.parse(bytes, file: file)
            guard let data = FileManager.default.contents(atPath: operatorKey) else {
                throw CLIFailure("cannot read the operator key \(operatorKey)", hint: "made with `safeintake keys operator-generate`")
            }
            let signer: OperatorKeyPair
            do {
                signer = try OperatorKeyPair(keyFile: data) { try passphrase.read(prompt: "Passphrase for the operator key \(operatorKey): ") }
            } catch let error as EnvelopeError {
                throw CLIFailure("the operator key \(operatorKey) cannot be used: \(error.reason)")
            }
            try (signer.signHelpDirectory(bytes) + "\n").write(toFile: file + ".sig", atomically: true, encoding: .utf8)
            print("signed \(file) with operator \(signer.publicKey.keyID): \(file).sig")
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check every DIR/help/*.json as `serve` will: its form and its operator signature.")
        @Option(help: "The data folder.") var data = "./data"
        @Option(help: "The operator's public key file. Default: DIR/secrets/operator.pub.") var operatorKey: String?

        func run() async throws {
            let pub = operatorKey ?? URL(fileURLWithPath: data).appendingPathComponent("secrets/operator.pub").path
            guard let keyData = FileManager.default.contents(atPath: pub) else { throw CLIFailure("cannot read the operator public key \(pub)") }
            let key = try OperatorPublicKey(publicKeyFile: keyData)
            let loaded = try HelpDirectoryFiles.load(folder: URL(fileURLWithPath: data).appendingPathComponent("help"), operatorKey: key)
            for (language, directory) in loaded.sorted(by: { $0.key < $1.key }) {
                print("PASS  \(language): \(directory.entries.count) entr\(directory.entries.count == 1 ? "y" : "ies"), signed by operator \(key.keyID)")
            }
            if loaded.isEmpty { print("no help directory in \(data)/help: the pages show none") }
        }
    }
}

/// Reading `DIR/help/`: every `LANG.json` must parse and carry the operator's signature in
/// `LANG.json.sig`; one that does not stops the daemon, with the file named, rather than show a
/// reporter a phone number nobody vouched for.
enum HelpDirectoryFiles {
    static func load(folder: URL, operatorKey: OperatorPublicKey) throws -> [String: HelpDirectory] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var loaded: [String: HelpDirectory] = [:]
        for name in names.sorted() where name.hasSuffix(".json") {
            let path = folder.appendingPathComponent(name).path
            let bytes = try read(path)
            guard let signature = try? String(contentsOfFile: path + ".sig", encoding: .utf8) else {
                throw CLIFailure("the help directory \(path) has no signature (\(name).sig)",
                                 hint: "sign it with `safeintake help-directory sign \(path) --operator-key operator.key`")
            }
            guard operatorKey.verifiesHelpDirectory(bytes, signature: signature) else {
                throw CLIFailure("the help directory \(path) is not signed by operator \(operatorKey.keyID), or changed after it was signed",
                                 hint: "check its contents, then sign it again with `safeintake help-directory sign`")
            }
            let directory = try parse(bytes, file: path)
            let stem = String(name.dropLast(".json".count))
            guard directory.language == stem else {
                throw CLIFailure("\(path) says its language is \(directory.language): name it \(directory.language).json")
            }
            loaded[directory.language] = directory
        }
        return loaded
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIFailure("cannot read \(path)") }
        guard data.count <= 256 * 1024 else { throw CLIFailure("\(path) is over 256 KiB: a help directory is a short list") }
        return [UInt8](data)
    }

    static func parse(_ bytes: [UInt8], file: String) throws -> HelpDirectory {
        do {
            return try HelpDirectory.parse(bytes)
        } catch {
            throw CLIFailure("\(file): \(error)")
        }
    }
}
