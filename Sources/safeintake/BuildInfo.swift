/// What `safeintake --version` prints: the release version and the commit this binary was built
/// from (../shared/CONTRACT.md, "Additions").
///
/// The commit is written here by `scripts/release` just before it builds, from `git rev-parse`,
/// and put back afterwards, so no network and no build plugin is needed. A plain `swift build`
/// compiles this committed file unchanged, and the binary says so instead of guessing a commit
/// it cannot know (a checkout may carry local changes).
enum BuildInfo {
    /// The release version (semantic versioning); raised in a release commit with CHANGELOG.md.
    static let version = "0.9.0"
    /// The full commit hash, with `-dirty` when the tree had uncommitted changes; or the marker below.
    static let commit = "unknown commit (development build: use scripts/release for a versioned binary)"

    /// `0.9.0 (commit 1a2b…)` or `0.9.0 (unknown commit (development build …))`.
    static var line: String {
        commit.hasPrefix("unknown") ? "\(version) (\(commit))" : "\(version) (commit \(commit))"
    }
}
