/// Multi-pattern matcher (Aho–Corasick) over folded scalars: every lexicon phrase of every
/// language is found in one left-to-right pass, so the cost per character does not grow with the
/// number of languages or phrases. This is what keeps the firewall well above 2 MB/s; a Foundation
/// regular expression per phrase would rescan the text thousands of times.
///
/// Edges live in one sorted array per node (binary search): compact, immutable after building,
/// and therefore safe to share between threads.
struct PatternAutomaton: Sendable {
    struct Hit: Equatable {
        let start: Int
        let end: Int
        let value: Int
    }

    private var edgeStart: [Int32] = [0]       // node → first index in edgeKeys/edgeTargets
    private var edgeKeys: [UInt32] = []
    private var edgeTargets: [Int32] = []
    private var fail: [Int32] = [0]
    private var outputs: [[Int32]] = [[]]      // node → pattern ids ending here (own + via fail links)
    private var lengths: [Int32] = []          // pattern id → length in scalars
    private var values: [Int] = []             // pattern id → caller's value

    init(patterns: [(scalars: [Unicode.Scalar], value: Int)]) {
        // Build a trie with dictionaries first, then freeze it into sorted arrays.
        var children: [[UInt32: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (pid, p) in patterns.enumerated() {
            lengths.append(Int32(p.scalars.count))
            values.append(p.value)
            guard !p.scalars.isEmpty else { continue }
            var node: Int32 = 0
            for s in p.scalars {
                if let next = children[Int(node)][s.value] {
                    node = next
                } else {
                    children.append([:])
                    own.append([])
                    let next = Int32(children.count - 1)
                    children[Int(node)][s.value] = next
                    node = next
                }
            }
            own[Int(node)].append(Int32(pid))
        }
        let n = children.count
        var fail = [Int32](repeating: 0, count: n)
        var outputs = own
        var queue: [Int32] = []
        for (_, child) in children[0] { queue.append(child) }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (key, child) in children[Int(node)] {
                queue.append(child)
                var f = fail[Int(node)]
                while true {
                    if let next = children[Int(f)][key], next != child {
                        fail[Int(child)] = next
                        break
                    }
                    if f == 0 { fail[Int(child)] = 0; break }
                    f = fail[Int(f)]
                }
                outputs[Int(child)].append(contentsOf: outputs[Int(fail[Int(child)])])
            }
        }
        var edgeStart: [Int32] = []
        var keys: [UInt32] = []
        var targets: [Int32] = []
        for node in 0..<n {
            edgeStart.append(Int32(keys.count))
            for (k, t) in children[node].sorted(by: { $0.key < $1.key }) {
                keys.append(k)
                targets.append(t)
            }
        }
        edgeStart.append(Int32(keys.count))
        self.edgeStart = edgeStart
        self.edgeKeys = keys
        self.edgeTargets = targets
        self.fail = fail
        self.outputs = outputs
    }

    @inline(__always)
    private func step(_ node: Int32, _ key: UInt32) -> Int32? {
        var lo = Int(edgeStart[Int(node)])
        var hi = Int(edgeStart[Int(node) + 1]) - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let k = edgeKeys[mid]
            if k == key { return edgeTargets[mid] }
            if k < key { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// Every occurrence of every pattern, in order of end position.
    func hits(in text: [Unicode.Scalar]) -> [Hit] {
        var out: [Hit] = []
        var node: Int32 = 0
        for (i, s) in text.enumerated() {
            let key = s.value
            while true {
                if let next = step(node, key) { node = next; break }
                if node == 0 { break }
                node = fail[Int(node)]
            }
            for pid in outputs[Int(node)] {
                let len = Int(lengths[Int(pid)])
                out.append(Hit(start: i + 1 - len, end: i + 1, value: values[Int(pid)]))
            }
        }
        return out
    }
}
