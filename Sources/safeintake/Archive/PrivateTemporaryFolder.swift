import Foundation

/// A folder only this user can read (mkdtemp makes it 0700), for the database copy a backup or a
/// bundle is built from, or a bundle's database unpacked for the checks; removed by `remove()`.
struct PrivateTemporaryFolder {
    let url: URL

    /// Creates the folder inside `parent` (the output's folder, so the copy stays on the disk the
    /// operator chose rather than in a shared /tmp).
    init(in parent: URL) throws {
        var template = Array(parent.appendingPathComponent(".safeintake-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CLIFailure("cannot create a working folder in \(parent.path): \(String(cString: strerror(errno)))", hint: "check that the folder exists and is writable")
        }
        url = URL(fileURLWithPath: String(cString: made))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
