import Hummingbird
import Intake
import NIOCore

extension Request {
    /// The whole body, or an `IntakeError.tooLarge` once it passes `limit` bytes (the rest is not read).
    func collectBody(limit: Int) async throws -> [UInt8] {
        do {
            var buffer = try await body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            throw IntakeError(.tooLarge, "the request body is larger than \(limit) bytes")
        }
    }
}
