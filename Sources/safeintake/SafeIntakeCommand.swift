import ArgumentParser

/// `safeintake`: the daemon, the operator's key tools, the inspector's client, the firewall's
/// command-line filters and the auditor's checks, in one executable (../shared/CONTRACT.md).
@main
struct SafeIntakeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeintake",
        abstract: "Labour complaints in, immigration status out: the SafeIntake firewall.",
        version: BuildInfo.line,
        subcommands: [ServeCommand.self, KeysCommand.self, InspectorCommand.self, FirewallCommand.self, AuditCommand.self, ReceiptCommand.self,
                      InitCommand.self, BackupCommand.self, RestoreCommand.self, RetentionCommand.self, HelpDirectoryCommand.self,
                      StatsCommand.self, BenchCommand.self, BenchLogCommand.self])

    /// `serve --config FILE` adds the file's options before the command line is parsed
    /// (`ServeConfigFile`), so that the command line's own parsing checks them.
    static func main() async {
        let arguments: [String]
        do {
            arguments = try await ServeConfigFile.expand(Array(CommandLine.arguments.dropFirst()))
        } catch {
            exit(withError: CLIFailure("\(error)"))
        }
        await main(arguments)
    }
}
