/// The C2SP signed-note rule for key names (and our rule for log origins, which double as key
/// names): non-empty, no Unicode white space and no plus sign, because the name is delimited by a
/// space in signature lines and by `+` in verifier keys. Control characters are refused too, since
/// a note may not contain them.
enum NoteKeyName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar != "+" && scalar.value >= 0x20 && scalar.value != 0x7F && !scalar.properties.isWhitespace
        }
    }

    static func require(_ name: String, _ code: AuditLogError.Code) throws(AuditLogError) {
        guard isValid(name) else {
            throw AuditLogError(code, "key name \"\(name)\" is empty or contains white space, a plus sign or a control character")
        }
    }
}
