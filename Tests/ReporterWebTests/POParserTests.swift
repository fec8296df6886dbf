import Testing
@testable import ReporterWeb

@Suite("PO parser")
struct POParserTests {
    @Test("reads the header, contexts, continued strings, escapes and the fuzzy flag")
    func readsEntries() throws {
        let text = #"""
        # a translator's comment
        msgid ""
        msgstr ""
        "Language: tl\n"
        "X-Direction: ltr\n"

        #: somewhere.swift:1
        msgctxt "greeting"
        msgid "Hello"
        msgstr "Kumusta"

        msgctxt "multi"
        msgid ""
        "Two "
        "lines"
        msgstr "Dalawa\n"
        "linya \"quoted\" \\ back"

        #, fuzzy
        msgctxt "guess"
        msgid "Maybe"
        msgstr "Siguro"
        msgid "no context"
        msgstr "walang konteksto"
        """#
        let po = try POParser.parse(text)
        #expect(po.header == ["Language": "tl", "X-Direction": "ltr"])
        #expect(po.entries == [
            POEntry(context: "greeting", id: "Hello", translation: "Kumusta"),
            POEntry(context: "multi", id: "Two lines", translation: "Dalawa\nlinya \"quoted\" \\ back"),
            POEntry(context: "guess", id: "Maybe", translation: "Siguro", isFuzzy: true),
            POEntry(context: nil, id: "no context", translation: "walang konteksto"),
        ])
    }

    @Test("accepts CRLF line ends")
    func crlf() throws {
        let po = try POParser.parse("msgctxt \"k\"\r\nmsgid \"a\"\r\nmsgstr \"b\"\r\n")
        #expect(po.entries == [POEntry(context: "k", id: "a", translation: "b")])
    }

    @Test("refuses what it cannot read faithfully, naming the line", arguments: [
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgid_plural \"as\"\n", 3),
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\\q\"\n", 3),
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr b\n", 3),
        ("msgctxt \"k\"\nmsgstr \"b\"\n", 2),
        ("msgctxt \"k\"\nmsgid \"a\"\n\n", 3),
        ("\"orphan\"\n", 1),
        ("msgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"c\"\n", 8),
        ("msgid \"a\"\nmsgstr \"b\" \"c\"\n", 2),
        ("msgfoo \"a\"\n", 1),
    ])
    func refuses(_ text: String, line: Int) {
        #expect(throws: POError.self) { try POParser.parse(text) }
        do {
            _ = try POParser.parse(text)
        } catch {
            #expect(error.line == line, "\(error)")
        }
    }
}
