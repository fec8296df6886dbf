import Foundation
import Testing
@testable import EvidenceSandbox
import Intake

/// What must never crash the daemon or get past the limits: broken files of every type, files
/// too large in bytes, pixels or pages, and the sandbox's own walls.
@Suite("Hostile input and the sandbox boundary", .serialized)
struct HostileInputTests {
    let reader = SandboxedEvidenceReader()

    @Test("a truncated or corrupted file of each type is malformed, and nothing crashes")
    func truncated() throws {
        let f = try Fixtures()
        try f.renderText(Fixtures.payslip, to: "p.png")
        try f.tool("vips", "copy", f.path("p.png"), f.path("p.jpg"))
        try f.tool("vips", "webpsave", f.path("p.png"), f.path("p.webp"))
        try f.tool("heif-enc", f.path("p.png"), "-o", f.path("p.heic"))
        try f.tool("tesseract", f.path("p.png"), f.path("p"), "-l", "eng", "pdf")
        for name in ["p.png", "p.jpg", "p.webp", "p.heic", "p.pdf"] {
            let whole = try f.bytes(name)
            for cut in [whole.count / 2, 64, 16] {
                #expect(throws: EvidenceError.malformed, "\(name) cut at \(cut)") {
                    try reader.read(UploadedEvidence(bytes: Array(whole.prefix(cut))), language: "en")
                }
            }
            // The right magic bytes, then garbage.
            var garbage = Array(whole.prefix(16))
            garbage += (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }
            #expect(throws: EvidenceError.malformed, "\(name) with garbage") {
                try reader.read(UploadedEvidence(bytes: garbage), language: "en")
            }
        }
    }

    @Test("bytes of no accepted type are refused before anything runs")
    func unsupported() {
        for bytes in [[], Array("hello".utf8), Array("GIF89a......".utf8), Array("<svg xmlns=".utf8), [0x00, 0x00, 0x00, 0x1C] + Array("ftypavif".utf8)] as [[UInt8]] {
            #expect(throws: EvidenceError.unsupportedType) {
                try reader.read(UploadedEvidence(bytes: bytes), language: "en")
            }
        }
    }

    @Test("over the byte, pixel and page limits: tooLarge")
    func tooLarge() throws {
        let f = try Fixtures()
        let small = SandboxedEvidenceReader(limits: EvidenceLimits(maxBytes: 1000))
        #expect(throws: EvidenceError.tooLarge) {
            try small.read(UploadedEvidence(bytes: [0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 1000)), language: "en")
        }
        // 3000 × 3000 is 9 MP, over a 4 MP limit: refused from the header, before decoding.
        try f.tool("vips", "black", f.path("big.v"), "3000", "3000")
        try f.tool("vips", "pngsave", f.path("big.v"), f.path("big.png"))
        let fewPixels = SandboxedEvidenceReader(limits: EvidenceLimits(maxPixels: 4_000_000))
        #expect(throws: EvidenceError.tooLarge) {
            try fewPixels.read(UploadedEvidence(bytes: f.bytes("big.png")), language: "en")
        }
        // A decompression bomb against the default limits: 60 MP of black in a few kilobytes.
        try f.tool("vips", "black", f.path("bomb.v"), "10000", "6000")
        try f.tool("vips", "pngsave", f.path("bomb.v"), f.path("bomb.png"), "--compression", "9")
        let bomb = try f.bytes("bomb.png")
        #expect(bomb.count < 1_000_000)
        #expect(throws: EvidenceError.tooLarge) { try reader.read(UploadedEvidence(bytes: bomb), language: "en") }
        // Three pages over a two-page limit.
        try f.renderText("page", to: "page.png")
        try (String(repeating: f.path("page.png") + "\n", count: 3)).write(toFile: f.path("list.txt"), atomically: true, encoding: .utf8)
        try f.tool("tesseract", f.path("list.txt"), f.path("three"), "-l", "eng", "pdf")
        let twoPages = SandboxedEvidenceReader(limits: EvidenceLimits(maxPages: 2))
        #expect(throws: EvidenceError.tooLarge) {
            try twoPages.read(UploadedEvidence(bytes: f.bytes("three.pdf")), language: "en")
        }
    }

    @Test("a missing bubblewrap is the operator's problem, said plainly")
    func missingSandbox() {
        let broken = SandboxedEvidenceReader(bubblewrap: "/nonexistent/bwrap")
        #expect {
            try broken.read(UploadedEvidence(bytes: [0xFF, 0xD8, 0xFF, 0xE0]), language: "en")
        } throws: { error in
            guard case .readerUnavailable(let why) = error as? EvidenceError else { return false }
            return why.contains("bubblewrap")
        }
    }

    /// Runs `script` with the reader's own bubblewrap arguments (same namespaces, mounts,
    /// environment), standard input `input`.
    func probe(_ script: String, input: [UInt8] = [], timeout: Int = 30, maxOutput: Int = 1 << 20) throws -> SandboxRun {
        let command = SandboxScript.command(kind: "jpeg", languages: "eng", limits: EvidenceLimits(), bubblewrap: "/usr/bin/bwrap",
                                            script: script)
        return try SandboxProcess.run(executable: command.executable, arguments: command.arguments,
                                      input: input, timeout: timeout, maxOutput: maxOutput)
    }

    @Test("no network inside: not even a listener on this machine's loopback is reachable")
    func noNetwork() throws {
        // A listener on the host's 127.0.0.1 that the sandbox must not reach.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(listener, 4) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))

        // The probe: perl (perl-base, under /usr) tries TCP to that port and to a public address;
        // the interfaces it sees are listed.
        let run = try probe("""
            perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(PeerAddr => "127.0.0.1:\(port)", Timeout => 3) ? "LOCAL-OPEN\\n" : "local-refused\\n"'
            perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(PeerAddr => "1.1.1.1:443", Timeout => 3) ? "NET-OPEN\\n" : "net-refused\\n"'
            cat /proc/net/dev
            """)
        let out = String(decoding: run.stdout, as: UTF8.self)
        #expect(out.contains("local-refused"), "\(out)")
        #expect(out.contains("net-refused"), "\(out)")
        #expect(!out.contains("eth") && !out.contains("ens"), "only loopback: \(out)")
    }

    @Test("only /usr and a private /tmp are visible: no data folder, keys, /etc, /home or /root")
    func noDataFolder() throws {
        let f = try Fixtures()
        try f.write("operator.key", Array("SECRET-KEY-MATERIAL".utf8))
        // A descriptor this process holds open without close-on-exec must not reach the sandbox
        // either. (The descriptors are those of a child the probe starts, which inherits what the
        // shell was given, without the shell's own saved copies.)
        let leaked = open(f.path("operator.key"), O_RDONLY)
        defer { close(leaked) }
        let run = try probe("""
            cat '\(f.path("operator.key"))' 2> /dev/null || echo cannot-read
            ls / | tr '\\n' ' '; echo
            ls /etc | tr '\\n' ' '; echo
            ls /tmp | wc -l
            sleep 5 & ls /proc/$!/fd > /tmp/fds; sed 's/^/fd /' /tmp/fds; kill $!
            id -u
            """)
        let out = String(decoding: run.stdout, as: UTF8.self)
        #expect(!out.contains("SECRET-KEY-MATERIAL"), "\(out)")
        #expect(out.contains("cannot-read"))
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Set(lines[1].split(separator: " ")) == ["bin", "dev", "etc", "lib", "lib64", "proc", "tmp", "usr", "var"], "\(out)")
        #expect(Set(lines[2].split(separator: " ")).isSubset(of: ["fonts"]), "only fontconfig's settings: \(lines[2])")
        #expect(lines[3] == "0", "an empty /tmp of its own")
        #expect(!out.contains("operator.key"), "no inherited descriptor: \(out)")
        let descriptors = lines.filter { $0.hasPrefix("fd ") }.map { $0.dropFirst(3) }
        #expect(Set(descriptors) == ["0", "1", "2"], "only standard input, output and error: \(out)")
    }

    @Test("killed at the deadline; stopped when it writes too much")
    func deadlineAndOutputCap() throws {
        let start = Date()
        let slow = try probe("sleep 60", timeout: 2)
        #expect(slow.timedOut)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(throws: EvidenceError.exhausted) { try SandboxedEvidenceReader.interpret(slow, type: .jpeg) }

        let chatty = try probe("yes", maxOutput: 1 << 20)
        #expect(chatty.overflowed)
        #expect(throws: EvidenceError.exhausted) { try SandboxedEvidenceReader.interpret(chatty, type: .jpeg) }
    }

    @Test("the memory limit holds inside")
    func memoryLimit() throws {
        let run = try probe("ulimit -v; ulimit -Hv; ulimit -t; ulimit -c; perl -e '$x = \"a\" x (2 * 1024 * 1024 * 1024); print \"ALLOCATED\\n\"' 2>&1 || echo refused")
        let out = String(decoding: run.stdout, as: UTF8.self)
        let kib = EvidenceLimits().memoryBytes / 1024
        #expect(out.hasPrefix("\(kib)\n\(kib)\n\(EvidenceLimits().timeoutSeconds)\n0\n"), "soft and hard limits: \(out)")
        #expect(!out.contains("ALLOCATED"), "\(out)")
    }
}
