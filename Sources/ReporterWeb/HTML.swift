import HTMLEscaping

/// A fragment of HTML whose interpolated strings are escaped unless they are `HTML` themselves.
///
/// Every page is built from these, so text from a reporter, an inspector or a translation can
/// never become markup: forgetting to escape is not possible, only choosing `HTML` on purpose is.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation {
    public let rendered: String

    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: StringInterpolation) {
        rendered = stringInterpolation.output
    }

    /// Joins fragments, e.g. the items of a list.
    public init(_ parts: [HTML]) {
        rendered = parts.map(\.rendered).joined()
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Text: escaped for both element content and double-quoted attribute values.
        public mutating func appendInterpolation(_ text: String) {
            output += HTML.escape(text)
        }

        public mutating func appendInterpolation(_ number: Int) {
            output += String(number)
        }

        public mutating func appendInterpolation(_ fragment: HTML) {
            output += fragment.rendered
        }

        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }

    /// Escapes the five characters that matter in content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
