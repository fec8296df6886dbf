/// RFC 4180 CSV for the files people open in spreadsheets: the statistics releases and the
/// inspector's case exports. One implementation, because the formula guard must be the same
/// everywhere a reporter's or operator's text can reach a spreadsheet.
public enum CSVText {
    /// Rows joined with CRLF line ends (what spreadsheet tools expect), the last one terminated too.
    public static func document(_ rows: [[String]]) -> String {
        rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break. A leading `=`, `+`, `@`, or
    /// a `-` that does not start a number, is prefixed with `'` so that no spreadsheet runs it as a
    /// formula (OWASP, "CSV injection"): a reporter's narrative can start with anything.
    public static func field(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+@".contains(first) || (first == "-" && Int(field) == nil) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return field }
        return "\"" + String(field.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
