import Foundation
import Logging

/// A log handler that writes level, label and message to standard error, and deliberately no
/// timestamp: a log line next to a reporter's request must not say to the second when she came.
/// Operators who need times for their own events get the hour from the audit log.
struct PrivacyLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let extra = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        FileHandle.standardError.write(Data("\(event.level) \(label): \(event.message)\(extra)\n".utf8))
    }
}
