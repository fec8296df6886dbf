import Foundation

/// A `safeintake serve` child process on a temporary data folder, for benchmarks that measure the
/// daemon as reporters meet it: over HTTP, in its own process, with its own memory.
final class DaemonProcess {
    let port: UInt16
    let folder: URL
    private let process: Process

    /// Starts `serve` with `options` (rate limits off unless the options say otherwise) and waits
    /// until it has said where it listens.
    init(options: [String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        process.arguments = ["serve", "--data", folder.appendingPathComponent("data").path, "--port", "0",
                             "--pow-threshold", "0", "--intake-rate", "1e9", "--status-rate", "1e9",
                             "--locator-free-checks", "1000000000"] + options
        let log = folder.appendingPathComponent("daemon.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var found: UInt16?
        for _ in 0..<600 where found == nil {
            Thread.sleep(forTimeInterval: 0.1)
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"listening=127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                found = UInt16(text[range].split(separator: ":").last ?? "")
            }
            guard process.isRunning else { break }
        }
        guard let found else {
            process.terminate()
            throw SetupError("the daemon did not start; its log is in \(log.path)")
        }
        port = found
    }

    /// Resident set size of the daemon, in KiB (Linux /proc).
    func residentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    /// CPU time the daemon has used so far (user + system), in seconds (Linux /proc): per
    /// complaint, this is what bounds intake on a machine whose disk is not the limit.
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let afterName = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name, which may itself hold spaces: utime and stime are the
        // 14th and 15th fields of the line, the 12th and 13th after the name.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM, wait, and remove the data folder.
    func stop() {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
