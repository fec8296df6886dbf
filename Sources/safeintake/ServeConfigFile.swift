import ArgumentParser
import Configuration
import Foundation
import SystemPackage

/// `safeintake serve --config FILE` (issue 22 #3): every `serve` option from one JSON file, keyed by
/// the option's own name without its dashes (`{"port": 8443, "organisation": ["a", "ar=b"],
/// "attachments": false}`), read with swift-configuration's JSON file provider. An option given on
/// the command line wins over the file: the file's value is then not used at all (for a repeatable
/// option too, so the command line never adds to the file's list).
///
/// Why rewrite the arguments rather than read each value in `serve`: the command line stays the
/// one definition of every option (names, types, defaults, validation, help), so the file accepts
/// exactly what the command line does and cannot drift from it. The option names come from `serve
/// --help` itself; a key that is not one of them is refused with the list, as a typo should be.
enum ServeConfigFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What one `serve` option takes: a value, or nothing (a flag, maybe with a `--no-` form).
    enum Kind: Equatable { case value, flag, invertibleFlag }

    /// `arguments` (without the program name) with the config file's options added after `serve`.
    static func expand(_ arguments: [String]) async throws -> [String] {
        guard arguments.first == "serve", let path = configPath(arguments) else { return arguments }
        let options = optionKinds()
        let keys = try topLevelKeys(path)
        let unknown = keys.subtracting(options.keys).sorted()
        guard unknown.isEmpty else {
            throw Failure(description: "\(path): unknown key\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); "
                + "the keys are serve's options without their dashes: \(options.keys.sorted().joined(separator: ", "))")
        }
        let config = ConfigReader(provider: try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
        var added: [String] = []
        for name in keys.sorted() where !given(name, in: arguments) {
            added += try commandLine(for: name, kind: options[name]!, in: config, file: path)
        }
        return ["serve"] + added + arguments.dropFirst()
    }

    /// The file named by `--config FILE` or `--config=FILE`.
    static func configPath(_ arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
        }
        return nil
    }

    /// Every `serve` option and what it takes, read from its own help, so this never drifts from
    /// the options `serve` has.
    static func optionKinds() -> [String: Kind] {
        var kinds: [String: Kind] = [:]
        for line in ServeCommand.helpMessage(columns: 400).split(separator: "\n") where line.hasPrefix("  --") {
            // `--name <value>`, `--name`, or an inversion: `--name/--no-name`.
            let rest = line.dropFirst(4)
            let name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            guard !name.isEmpty, !["help", "version", "config"].contains(name) else { continue }
            let after = rest.dropFirst(name.count)
            let invertible = after.hasPrefix("/--no-\(name)")
            let takesValue = after.hasPrefix(" <")
            kinds[name] = takesValue ? .value : (invertible ? .invertibleFlag : .flag)
        }
        return kinds
    }

    private static func topLevelKeys(_ path: String) throws -> Set<String> {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read the config file \(path)") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "\(path) is not a JSON object ({\"port\": 8443, ...})")
        }
        return Set(object.keys)
    }

    /// Whether the command line already sets `name` (then the file's value is not used).
    private static func given(_ name: String, in arguments: [String]) -> Bool {
        arguments.contains { $0 == "--\(name)" || $0 == "--no-\(name)" || $0.hasPrefix("--\(name)=") }
    }

    private static func commandLine(for name: String, kind: Kind, in config: ConfigReader, file: String) throws -> [String] {
        let flag = "--\(name)"
        switch kind {
        case .flag, .invertibleFlag:
            guard let on = config.bool(forKey: ConfigKey(name)) else {
                throw Failure(description: "\(file): \"\(name)\" must be true or false")
            }
            if on { return [flag] }
            return kind == .invertibleFlag ? ["--no-\(name)"] : []
        case .value:
            if let number = config.int(forKey: ConfigKey(name)) { return [flag, String(number)] }
            if let number = config.double(forKey: ConfigKey(name)) { return [flag, String(number)] }
            if let text = config.string(forKey: ConfigKey(name)) { return [flag, text] }
            if let list = config.stringArray(forKey: ConfigKey(name)) { return list.flatMap { [flag, $0] } }
            throw Failure(description: "\(file): \"\(name)\" must be a string, a number, or a list of strings")
        }
    }
}
