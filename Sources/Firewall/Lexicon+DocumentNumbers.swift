/// How people point at part of a document number rather than type it whole: "the one ending in
/// 5512", "last four digits 0447", "terminada en 5512", "yang berakhir 5512". After a document
/// word these are label words, so the digits that follow go as a document number does.
extension Lexicon {
    static let documentNumbers: [LexiconEntry] = [
        L(.idLabel,
          "is the one ending in", "the one ending in", "one ending in", "ending in", "ending with", "ends in", "ends with",
          "last four digits", "last 4 digits", "last digits", "last four", "last 4", "digits", "is",
          "terminada en", "termina en", "que termina en", "terminado em", "que termina em", "finissant par",
          "se terminant par", "berakhir", "yang berakhir", "akhiran", "belakangnya", "nagtatapos sa", "dulo ay",
          "ending sa", "huling apat", "last na apat",
          // "number" in the scripts of the reporter pages
          "संख्या", "नम्बर", "नंबर", "সংখ্যা", "নম্বর", "எண்", "අංකය", "අංක", "ቁጥር", "លេខ", "နံပါတ်", "نمبر", "رقم",
          "n.o", "n.º", "nº", "no.", "num", "numero", "namba", "nambari", "so", "số"),
    ].flatMap { $0 }
}
