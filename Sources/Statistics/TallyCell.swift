/// One cell of the statistics tallies: a dimension ("language") and a value of it ("tl").
///
/// Cells are coarse on purpose: each dimension is tallied on its own, never crossed with another
/// (no "language × region" cell), so the stored counts cannot narrow a case down the way a cross
/// table can (Docs/threat-model.md, "Statistics tallies").
public struct TallyCell: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let dimension: String
    public let cell: String

    public init(_ dimension: String, _ cell: String) {
        self.dimension = dimension
        self.cell = cell
    }

    public static func < (lhs: TallyCell, rhs: TallyCell) -> Bool {
        (lhs.dimension, lhs.cell) < (rhs.dimension, rhs.cell)
    }

    public var description: String { "\(dimension)=\(cell)" }
}
