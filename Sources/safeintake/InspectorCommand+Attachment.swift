import ArgumentParser
import Envelope
import Foundation
import InspectorClient
import Sodium

extension InspectorCommand {
    struct Attachment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt one of a case's attachments on this machine and write it to a file.",
            discussion: """
                ATTACHMENT is its number in `inspector show` (1, 2, …) or its id. The file is written with \
                permissions 0600; the text read from it (after the firewall) is in `inspector show`.
                """)
        @OptionGroup var connection: InspectorCommand.Connection
        @Argument(help: "The case id.") var caseID: String
        @Argument(help: "The attachment's number in `inspector show`, or its id.") var attachment: String
        @Option(help: "Where to write the decrypted file (refused if it exists). Default: the attachment's own name in the current folder.")
        var out: String?
        @Option(help: "json (one object) or table. Default: table on a terminal, json otherwise.") var format: OutputFormat?

        func run() async throws {
            let id = try CaseArgument.parse(caseID)
            let keys = try KeyFileOptions.load(connection.key, passphrase: connection.passphrase)
            let (client, pinAfterSuccess) = try await connection.verifyingClient(keys: keys)
            let opened = try await CLIOutput.reporting { try await client.openFull(id) }
            try pinAfterSuccess?()
            let entry = try Self.entry(attachment, among: opened.allAttachments, of: id)
            let bytes = try await CLIOutput.reporting { try await client.attachment(entry, of: opened.view) }
            let path = out ?? entry.fileName
            try bytes.withUnsafeBytes { try Self.writeNew(path, $0) }
            CLIOutput.printObject(["case": id.rawValue, "attachment": entry.id.rawValue, "media_type": entry.mediaType, "file": path], format: format)
        }

        static func entry(_ chosen: String, among entries: [AttachmentEntry], of caseID: CaseID) throws -> AttachmentEntry {
            if let number = Int(chosen), number >= 1, number <= entries.count { return entries[number - 1] }
            if let match = entries.first(where: { $0.id.rawValue == chosen }) { return match }
            throw CLIFailure(entries.isEmpty ? "case \(caseID) has no attachments"
                                 : "case \(caseID) has no attachment \(chosen): give 1 to \(entries.count) or an id from `inspector show`")
        }

        /// Creates `path` (never over an existing file) readable by this user only.
        static func writeNew(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                throw CLIFailure("cannot create \(path): \(String(cString: strerror(errno))) (an existing file is never overwritten)")
            }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
                guard n > 0 else { throw CLIFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
                written += n
            }
        }
    }
}
