/// What the start page tells a reporter about the service before she writes anything (issue 18
/// #8): who runs it, in her language, set by the operator (`serve --organisation`). Without it she
/// is asked to trust a page that does not say whose it is.
public struct ServiceDescription: Sendable, Equatable {
    /// The organisation's name by page language code; `"*"` for every language without its own.
    public var organisation: [String: String]
    /// The operator's signed help directories by language code (`HelpDirectory`); verified before
    /// they get here (`serve` refuses to start on a file the operator key did not sign).
    public var help: [String: HelpDirectory]

    public init(organisation: [String: String] = [:], help: [String: HelpDirectory] = [:]) {
        self.organisation = organisation
        self.help = help
    }

    /// Reads the operator's `--organisation` values: `NAME` (every language) or `CODE=NAME`
    /// (one language), e.g. `"Migrant Workers' Centre"`, `"ar=مركز العمال المهاجرين"`. A later
    /// value for the same language wins.
    public init(organisationValues values: [String]) {
        var names: [String: String] = [:]
        for value in values {
            if let eq = value.firstIndex(of: "="), value[..<eq].count <= 8, value[..<eq].allSatisfy({ $0.isLetter || $0 == "-" }),
               !value[..<eq].isEmpty {
                names[String(value[..<eq]).lowercased()] = String(value[value.index(after: eq)...])
            } else {
                names["*"] = value
            }
        }
        self.init(organisation: names)
    }

    /// The same, with the help directories.
    public func with(help: [String: HelpDirectory]) -> ServiceDescription {
        ServiceDescription(organisation: organisation, help: help)
    }

    /// The name to show on a page in `code`, if the operator gave one.
    func organisation(for code: String) -> String? {
        organisation[code] ?? organisation["*"]
    }
}
