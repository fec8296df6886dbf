import Foundation

/// All languages of the reporter's pages, read from the PO files in `Locales/`.
///
/// `messages.pot` is the template (English source text under stable `msgctxt` keys); each
/// `CODE.po` is one language. Language metadata lives in each file's header (`Language`,
/// `X-Native-Name`, `X-Direction`) so a translator adds a language by adding one file.
public struct Catalog: Sendable {
    /// The order of the language choice: the languages most of our reporters read first.
    /// Languages not listed here follow in code order.
    public static let preferredOrder = ["en", "tl", "id", "ne", "hi", "bn", "ur", "si", "ta", "ar", "am", "sw", "my", "km", "vi", "es"]

    /// The template: key → English source text.
    public let template: [String: String]
    /// Every language, in the order the language choice shows them.
    public let languages: [UILanguage]
    private let byCode: [String: UILanguage]

    public init(template: [String: String], languages: [UILanguage]) {
        self.template = template
        let rank = Dictionary(uniqueKeysWithValues: Self.preferredOrder.enumerated().map { ($1, $0) })
        self.languages = languages.sorted { a, b in
            let (ra, rb) = (rank[a.code] ?? Int.max, rank[b.code] ?? Int.max)
            return ra != rb ? ra < rb : a.code < b.code
        }
        self.byCode = Dictionary(languages.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The language with this exact code, or nil (the caller shows the language choice).
    public func language(_ code: String) -> UILanguage? {
        byCode[code]
    }

    /// The catalog shipped in this module's resources. The files are checked by tests, so a
    /// failure here is a packaging error: it stops the daemon at start, not at a reporter's request.
    public static let shipped: Catalog = {
        guard let folder = Bundle.module.url(forResource: "Locales", withExtension: nil) else {
            preconditionFailure("the ReporterWeb resource bundle has no Locales folder; ship SafeIntake_ReporterWeb.resources beside the binary")
        }
        do {
            return try load(from: folder)
        } catch {
            preconditionFailure("the shipped translations could not be read: \(error)")
        }
    }()

    /// Reads `messages.pot` and every `*.po` in `folder`.
    public static func load(from folder: URL) throws(CatalogError) -> Catalog {
        let template = try readPO(folder.appendingPathComponent("messages.pot"))
        var languages: [UILanguage] = []
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".po") }.sorted()
        } catch {
            throw CatalogError(file: folder.lastPathComponent, "cannot list the folder: \(error.localizedDescription)")
        }
        for name in names {
            languages.append(try language(from: readPO(folder.appendingPathComponent(name)), file: name))
        }
        return Catalog(template: strings(template, useSource: true), languages: languages)
    }

    static func language(from po: POFile, file: String) throws(CatalogError) -> UILanguage {
        guard let code = po.header["Language"], !code.isEmpty else {
            throw CatalogError(file: file, "the header has no Language field")
        }
        guard file == "\(code).po" else { throw CatalogError(file: file, "the file name must be \(code).po for Language: \(code)") }
        guard let name = po.header["X-Native-Name"], !name.isEmpty else {
            throw CatalogError(file: file, "the header has no X-Native-Name field (the language's name in its own script)")
        }
        guard let direction = TextDirection(rawValue: po.header["X-Direction"] ?? "") else {
            throw CatalogError(file: file, "the header's X-Direction must be ltr or rtl")
        }
        return UILanguage(code: code, nativeName: name, direction: direction, strings: strings(po, useSource: false))
    }

    /// Key → text, skipping fuzzy and empty translations so they fall back visibly in tests.
    static func strings(_ po: POFile, useSource: Bool) -> [String: String] {
        var out: [String: String] = [:]
        for entry in po.entries where !entry.isFuzzy {
            let text = useSource ? entry.id : entry.translation
            if !text.isEmpty { out[entry.context ?? entry.id] = text }
        }
        return out
    }

    static func readPO(_ url: URL) throws(CatalogError) -> POFile {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CatalogError(file: url.lastPathComponent, "cannot read it as UTF-8: \(error.localizedDescription)")
        }
        do {
            return try POParser.parse(text)
        } catch {
            throw CatalogError(file: url.lastPathComponent, error.description)
        }
    }
}

/// A translation file that cannot be used, naming the file and what to fix.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let reason: String

    init(file: String, _ reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): \(reason)" }
}
