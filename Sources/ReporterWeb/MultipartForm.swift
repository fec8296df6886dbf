import Intake
import MultipartKit
import NIOCore

/// A `multipart/form-data` body: the preview page's form, her words beside the files she chose.
///
/// Her words follow `FormBody`'s rules exactly (`FormBody.Builder`: the same names, the same
/// limits, strict UTF-8), so a page works the same whether it is sent urlencoded or multipart.
/// Files come only under `fileName`; a file part with no bytes (what a browser sends when nothing
/// was chosen) is not a file. File names and declared types are never kept: the type is read from
/// the bytes later, and a name could say who she is.
///
/// Read as it arrives (`MultipartForm.Reader`), so memory stays bounded by what may be kept:
/// bytes past `maxAttachmentBytes` of a file, and files past `maxAttachments`, are dropped as they
/// come and only remembered as a problem to tell her. Her words come before the file input in the
/// page, so a body cut at the hard limit still gives them back.
struct MultipartForm {
    let body: FormBody
    let files: [UploadedEvidence]
    /// Too many files, one too large, or the whole body over the hard limit: she is told, with her
    /// words kept, and nothing is filed.
    let tooLarge: Bool

    enum Failure: Error, Equatable {
        /// Not multipart a browser sends: no boundary, broken syntax, cut short, bad UTF-8.
        case malformed
        /// Her words alone are over the text limit.
        case textTooLarge
    }

    /// The boundary of a `multipart/form-data` content type, or nil (RFC 2046: 1 to 70 characters).
    static func boundary(contentType: String) -> String? {
        let parts = contentType.split(separator: ";").map { String($0).trimmingWhitespace() }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "="),
                  String(parameter[..<equals]).trimmingWhitespace().lowercased() == "boundary" else { continue }
            var value = String(parameter[parameter.index(after: equals)...]).trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy(isBoundaryByte), !value.hasSuffix(" ") else { return nil }
            return value
        }
        return nil
    }

    private static func isBoundaryByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        default: Array("'()+_,-./:=? ".utf8).contains(b)
        }
    }

    /// What may be read, kept and dropped.
    struct Limits {
        /// Bytes of her words (names and values of the parts that are not files).
        var textBytes: Int
        var maxFiles: Int
        var maxFileBytes: Int
        /// Where reading stops: past it nothing more is read and she is told the files were too large.
        var hardBytes: Int

        init(_ limits: ComplaintLimits) {
            textBytes = 3 * limits.maxBodyBytes
            maxFiles = limits.maxAttachments
            maxFileBytes = limits.maxAttachmentBytes
            // Every file at its largest, their part headers and her words, then as much again
            // (read and dropped), so that one file too many or too large is told, not cut off.
            hardBytes = 2 * (limits.maxAttachments * limits.maxAttachmentBytes + 3 * limits.maxBodyBytes)
        }
    }

    /// Feeds the body as it arrives; `finish` gives the form.
    final class Reader {
        private let parser: MultipartParser
        private let closing: [UInt8]
        private let fileName: String
        private let limits: Limits
        private var builder: FormBody.Builder

        private var headers: [(String, String)] = []
        private var part: [UInt8] = []
        private var partKind: PartKind?
        private var partOverflow = false
        private var files: [UploadedEvidence] = []
        private var textBytes = 0
        private var readBytes = 0
        private var tail: [UInt8] = []
        private var failure: Failure?
        private(set) var tooLarge = false
        /// True once reading stopped at `Limits.hardBytes`.
        private(set) var cut = false

        private enum PartKind { case text(String), file, ignored }

        init(boundary: String, fileName: String, accepted: Set<String>, repeatable: Set<String>, limits: Limits) {
            parser = MultipartParser(boundary: boundary)
            closing = Array("--\(boundary)--".utf8)
            self.fileName = fileName
            self.limits = limits
            builder = FormBody.Builder(accepted: accepted, repeatable: repeatable)
            parser.onHeader = { [unowned self] name, value in headers.append((name, value)) }
            parser.onBody = { [unowned self] buffer in body(buffer.readBytes(length: buffer.readableBytes) ?? []) }
            parser.onPartComplete = { [unowned self] in complete() }
        }

        /// Reads one more piece of the body; false once nothing more should be read.
        func feed(_ buffer: ByteBuffer) throws(Failure) -> Bool {
            guard failure == nil, !cut else { return false }
            var buffer = buffer
            if readBytes + buffer.readableBytes > limits.hardBytes {
                buffer = buffer.getSlice(at: buffer.readerIndex, length: limits.hardBytes - readBytes) ?? ByteBuffer()
                cut = true
                tooLarge = true
            }
            readBytes += buffer.readableBytes
            tail.append(contentsOf: buffer.readableBytesView.suffix(closing.count + 4))
            if tail.count > closing.count + 4 { tail.removeFirst(tail.count - closing.count - 4) }
            do { try parser.execute(buffer) } catch { failure = .malformed }
            if let failure { throw failure }
            return !cut
        }

        /// The form; her words only when reading was cut (the part being read is dropped).
        func finish() throws(Failure) -> MultipartForm {
            if let failure { throw failure }
            if !cut {
                // A body cut short never completes its last part: only a closing delimiter ends a form.
                var end = tail[...]
                while let last = end.last, [UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(last) {
                    end = end.dropLast()
                }
                guard end.suffix(closing.count).elementsEqual(closing) else { throw .malformed }
            }
            return MultipartForm(body: builder.body, files: files, tooLarge: tooLarge)
        }

        private func kind() -> PartKind {
            if let partKind { return partKind }
            let disposition = headers.first { $0.0.lowercased() == "content-disposition" }.map { Disposition($0.1) }
            let kind: PartKind
            if let disposition, disposition.isFormData, let name = disposition.name {
                if disposition.hasFileName {
                    kind = name == fileName ? .file : .ignored
                } else {
                    kind = .text(name)
                }
            } else {
                failure = .malformed
                kind = .ignored
            }
            partKind = kind
            return kind
        }

        private func body(_ bytes: [UInt8]) {
            guard failure == nil else { return }
            switch kind() {
            case .ignored: return
            case .text:
                textBytes += bytes.count
                guard textBytes <= limits.textBytes else { failure = .textTooLarge; return }
                part += bytes
            case .file:
                guard !partOverflow else { return }
                guard files.count < limits.maxFiles else {
                    // A file past the limit: dropped as it comes, but she must hear of it.
                    partOverflow = true
                    tooLarge = true
                    return
                }
                guard part.count + bytes.count <= limits.maxFileBytes else {
                    partOverflow = true
                    tooLarge = true
                    part = []
                    return
                }
                part += bytes
            }
        }

        private func complete() {
            defer {
                headers = []
                part = []
                partKind = nil
                partOverflow = false
            }
            guard failure == nil else { return }
            switch kind() {
            case .ignored: return
            case .file:
                // An empty file part is the browser saying nothing was chosen.
                if !partOverflow && !part.isEmpty { files.append(UploadedEvidence(bytes: part)) }
            case .text(let name):
                textBytes += name.utf8.count
                guard textBytes <= limits.textBytes else { failure = .textTooLarge; return }
                let value = part
                do {
                    try builder.add(name: name) { () throws(FormBody.Failure) in try FormBody.text(value) }
                } catch {
                    failure = .malformed
                }
            }
        }
    }

    /// The `Content-Disposition` of a part: `form-data; name="…"` and maybe `filename="…"`.
    /// Browsers write names and file names as quoted strings with `"`, CR and LF percent-escaped
    /// (the HTML standard), so no backslash escapes are read.
    struct Disposition {
        var isFormData = false
        var name: String?
        var hasFileName = false

        init(_ value: String) {
            var pieces: [String] = []
            var current = ""
            var quoted = false
            for c in value {
                if c == "\"" { quoted.toggle() }
                if c == ";" && !quoted {
                    pieces.append(current)
                    current = ""
                } else {
                    current.append(c)
                }
            }
            pieces.append(current)
            isFormData = pieces.first?.trimmingWhitespace().lowercased() == "form-data"
            for piece in pieces.dropFirst() {
                guard let equals = piece.firstIndex(of: "=") else { continue }
                let key = String(piece[..<equals]).trimmingWhitespace().lowercased()
                var raw = String(piece[piece.index(after: equals)...]).trimmingWhitespace()
                if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
                switch key {
                case "name": name = raw
                case "filename", "filename*": hasFileName = true
                default: break
                }
            }
        }
    }
}
