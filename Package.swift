// swift-tools-version:6.2
// SafeIntake: a complaint-intake firewall between labour inspection and immigration enforcement.
//
// Layers, each depending only on those above it:
//   CSodium ← Sodium                       the only code that touches libsodium
//   Firewall                               pure: policy, field allowlist, narrative redaction
//   Sodium ← Envelope                      the versioned ciphertext formats and key files
//   Sodium ← AuditLog                      RFC 9162 Merkle tree, C2SP checkpoints
//   Sodium, AuditLog ← Statistics          pure: exact DP noise samplers, releases (signed notes), CSV
//   Firewall, Envelope, AuditLog, Statistics ← Intake  the domain: complaints, cases, tokens, the storage protocol
//   Intake ← Storage                       SQLite (GRDB) implementation of the storage protocol
//   Intake ← PostgresStorage               PostgreSQL (postgres-nio) implementation, for several daemons
//   Intake, Firewall ← EvidenceSandbox     attachments: decoders and OCR in a bubblewrap sandbox, clean bytes out
//   HTMLEscaping                           pure: the one HTML escaping every rendered page uses
//   CSVText                                pure: the one CSV writer (formula guard) for releases and exports
//   Intake ← ReporterGuards                rate limits, back-off, proof of work, uniform status answers
//   Intake, ReporterGuards ← ReporterWeb   the reporter's HTML pages (no JavaScript needed), PO catalogs
//   Intake, ReporterGuards, ReporterWeb ← Server  Hummingbird routes (CProcessHardening: no core dumps)
//   Envelope, CSVText, HTMLEscaping ← InspectorClient  an inspector's own machine: fetch, verify, decrypt, export
//   InspectorClient ← InspectorUI          the inspector's local web UI on loopback (Hummingbird)
//   Envelope ← KeyAgent                    unlock a key once per session: a Unix-socket agent for this user only
//   Envelope, AuditLog ← SeparationAudit   an auditor's offline checks on a copy of a data folder
//   all ← safeintake                       the command-line executable
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "SafeIntake",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "safeintake", targets: ["safeintake"]),
        // For packages outside this one that test the domain directly: the fuzzers in Fuzz/.
        .library(name: "SafeIntakeDomain", targets: ["Sodium", "Firewall", "Envelope", "AuditLog", "Intake", "EvidenceSandbox"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // Only its JSON file provider (the default trait), for serve --config.
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "Sodium", dependencies: ["CSodium"], swiftSettings: strict),
        .target(name: "Firewall", swiftSettings: strict),
        .target(name: "HTMLEscaping", swiftSettings: strict),
        .target(name: "CSVText", swiftSettings: strict),
        // prctl is variadic, which Swift cannot call: two small C functions (no core dumps).
        .target(name: "CProcessHardening"),
        // posix_spawn with every descriptor but 0, 1, 2 closed (addclosefrom_np does not import).
        .target(name: "CEvidenceSpawn"),
        .target(name: "Envelope", dependencies: ["Sodium"], swiftSettings: strict),
        .target(name: "AuditLog", dependencies: ["Sodium"], swiftSettings: strict),
        // Differential privacy for the published statistics (issue 21): exact samplers over libsodium randomness.
        .target(name: "Statistics", dependencies: ["Sodium", "AuditLog", "CSVText"], swiftSettings: strict),
        .target(
            name: "Intake",
            dependencies: ["Sodium", "Firewall", "Envelope", "AuditLog", "Statistics"],
            swiftSettings: strict
        ),
        .target(
            name: "Storage",
            dependencies: ["Intake", "Envelope", "AuditLog", "Statistics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "PostgresStorage",
            dependencies: [
                "Intake", "Envelope", "AuditLog", "Sodium", "Statistics",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            // Attachments (issue 20): libvips, poppler and Tesseract run in a bubblewrap sandbox
            // (Debian packages in scripts/install-deps); this module only sniffs, frames and builds.
            name: "EvidenceSandbox",
            dependencies: ["Intake", "Firewall", "Sodium", "CEvidenceSpawn"],
            swiftSettings: strict
        ),
        .target(
            // What guards the reporter-facing endpoints, shared by the JSON API (Server) and the
            // reporter's pages (ReporterWeb): rate limits, back-off, proof of work, uniform status answers.
            name: "ReporterGuards",
            dependencies: ["Intake", "Envelope", "Sodium"],
            swiftSettings: strict
        ),
        .target(
            name: "ReporterWeb",
            dependencies: [
                "Intake", "Firewall", "Sodium", "Envelope", "HTMLEscaping", "ReporterGuards",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("Locales"), .copy("Assets")],
            swiftSettings: strict
        ),
        .target(
            name: "Server",
            dependencies: [
                "Intake", "AuditLog", "Envelope", "ReporterWeb", "ReporterGuards", "CProcessHardening", "Statistics", "HTMLEscaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(name: "InspectorClient", dependencies: ["Envelope", "AuditLog", "Sodium", "CSVText", "HTMLEscaping", "Firewall"], swiftSettings: strict),
        .target(
            name: "InspectorUI",
            dependencies: [
                "InspectorClient", "Envelope", "Sodium", "HTMLEscaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "KeyAgent", dependencies: ["Envelope", "Sodium"], swiftSettings: strict),
        .target(
            name: "SeparationAudit",
            dependencies: ["Envelope", "AuditLog", "Sodium", "HTMLEscaping", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "safeintake",
            dependencies: [
                "Intake", "Storage", "PostgresStorage", "Server", "InspectorClient", "InspectorUI", "KeyAgent", "Firewall", "AuditLog",
                "SeparationAudit", "ReporterWeb", "ReporterGuards", "Statistics", "EvidenceSandbox",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Shared by the test targets that need a daemon's store on disk; never linked into the daemon.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SodiumTests", dependencies: ["Sodium"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "AuditLog", "Sodium"]),
        .testTarget(
            name: "InspectorUITests",
            dependencies: [
                "InspectorUI", "InspectorClient", "Envelope", "Sodium", "Server", "Intake", "Storage", "AuditLog", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(name: "FirewallTests", dependencies: ["Firewall"], exclude: ["Resources"]),
        .testTarget(name: "EvidenceSandboxTests", dependencies: ["EvidenceSandbox", "Intake", "Firewall"]),
        .testTarget(name: "EnvelopeTests", dependencies: ["Envelope", "Sodium"]),
        .testTarget(name: "KeyAgentTests", dependencies: ["KeyAgent", "Envelope", "Sodium"]),
        .testTarget(name: "AuditLogTests", dependencies: ["AuditLog", "Sodium"]),
        .testTarget(
            name: "IntakeTests",
            dependencies: [
                "Intake", "Storage", "PostgresStorage", "Envelope", "Sodium", "Firewall", "AuditLog", "SeparationAudit", "Statistics", "TestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ReporterWebTests",
            dependencies: [
                "ReporterWeb", "HTMLEscaping", "Intake", "Firewall", "Sodium",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Server", "Intake", "Storage", "Envelope", "InspectorClient", "ReporterWeb", "ReporterGuards", "Statistics", "AuditLog", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
