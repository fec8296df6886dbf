import Foundation

/// Check 5: no route of the public HTTP API filters, sorts or exports by a prohibited category.
/// Read from the OpenAPI description, which a test keeps identical to the router's route table:
/// every path segment, parameter name and body or answer member name is checked.
enum RouteCheck {
    static func check(openAPI: String?) -> SeparationCheck {
        let title = "no API route filters, sorts or exports by a prohibited category"
        guard let openAPI else {
            return SeparationCheck(number: 5, title: title, findings: ["the OpenAPI description was not found; pass --openapi Docs/openapi.yaml"], examined: "nothing")
        }
        var findings: [String] = []
        var paths = 0, names = 0
        for line in openAPI.split(separator: "\n", omittingEmptySubsequences: true) {
            let text = String(line)
            if text.hasPrefix("  /"), text.hasSuffix(":") {
                paths += 1
                let path = String(text.dropFirst(2).dropLast())
                if let reason = ProhibitedNames.match(path) { findings.append("route \(path) names \(reason)") }
            } else if let name = memberName(text) {
                names += 1
                if let reason = ProhibitedNames.match(name) { findings.append("member or parameter '\(name)' names \(reason)") }
            }
        }
        if paths == 0 { findings.append("the OpenAPI description lists no paths") }
        return SeparationCheck(number: 5, title: title, findings: findings, examined: "\(paths) routes, \(names) names")
    }

    /// The key of a YAML mapping line (`  name:` or `- {name: X, ...}` parameter names), skipping
    /// free text such as descriptions.
    static func memberName(_ line: String) -> String? {
        let trimmed = line.drop { $0 == " " || $0 == "-" }
        if let range = trimmed.range(of: "name: ") {
            let value = trimmed[range.upperBound...].prefix { $0 != "," && $0 != "}" }
            return value.trimmingCharacters(in: .whitespaces)
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = trimmed[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return String(key)
    }
}
