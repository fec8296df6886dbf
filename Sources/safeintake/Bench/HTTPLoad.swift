import Foundation
import Synchronization

/// Drives one kind of POST request on a daemon with `clients` concurrent keep-alive connections for
/// `seconds`, each sending its next request as soon as the last is answered (closed loop).
struct HTTPLoad {
    /// What every client sends, and the status that counts as done.
    struct Target {
        let path: String
        let body: [UInt8]
        let expectedStatus: Int

        /// A complaint, answered 201 once it is firewalled, sealed and committed.
        static let complaint = Target(path: "/v1/complaints", body: complaintBody, expectedStatus: 201)

        /// The same bytes to a path nothing serves, answered 404 with no work done: what HTTP on both
        /// ends costs by itself, the floor under every complaint.
        static let unrouted = Target(path: "/v1/no-such-route", body: complaintBody, expectedStatus: 404)

        static let complaintBody = Array(#"{"language": "en", "fields": {"employer_name": "Mrs. Lim", "wage_monthly": "450 SGD", "visa_status": "overstayed"}, "narrative": "My employer pays me 450 dollars a month and I work 18 hours a day with no rest day. My work permit expired in March."}"#.utf8)
    }

    struct Result {
        let seconds: Double
        let latencies: LatencySummary   // of answers with the expected status, ms
        let answered: Int               // with the expected status
        let otherStatuses: [Int: Int]
        let transportErrors: Int
        /// CPU time of this (load-generating) process over the run, in seconds.
        let clientCPUSeconds: Double
        var perSecond: Double { Double(answered) / seconds }
        var serverErrors: Int { otherStatuses.filter { $0.key >= 500 }.values.reduce(0, +) }
        /// The load client's own CPU per expected answer, in ms: it shares the machine with the daemon.
        var clientCPUMilliseconds: Double { answered > 0 ? clientCPUSeconds * 1000 / Double(answered) : .nan }
    }

    let port: UInt16
    let clients: Int
    let seconds: Double
    var target = Target.complaint

    private struct Tally {
        var latencies: [Double] = []
        var answered = 0
        var others: [Int: Int] = [:]
        var errors = 0
    }

    /// Runs the load; `sample` is called about once a second from the calling thread (for RSS).
    func run(sample: () -> Void = {}) -> Result {
        let tally = Mutex(Tally())
        let stop = Atomic<Bool>(false)
        let done = DispatchGroup()
        let cpuBefore = Self.processCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<clients {
            done.enter()
            Thread.detachNewThread { [port, target] in
                let client = LoadClient(port: port)
                var local = Tally()
                while !stop.load(ordering: .relaxed) {
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    do {
                        let reply = try client.post(target.path, body: target.body)
                        let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
                        if reply.status == target.expectedStatus {
                            local.answered += 1
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
                    total.answered += local.answered
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
        let clientCPU = Self.processCPUSeconds() - cpuBefore
        return tally.withLock { total in
            Result(seconds: elapsed, latencies: LatencySummary(milliseconds: total.latencies), answered: total.answered,
                   otherStatuses: total.others, transportErrors: total.errors, clientCPUSeconds: clientCPU)
        }
    }

    /// CPU time (user + system) of this whole process so far. Only the load's threads are busy while
    /// it runs, so the difference across a run is the load client's cost.
    static func processCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
