/// Every cell a release publishes, fixed before any count is read, and how many cells of each
/// dimension one complaint can add to: the sensitivities the noise is calibrated to.
///
/// A release publishes every cell of the domain (suppressed or not), whatever the data: had a cell
/// appeared only once some complaint reached it, its presence alone would tell that a complaint in
/// Tigrinya, say, was filed that month.
public struct StatisticsDomain: Sendable, Equatable {
    public struct Dimension: Sendable, Equatable {
        public let name: String
        public let cells: [String]
        /// How many cells of this dimension one complaint adds 1 to, at most.
        public let cellsPerComplaint: Int

        public init(name: String, cells: [String], cellsPerComplaint: Int) {
            self.name = name
            self.cells = cells
            self.cellsPerComplaint = cellsPerComplaint
        }
    }

    public let dimensions: [Dimension]

    public init(dimensions: [Dimension]) {
        self.dimensions = dimensions.filter { !$0.cells.isEmpty }
    }

    /// Every cell, in publication order.
    public var cells: [TallyCell] {
        dimensions.flatMap { d in d.cells.map { TallyCell(d.name, $0) } }
    }

    /// The most the whole release's vector of counts moves, in L1 norm, when one complaint is added
    /// or removed: each cell it touches moves by exactly 1.
    public var l1Sensitivity: Int { dimensions.reduce(0) { $0 + $1.cellsPerComplaint } }

    /// The same in squared L2 norm; equal to the L1 sensitivity because every change is 0 or 1.
    public var l2SensitivitySquared: Int { l1Sensitivity }

    /// The same domain without the dimensions named in `names`: what the central mechanism is
    /// calibrated to when those dimensions are released from randomised answers alone.
    public func removing(_ names: Set<String>) -> StatisticsDomain {
        StatisticsDomain(dimensions: dimensions.filter { !names.contains($0.name) })
    }

    /// The domain's dimensions named in `names` only.
    public func keeping(_ names: Set<String>) -> StatisticsDomain {
        StatisticsDomain(dimensions: dimensions.filter { names.contains($0.name) })
    }

    public func contains(_ cell: TallyCell) -> Bool {
        dimensions.contains { $0.name == cell.dimension && $0.cells.contains(cell.cell) }
    }
}
