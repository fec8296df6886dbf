/// A stretch of narrative that is removed or kept as a whole: roughly one predicate with its
/// arguments ("my visa expired in March"), ended by punctuation or a conjunction. Removing whole
/// clauses (not just the alarming word) is what also takes away the dates, places and numbers
/// that belong to the disclosure — "deported from Malaysia in 2019" must not leave "in 2019".
struct Clause: Equatable {
    /// Folded-scalar range, trimmed of surrounding spaces and punctuation.
    let range: Range<Int>
    /// Index of the sentence the clause belongs to.
    let sentence: Int
}
