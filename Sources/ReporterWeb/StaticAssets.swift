import Foundation

/// The stylesheet and the small optional script, read once from this module's resources.
/// Same-origin files because the content-security policy (`default-src 'self'`) forbids inline
/// styles and scripts, and nothing may come from another origin.
struct StaticAssets: Sendable {
    static let stylesheetPath = "/assets/site.css"
    static let scriptPath = "/assets/exit.js"

    let stylesheet: [UInt8]
    let script: [UInt8]

    static let shipped: StaticAssets = {
        StaticAssets(stylesheet: resource("site", "css"), script: resource("exit", "js"))
    }()

    private static func resource(_ name: String, _ ext: String) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "Assets/\(name)", withExtension: ext)
            ?? Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets"),
            let data = try? Data(contentsOf: url) else {
            preconditionFailure("the ReporterWeb resource bundle has no Assets/\(name).\(ext); ship SafeIntake_ReporterWeb.resources beside the binary")
        }
        return [UInt8](data)
    }
}
