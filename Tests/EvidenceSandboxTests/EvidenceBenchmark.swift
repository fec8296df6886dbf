import Foundation
import Testing
import EvidenceSandbox
import Intake

#if canImport(Glibc)
import Glibc
#endif

/// scripts/bench-evidence: wall time and peak memory of reading one attachment, run once per
/// process (the peak is `getrusage(RUSAGE_CHILDREN)`, the largest process the sandbox ran, which
/// only grows within a process), and the CPU time of the sandboxed processes per read. Off unless SAFEINTAKE_BENCH_EVIDENCE names a case.
@Suite("Evidence benchmark", .enabled(if: ProcessInfo.processInfo.environment["SAFEINTAKE_BENCH_EVIDENCE"] != nil))
struct EvidenceBenchmark {
    let which = ProcessInfo.processInfo.environment["SAFEINTAKE_BENCH_EVIDENCE"] ?? ""
    let runs = Int(ProcessInfo.processInfo.environment["SAFEINTAKE_BENCH_RUNS"] ?? "") ?? 3

    @Test("one attachment, timed")
    func attachment() throws {
        let f = try Fixtures()
        let name: String
        switch which {
        case "photo":
            // A 4000 × 3000 phone photo of about 4 MB: noise over gradients (photo-like entropy),
            // a payslip's text in the middle, GPS and device EXIF.
            try f.tool("vips", "gaussnoise", f.path("n.v"), "4000", "3000", "--sigma", "16", "--mean", "128")
            try f.tool("vips", "bandjoin", "\(f.path("n.v")) \(f.path("n.v")) \(f.path("n.v"))", f.path("rgb.v"))
            try f.renderText(Fixtures.payslip, to: "text.png", dpi: 600)
            try f.tool("vips", "bandjoin", "\(f.path("text.png")) \(f.path("text.png")) \(f.path("text.png"))", f.path("text3.v"))
            try f.tool("vips", "insert", f.path("rgb.v"), f.path("text3.v"), f.path("photo.v"), "600", "600")
            try f.tool("vips", "cast", f.path("photo.v"), f.path("photo8.v"), "uchar")
            try f.tool("vips", "jpegsave", f.path("photo8.v"), f.path("photo.jpg"), "--Q", "88")
            try f.addPhoneMetadata("photo.jpg")
            name = "photo.jpg"
        case "pdf":
            // Ten A4 pages of text at 200 dpi, as a scanner's PDF (Tesseract writes it).
            var list = ""
            for page in 1...10 {
                try f.renderText(Fixtures.payslip.replacingOccurrences(of: "March", with: "Month \(page)") + "\n" +
                                 String(repeating: "Overtime 06:00 to 23:30, no rest day, salary not paid\n", count: 25),
                                 to: "page\(page).png", font: "Noto Sans 10", dpi: 200, margin: 150)
                list += f.path("page\(page).png") + "\n"
            }
            try list.write(toFile: f.path("list.txt"), atomically: true, encoding: .utf8)
            try f.tool("tesseract", f.path("list.txt"), f.path("scan"), "-l", "eng", "pdf")
            name = "scan.pdf"
        default:
            Issue.record("SAFEINTAKE_BENCH_EVIDENCE must be photo or pdf")
            return
        }
        let upload = UploadedEvidence(bytes: try f.bytes(name))
        let reader = SandboxedEvidenceReader()
        var seconds: [Double] = []
        var result: SanitisedEvidence? = nil
        let sampler = SandboxMemorySampler()
        sampler.start()
        defer { sampler.stop() }
        for _ in 0..<runs {
            let start = DispatchTime.now()
            result = try reader.read(upload, language: "en")
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        let line = String(format: "BENCH %@ input=%.2fMB output=%.2fMB pages=%d readability=%@ seconds=%@ median=%.2f peak_processes_mb=%.0f peak_tmpfs_mb=%.0f peak_total_mb=%.0f",
                          which, Double(upload.bytes.count) / 1e6, Double(result!.bytes.count) / 1e6, result!.pages,
                          result!.readability.rawValue, seconds.map { String(format: "%.2f", $0) }.joined(separator: ","),
                          seconds.sorted()[seconds.count / 2], Double(sampler.peakRSS) / 1e6, Double(sampler.peakScratch) / 1e6,
                          Double(sampler.peakTotal) / 1e6)
        print(line)
    }
}

/// Samples, every 20 ms, the memory of every process descending from this one (the sandbox's:
/// prlimit/bubblewrap, the shell, the tools), summing their resident sizes, and the sandbox's
/// tmpfs /tmp (through /proc/PID/root), which no process's RSS counts. Peaks are of the sums.
final class SandboxMemorySampler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private(set) var peakRSS = 0, peakScratch = 0, peakTotal = 0

    func start() {
        Thread { [self] in
            while lock.withLock({ running }) {
                sample()
                usleep(20_000)
            }
        }.start()
    }

    func stop() { lock.withLock { running = false } }

    private func sample() {
        let me = getpid()
        var parents: [Int32: Int32] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, let parent = Int32(fields[1]) { parents[pid] = parent }
        }
        var rss = 0, scratch = 0
        for pid in parents.keys where pid != me {
            var ancestor = parents[pid]
            var depth = 0
            while let a = ancestor, a != me, a > 1, depth < 32 { ancestor = parents[a]; depth += 1 }
            guard ancestor == me else { continue }
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
               let kib = Int(line.split(separator: " ").dropFirst().first ?? "") {
                rss += kib * 1024
            }
            var fs = statvfs()
            if statvfs("/proc/\(pid)/root/tmp", &fs) == 0, fs.f_bsize > 0 {
                let used = Int(fs.f_blocks - fs.f_bfree) * Int(fs.f_frsize)
                // The host's own /tmp (before the sandbox's is mounted) is not the sandbox's.
                if Int(fs.f_blocks) * Int(fs.f_frsize) <= EvidenceLimits().scratchBytes + 65536 { scratch = max(scratch, used) }
            }
        }
        lock.withLock {
            peakRSS = max(peakRSS, rss)
            peakScratch = max(peakScratch, scratch)
            peakTotal = max(peakTotal, rss + scratch)
        }
    }
}
