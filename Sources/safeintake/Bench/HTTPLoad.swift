import Foundation
import Synchronization

/// Drives `POST /v1/complaints` on a daemon with `clients` concurrent keep-alive connections for
/// `seconds`, each sending its next complaint as soon as the last is answered (closed loop).
struct HTTPLoad {
    struct Result {
        let seconds: Double
        let latencies: LatencySummary   // of 201 answers, ms
        let created: Int
        let otherStatuses: [Int: Int]
        let transportErrors: Int
        var perSecond: Double { Double(created) / seconds }
        var serverErrors: Int { otherStatuses.filter { $0.key >= 500 }.values.reduce(0, +) }
    }

    static let body = Array(#"{"language": "en", "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "visa_status": "overstayed"}, "narrative": "My employer pays me 450 dollars a month and I work 18 hours a day with no rest day. My work permit expired in March."}"#.utf8)

    let port: UInt16
    let clients: Int
    let seconds: Double

    private struct Tally {
        var latencies: [Double] = []
        var created = 0
        var others: [Int: Int] = [:]
        var errors = 0
    }

    /// Runs the load; `sample` is called about once a second from the calling thread (for RSS).
    func run(sample: () -> Void = {}) -> Result {
        let tally = Mutex(Tally())
        let stop = Atomic<Bool>(false)
        let done = DispatchGroup()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<clients {
            done.enter()
            Thread.detachNewThread { [port] in
                let client = LoadClient(port: port)
                var local = Tally()
                while !stop.load(ordering: .relaxed) {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    do {
                        let reply = try client.post("/v1/complaints", body: Self.body)
                        let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                        if reply.status == 201 {
                            local.created += 1
                            local.latencies.append(ms)
                        } else {
                            local.others[reply.status, default: 0] += 1
                        }
                    } catch {
                        local.errors += 1
                    }
                }
                tally.withLock { total in
                    total.latencies += local.latencies
                    total.created += local.created
                    total.errors += local.errors
                    total.others.merge(local.others, uniquingKeysWith: +)
                }
                done.leave()
            }
        }
        while Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 < seconds {
            Thread.sleep(forTimeInterval: min(1, seconds / 10))
            sample()
        }
        stop.store(true, ordering: .relaxed)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        done.wait()
        return tally.withLock { total in
            Result(seconds: elapsed, latencies: LatencySummary(milliseconds: total.latencies), created: total.created,
                   otherStatuses: total.others, transportErrors: total.errors)
        }
    }
}
