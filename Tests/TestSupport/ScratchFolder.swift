import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fresh, empty folders for test stores, all inside one folder per test process that is removed
/// when the process exits, pass or fail.
///
/// Why not remove each folder when its test ends: test harnesses are structs that tests copy, and
/// some tests keep only the store (`TestDatabase.make(.sqlite).store`), so nothing marks the moment
/// the last user of a folder is done. Removing it early would pull the files from under an open
/// SQLite store; removing the parent at exit cannot.
public enum ScratchFolder {
    /// A new empty folder; `prefix` names what made it.
    public static func make(_ prefix: String) throws -> URL {
        let url = processFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder every scratch folder of this process lives in. The first use registers its removal.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("safeintake-tests-\(getpid())-\(UUID().uuidString)")
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.processFolder) }
        return url
    }()
}
