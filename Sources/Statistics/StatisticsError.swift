/// Why a statistics computation was refused, with a stable code for tests and callers and a reason
/// that says what to do next. Never carries a count or a case.
public struct StatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        /// A privacy parameter (ε, δ, threshold) is malformed or out of the supported range.
        case invalidParameter = "invalid_parameter"
        /// Exact arithmetic would overflow 128 bits: the parameters are far outside what a release needs.
        case arithmeticOverflow = "arithmetic_overflow"
        /// A month is malformed, not finished yet, or released already.
        case invalidMonth = "invalid_month"
        /// A stored or published release does not parse or does not verify.
        case invalidRelease = "invalid_release"
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code.rawValue): \(reason)" }
}
