import Foundation
import Testing
@testable import ReporterWeb

/// The check that no language misses a string: every PO file against the template.
@Suite("Translations")
struct CatalogTests {
    static let required = ["en", "tl", "id", "ne", "hi", "bn", "ur", "si", "ta", "ar", "am", "sw", "my", "km", "vi", "es"]
    static let rightToLeft: Set<String> = ["ar", "ur"]

    static var localesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/ReporterWeb/Locales")
    }

    static func sourceFile(_ name: String) throws -> POFile {
        try POParser.parse(String(contentsOf: localesFolder.appendingPathComponent(name), encoding: .utf8))
    }

    static func placeholders(_ text: String) -> [String] {
        text.matches(of: /\{[a-z_]+\}/).map { String($0.output) }.sorted()
    }

    @Test("the template holds exactly the keys the pages use")
    func templateMatchesCode() throws {
        let template = try Self.sourceFile("messages.pot")
        let keys = template.entries.compactMap(\.context)
        #expect(keys.count == template.entries.count, "every template entry needs a msgctxt key")
        #expect(Set(keys) == Set(Msg.allCases.map(\.rawValue)))
        #expect(template.entries.allSatisfy { $0.translation.isEmpty && !$0.id.isEmpty })
    }

    @Test("the shipped catalog has the sixteen languages, right to left exactly for Arabic and Urdu")
    func languages() {
        let catalog = Catalog.shipped
        #expect(catalog.languages.map(\.code) == Self.required)
        for language in catalog.languages {
            let expected: TextDirection = Self.rightToLeft.contains(language.code) ? .rightToLeft : .leftToRight
            #expect(language.direction == expected, "\(language.code)")
            #expect(!language.nativeName.isEmpty)
        }
    }

    @Test("every language has every string, translated, confirmed, with the template's placeholders",
          arguments: required)
    func complete(_ code: String) throws {
        let template = try Self.sourceFile("messages.pot")
        let po = try Self.sourceFile("\(code).po")
        #expect(po.header["Language"] == code)
        if code != "en" {
            let review = po.header["X-Review-Status"] ?? ""
            #expect(review.contains("machine-drafted") || review.hasPrefix("reviewed by "),
                    "say whether a native speaker reviewed \(code).po (Docs/reporter-ui.md)")
        }
        let byKey = Dictionary(po.entries.map { ($0.context ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(po.entries.count == template.entries.count, "\(code).po has entries the template does not")
        for entry in template.entries {
            let key = entry.context ?? ""
            guard let translated = byKey[key] else {
                Issue.record("\(code).po misses \(key)")
                continue
            }
            #expect(translated.id == entry.id, "\(code).po \(key): msgid differs from the template (stale translation)")
            #expect(!translated.translation.trimmingCharacters(in: .whitespaces).isEmpty, "\(code).po \(key) is empty")
            #expect(!translated.isFuzzy, "\(code).po \(key) is fuzzy")
            #expect(Self.placeholders(translated.translation) == Self.placeholders(entry.id), "\(code).po \(key) placeholders")
        }
    }

    @Test("English is the template's own text")
    func englishIsSource() throws {
        let en = try #require(Catalog.shipped.language("en"))
        for key in Msg.allCases {
            #expect(en.strings[key.rawValue] == Catalog.shipped.template[key.rawValue])
        }
    }

    @Test("placeholders are filled")
    func placeholdersFilled() throws {
        let es = try #require(Catalog.shipped.language("es"))
        #expect(es.text(.errorDuress, ["min": "4", "max": "8"]) == "El código de seguridad debe tener de 4 a 8 cifras.")
    }

    @Test("a catalog folder with a bad file is refused with the file's name")
    func badFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("po-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"\"\n".write(to: folder.appendingPathComponent("messages.pot"), atomically: true, encoding: .utf8)
        try "msgid \"\"\nmsgstr \"Language: xx\\nX-Native-Name: X\\n\"\n".write(to: folder.appendingPathComponent("xx.po"), atomically: true, encoding: .utf8)
        #expect(throws: CatalogError.self) { try Catalog.load(from: folder) }
        do {
            _ = try Catalog.load(from: folder)
        } catch {
            #expect(error.file == "xx.po" && error.reason.contains("X-Direction"))
        }
    }
}
