import Foundation

/// Locates `../shared/vectors` from the project root, found by walking up from this file (with
/// symlinks resolved, so a scratch package that links the test folder still finds the real root).
enum SharedVectors {
    static let directory: URL = {
        var dir = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir.deletingLastPathComponent().appendingPathComponent("shared/vectors")
            }
            dir.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// Every `.json` file below `relativePath`, sorted, as paths relative to the vectors folder.
    static func jsonFiles(under relativePath: String) -> [String] {
        let base = directory.appendingPathComponent(relativePath)
        guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".json") }
            .map { "\(relativePath)/\($0)" }
            .sorted()
    }

    static func decode<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        return try JSONDecoder().decode(type, from: data)
    }
}
