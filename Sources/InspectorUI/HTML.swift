import HTMLEscaping

/// A fragment of HTML that is safe to send: every `String` interpolated into it is escaped, and
/// only other `HTML` values go in verbatim.
///
/// Case content is written by reporters and must be treated as hostile. Making escaping the
/// default of string interpolation (`"<td>\(narrative)</td>" as HTML`) means a page cannot forget
/// it: raw markup can only come from another `HTML` value, which was itself built this way.
public struct HTML: Sendable, Equatable, CustomStringConvertible {
    /// The markup, ready to send.
    public private(set) var rendered: String

    /// Markup written by this module, trusted as is. Never pass it text from a case or a request.
    init(trusted markup: String) {
        rendered = markup
    }

    public var description: String { rendered }

    /// Escapes text for an HTML text node or a double-quoted attribute value: `&`, `<`, `>`, `"`
    /// and `'` become character references, so the text can neither open a tag nor leave an
    /// attribute. Everything else (any script, any language) passes unchanged.
    public static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }

    /// Joins fragments.
    static func join(_ parts: [HTML], separator: String = "") -> HTML {
        HTML(trusted: parts.map(\.rendered).joined(separator: separator))
    }

    static let empty = HTML(trusted: "")
}

extension HTML: ExpressibleByStringInterpolation {
    /// A literal in this module's source is trusted markup.
    public init(stringLiteral value: String) {
        rendered = value
    }

    public init(stringInterpolation: Interpolation) {
        rendered = stringInterpolation.output
    }

    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity * 2)
        }

        public mutating func appendLiteral(_ literal: String) {
            output += literal
        }

        /// Text: always escaped.
        public mutating func appendInterpolation(_ text: String) {
            output += HTML.escape(text)
        }

        /// Numbers and other plain values, escaped like text.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            output += HTML.escape(value.description)
        }

        /// Markup built by this module: inserted as is.
        public mutating func appendInterpolation(_ html: HTML) {
            output += html.rendered
        }

        /// A list of fragments, one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) {
            for part in parts { output += part.rendered }
        }
    }
}
