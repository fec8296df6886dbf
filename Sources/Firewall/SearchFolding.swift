/// Text folded for the inspector's search of her own cases (issue 19 #1), on her own machine: the
/// firewall's scalar folding (`ScalarFolding`: case, Latin accents, Arabic letter forms, harakat
/// and tatweel, Indic nukta, the digits of every script, typographic quotes and dashes), with runs
/// of white space as one space. The same folding of the case text and of the query makes "salario"
/// find "Salário", "اجر" find "أجر" and "२०" find "20".
///
/// It expects text already in Unicode compatibility composition (NFKC), which needs Foundation:
/// the caller normalises first (`InspectorClient.CaseSearch.fold`).
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard let folded = ScalarFolding.fold(scalar) else { continue }
            if folded.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(folded)
        }
        return String(out)
    }
}
