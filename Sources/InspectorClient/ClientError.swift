/// Why an inspector's command failed, with what to do about it.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let hint: String?
    /// The server answered (with a refusal), as opposed to no answer arriving.
    var serverAnswered = false

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
