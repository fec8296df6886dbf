/// A non-negative rational number n/d held exactly in 128-bit integers: the samplers' parameters.
///
/// Canonne, Kamath and Steinke's samplers are exact only if their parameters are exact rationals:
/// ε, δ and σ² are parsed from decimal text into this type, never through a `Double`.
public struct Rational: Sendable, Hashable, CustomStringConvertible {
    public let numerator: UInt128
    public let denominator: UInt128

    /// n/d in lowest terms; d must be positive.
    public init(_ numerator: UInt128, _ denominator: UInt128) throws(StatisticsError) {
        guard denominator > 0 else { throw StatisticsError(.invalidParameter, "a fraction cannot have denominator 0") }
        let g = Self.gcd(numerator, denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// Parses plain decimal text ("1", "0.5", "0.000001") or scientific notation ("1e-6", "2.5E-7").
    /// At most 30 significant digits and exponents down to 10^-30: far beyond any privacy budget.
    public init(decimal text: String) throws(StatisticsError) {
        let invalid = StatisticsError(.invalidParameter, "'\(text)' is not a decimal number such as 0.5 or 1e-6")
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            guard let value = Int(text[text.index(after: e)...]), abs(value) <= 30 else { throw invalid }
            exponent = value
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !mantissa.isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
              parts.contains(where: { !$0.isEmpty }) else { throw invalid }
        let digits = parts.joined()
        guard digits.count <= 30, let whole = UInt128(digits.isEmpty ? "0" : digits) else { throw invalid }
        exponent -= parts.count == 2 ? parts[1].count : 0
        guard exponent >= -36, exponent <= 6 else { throw invalid }
        let scale = try Self.powerOfTen(abs(exponent))
        if exponent >= 0 {
            try self.init(try Self.multiply(whole, scale), 1)
        } else {
            try self.init(whole, scale)
        }
    }

    public var isZero: Bool { numerator == 0 }

    /// ⌊n/d⌋.
    public var floor: UInt128 { numerator / denominator }

    /// n/d − ⌊n/d⌋.
    public var fractionalPart: Rational {
        // Already in lowest terms: n mod d and d share the gcd of n and d, which is 1.
        Rational(uncheckedNumerator: numerator % denominator, denominator: denominator)
    }

    /// The nearest `Double`, for display and for calibration checks only, never for sampling.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public func compare(_ other: Rational) throws(StatisticsError) -> Int {
        let left = try Self.multiply(numerator, other.denominator)
        let right = try Self.multiply(other.numerator, denominator)
        return left < right ? -1 : (left == right ? 0 : 1)
    }

    /// self + other, exact (a release's composed ε).
    public func adding(_ other: Rational) throws(StatisticsError) -> Rational {
        let numerator = try Self.add(try Self.multiply(self.numerator, other.denominator), try Self.multiply(other.numerator, denominator))
        return try Rational(numerator, try Self.multiply(denominator, other.denominator))
    }

    /// self · n, exact.
    public func multiplied(by n: UInt128) throws(StatisticsError) -> Rational {
        try Rational(try Self.multiply(numerator, n), denominator)
    }

    /// "n/d", or "n" when d is 1: the exact form recorded in a release.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Parses `description`'s form back.
    public init(exact text: String) throws(StatisticsError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let n = UInt128(parts[0]), let d = parts.count == 2 ? UInt128(parts[1]) : 1 else {
            throw StatisticsError(.invalidRelease, "'\(text)' is not an exact fraction n/d")
        }
        try self.init(n, d)
    }

    private init(uncheckedNumerator: UInt128, denominator: UInt128) {
        self.numerator = uncheckedNumerator
        self.denominator = denominator
    }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a == 0 ? 1 : a
    }

    static func multiply(_ a: UInt128, _ b: UInt128) throws(StatisticsError) -> UInt128 {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else {
            throw StatisticsError(.arithmeticOverflow, "exact arithmetic on the noise parameters would overflow 128 bits; choose a larger ε or fewer decimal places")
        }
        return product
    }

    static func add(_ a: UInt128, _ b: UInt128) throws(StatisticsError) -> UInt128 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw StatisticsError(.arithmeticOverflow, "exact arithmetic on the noise parameters would overflow 128 bits; choose a larger ε or fewer decimal places")
        }
        return sum
    }

    static func powerOfTen(_ exponent: Int) throws(StatisticsError) -> UInt128 {
        var value: UInt128 = 1
        for _ in 0..<exponent { value = try multiply(value, 10) }
        return value
    }

    /// ⌊√n⌋ by Newton's method on integers.
    static func integerSquareRoot(_ n: UInt128) -> UInt128 {
        guard n > 1 else { return n }
        var x = UInt128(1) << ((128 - n.leadingZeroBitCount) / 2 + 1)
        while true {
            let y = (x + n / x) / 2
            if y >= x { return x }
            x = y
        }
    }
}
