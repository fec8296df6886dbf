/// The Damm check digit (H. M. Damm, 2004): one decimal digit that catches every single-digit
/// error and every swap of two neighbouring digits, the two mistakes people make most when they
/// copy a number by hand (Verhoeff's 1969 study).
///
/// Why a check digit on a secret: it is public structure, a property of the number and not of the
/// database, so a page may say "check the number you typed" without telling a guesser anything
/// about which tokens exist (Docs/abuse-resistance.md). Not cryptography: a table lookup.
public enum DammCheckDigit {
    /// The weakly totally anti-symmetric quasigroup of order 10 from Damm's thesis (the table
    /// every implementation uses; Wikipedia "Damm algorithm").
    private static let table: [[UInt8]] = [
        [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
        [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
        [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
        [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
        [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
        [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
        [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
        [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
        [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
        [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
    ]

    /// The interim digit after `digits` (values 0–9): the check digit to append to them, and 0
    /// for a number whose last digit is its check digit.
    public static func interim<S: Sequence>(_ digits: S) -> UInt8 where S.Element == UInt8 {
        digits.reduce(0) { table[Int($0)][Int($1)] }
    }

    /// True when the last of `digits` (values 0–9) is the Damm check digit of the others.
    public static func isValid<S: Sequence>(_ digits: S) -> Bool where S.Element == UInt8 {
        interim(digits) == 0
    }
}
