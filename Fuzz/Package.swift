// swift-tools-version:6.2
// Coverage-guided fuzzers (libFuzzer, with AddressSanitizer) for the code that reads what
// strangers send: the strict JSON reader, the complaint parser and the firewall behind it, signed
// checkpoints, the auditor's Merkle proof checks, and what the evidence sandbox writes back. Not part of the main build: `scripts/fuzz`
// builds and runs them (Docs/fuzzing.md). Each target checks properties, not only the absence of
// crashes.
import PackageDescription

let package = Package(
    name: "SafeIntakeFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "SafeIntake", path: "..")],
    targets: [.target(name: "CFuzzerDriver")] + ["FuzzJSON", "FuzzComplaint", "FuzzFirewall", "FuzzSignedNote", "FuzzMerkleProofs", "FuzzEvidence"].map { name in
        .executableTarget(name: name, dependencies: ["CFuzzerDriver", .product(name: "SafeIntakeDomain", package: "SafeIntake")])
    }
)
