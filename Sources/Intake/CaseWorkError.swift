/// Why a key holder's change to a case was refused, with a code the HTTP layer maps to a status.
public struct CaseWorkError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// No such case for this key (HTTP 404).
        case notFound = "not_found"
        /// The key may not do this: not a holder of the case, or not a supervisor (HTTP 403).
        case forbidden = "forbidden"
        /// A signed statement does not verify, or does not match the request (HTTP 403).
        case badSignature = "bad_signature"
        /// The case changed meanwhile (epoch or holders): reload it and try again (HTTP 409).
        case conflict = "conflict"
        /// The reporter checked in under duress: nothing may be sent to her (HTTP 409).
        case reporterUnsafe = "reporter_unsafe"
        /// A malformed value in the request (HTTP 400).
        case invalidValue = "invalid_value"
        /// A note or message larger than the server stores (HTTP 413).
        case tooLarge = "too_large"
        /// This key already wrote as many notes, or sent as many messages, on the case as one key may (HTTP 409).
        case limitReached = "limit_reached"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Translates the store's refusal into a message a key holder can act on.
    static func from(_ error: StoreError) -> CaseWorkError? {
        switch error {
        case .notFound: CaseWorkError(.notFound, "no such case or key")
        case .notHolder: CaseWorkError(.forbidden, "your key does not hold this case; ask a supervisor of its team to assign it to you")
        case let .conflict(reason): CaseWorkError(.conflict, "the case changed meanwhile (\(reason)); reload it and try again")
        case .duressFlagged: CaseWorkError(.reporterUnsafe, "the reporter checked in under duress: do not contact her through SafeIntake; see the case flag")
        case let .limitReached(reason): CaseWorkError(.limitReached, reason)
        case .locatorTaken, .duplicateKey: nil
        }
    }
}
