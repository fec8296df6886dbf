import ArgumentParser
import Foundation
import Sodium

/// `safeintake bench intake`: complaints per second and latency over HTTP at several numbers of
/// concurrent clients, against a daemon in its own process (release build, durable writes), with
/// the default Argon2id cost and with libsodium's minimum, next to the machine's limits measured in
/// the same run (the fsync'd-commit rate again after every row), the daemon's and the load client's
/// CPU time per complaint, the floor of HTTP with no work behind it, then the daemon's resident
/// memory under sustained load.
struct BenchIntake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake", abstract: "Intake over HTTP at 1, 8 and 64 clients; machine limits; memory under load.")

    @Option(help: "Concurrent clients to measure, comma-separated.") var clients = "1,8,64"
    @Option(help: "Seconds per measurement (after a 1-second warm-up).") var seconds = 10.0
    @Option(help: "Seconds of sustained load at the largest client count while sampling memory (0: skip).") var sustain = 60.0
    @Option(help: "Seconds per machine-limit measurement.") var machineSeconds = 3.0
    @Option(parsing: .unconditionalSingleValue,
            help: "An extra option for the daemon under test, repeatable (e.g. --serve-option=--workers=16).")
    var serveOption: [String] = []

    func run() async throws {
        let counts = clients.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { throw ValidationError("--clients takes positive numbers, e.g. 1,8,64") }
        let machine = try MachineReport.measure(seconds: machineSeconds)
        print(machine.text)
        let costs: [(String, PasswordHash.Cost)] = [("default", TokenCostOptions.defaultCost), ("minimum", .minimum)]
        for (name, cost) in costs {
            print("\nintake over HTTP, Argon2id \(name): ops=\(cost.operations) mem=\(cost.memoryBytes / 1024) KiB")
            print("clients  complaints/s   p50 ms   p99 ms  non-201   5xx  errors  CPU ms each  client CPU ms  commits/s before–after  ÷ commits/s")
            let daemon = try DaemonProcess(options: ["--argon2-ops", "\(cost.operations)", "--argon2-mem-kib", "\(cost.memoryBytes / 1024)"] + serveOption)
            defer { daemon.stop() }
            var commitsBefore = machine.commits
            var atMost: (perSecond: Double, commits: Double)?
            for count in counts {
                _ = HTTPLoad(port: daemon.port, clients: count, seconds: 1).run()  // warm-up
                let cpuBefore = daemon.cpuSeconds()
                let r = HTTPLoad(port: daemon.port, clients: count, seconds: seconds).run()
                let cpuAfter = daemon.cpuSeconds()
                // The disk is shared with other tenants and its fsync rate drifts by a factor of two
                // within minutes, so each row is compared with probes taken just before and after it.
                let commitsAfter = try MachineLimits.commitsPerSecond(seconds: machineSeconds)
                var cpuMilliseconds = Double.nan
                if let cpuBefore, let cpuAfter, r.answered > 0 { cpuMilliseconds = (cpuAfter - cpuBefore) * 1000 / Double(r.answered) }
                print(row(count, r, cpuMilliseconds: cpuMilliseconds, commits: (commitsBefore, commitsAfter)))
                if count == counts.max() { atMost = (r.perSecond, (commitsBefore + commitsAfter) / 2) }
                commitsBefore = commitsAfter
            }
            if cost == .minimum, let most = counts.max(), let atMost {
                let floor = httpFloor(daemon, clients: most)
                print(floor.text)
                print(ceiling(machine, floor: floor, clients: most, reached: atMost))
            }
            if sustain > 0, let most = counts.max() {
                try sustainedMemory(daemon, clients: most)
            }
        }
    }

    /// One table row; the ratio is to the mean of the fsync'd-commit probes around the row.
    private func row(_ clients: Int, _ r: HTTPLoad.Result, cpuMilliseconds: Double, commits: (before: Double, after: Double)) -> String {
        let others = r.otherStatuses.values.reduce(0, +)
        let ratio = r.perSecond / ((commits.before + commits.after) / 2)
        return String(format: "%7d  %12.1f  %7.2f  %7.2f  %7d  %4d  %6d  %11.2f  %13.2f  %10.0f – %-10.0f  %11.3f",
                      clients, r.perSecond, r.latencies.percentile(0.5), r.latencies.percentile(0.99), others,
                      r.serverErrors, r.transportErrors, cpuMilliseconds, r.clientCPUMilliseconds, commits.before, commits.after, ratio)
    }

    /// The same request bytes to a path nothing serves: the HTTP round trips per second this
    /// machine manages with no work behind them, and what each costs the daemon and the client.
    /// No complaint can be cheaper than this, so it bounds what any intake design reaches here.
    private func httpFloor(_ daemon: DaemonProcess, clients: Int) -> (text: String, daemonMilliseconds: Double, clientMilliseconds: Double) {
        _ = HTTPLoad(port: daemon.port, clients: clients, seconds: 1, target: .unrouted).run()  // warm-up
        let cpuBefore = daemon.cpuSeconds()
        let r = HTTPLoad(port: daemon.port, clients: clients, seconds: seconds, target: .unrouted).run()
        let cpuAfter = daemon.cpuSeconds()
        var cpuMilliseconds = Double.nan
        if let cpuBefore, let cpuAfter, r.answered > 0 { cpuMilliseconds = (cpuAfter - cpuBefore) * 1000 / Double(r.answered) }
        let text = String(format: "floor at %d clients, the same POST to an unrouted path (404, no work): %.1f/s, daemon CPU %.3f ms each, client CPU %.3f ms each, %d other answers, %d errors",
                          clients, r.perSecond, cpuMilliseconds, r.clientCPUMilliseconds, r.otherStatuses.values.reduce(0, +), r.transportErrors)
        return (text, cpuMilliseconds, r.clientCPUMilliseconds)
    }

    /// What the cores could give if a complaint cost only the HTTP floor (both ends) and its
    /// cryptography, and what share of that intake reached: the CPU-bound yardstick, beside the
    /// fsync'd-commit one in the table, for a machine whose disk commits faster than a complaint's
    /// cryptography runs.
    private func ceiling(_ machine: MachineReport, floor: (text: String, daemonMilliseconds: Double, clientMilliseconds: Double),
                         clients: Int, reached: (perSecond: Double, commits: Double)) -> String {
        let cryptographyMilliseconds = 1000 / machine.intakeCryptography
        let perComplaint = floor.daemonMilliseconds + floor.clientMilliseconds + cryptographyMilliseconds
        let ceiling = Double(machine.cores) * 1000 / perComplaint
        return String(format: "ceiling on %d cores with only the floor and the cryptography: %d ÷ (%.3f + %.3f + %.3f ms) = %.0f complaints/s, %.3f of the commit probes; %d clients reached %.3f of it",
                      machine.cores, machine.cores, floor.daemonMilliseconds, floor.clientMilliseconds, cryptographyMilliseconds,
                      ceiling, ceiling / reached.commits, clients, reached.perSecond / ceiling)
    }

    /// RSS every few seconds while `clients` keep filing for `sustain` seconds.
    private func sustainedMemory(_ daemon: DaemonProcess, clients: Int) throws {
        var samples: [(Double, Int)] = []
        let start = DispatchTime.now().uptimeNanoseconds
        let result = HTTPLoad(port: daemon.port, clients: clients, seconds: sustain).run {
            if let rss = daemon.residentKiB() {
                samples.append((Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, rss))
            }
        }
        guard let first = samples.first, let last = samples.last else { return }
        let tenth = samples[samples.count / 10].1
        let peak = samples.map(\.1).max() ?? 0
        print(String(format: "memory over %.0f s at %d clients (%d complaints, %.1f/s): RSS %.1f MiB at %.0f s, %.1f MiB after 10%%, %.1f MiB at the end, peak %.1f MiB",
                     result.seconds, clients, result.answered, result.perSecond, Double(first.1) / 1024, first.0,
                     Double(tenth) / 1024, Double(last.1) / 1024, Double(peak) / 1024))
        print("rss_mib_series " + samples.map { String(format: "%.0f:%.1f", $0.0, Double($0.1) / 1024) }.joined(separator: " "))
    }
}
