/// Amharic (Ethiopian workers in the Gulf and Lebanon), with the Gulf loanwords they use.
/// "ቪዛ ያለፈበት" (expired visa), "ወረቀት የለኝም" (I have no papers), "ሕገወጥ" (illegal),
/// "ጥገኝነት" (asylum); "ፓስፖርቴን ወሰደች" (she took my passport) is confiscation and kept.
extension Lexicon {
    static let eastAfrican: [LexiconEntry] = [
        L(.strong(.explicitStatus), "ቪዛዬ አልፏል", "ቪዛ ያለፈበት", "ቪዛዬ ጊዜው አልፏል", "ወረቀት የለኝም", "ሰነድ የለኝም",
          "ሕገወጥ", "ህገወጥ", "ኢቃማ የለኝም", "አካማ የለኝም", "ኩሩብ", "ሁሩብ"),
        L(.strong(.entryRoute), "የጉብኝት ቪዛ", "የቱሪስት ቪዛ", "በድንበር", "በባህር", "በደላላ"),
        L(.strong(.asylum), "ጥገኝነት", "ስደተኛ ካምፕ", "የስደተኞች"),
        L(.enforcement, "ተባረርኩ", "ተባርሬ", "ወደ ሀገሬ ተመለስኩ", "እስር ቤት", "ታሰርኩ", "ዲፖርት"),
        L(.threat, "አስፈራራች", "አስፈራራኝ", "ትዝታለች", "እጠራለሁ"),
        L(.statusDoc, "ቪዛ", "ኢቃማ", "አካማ", "የመኖሪያ ፈቃድ", "የሥራ ፈቃድ", "ወረቀት", "ሰነድ"),
        L(.passport, "ፓስፖርት", "ፓስፖርቴ", "ፓስፖርቴን"),
        L(.negation, "የለኝም", "የለም", "አልታደሰም", "አላደሰችም"),
        L(.state(.explicitStatus), "አልፏል", "ያለፈበት", "ተሰርዟል"),
        L(.custody, "ወሰደች", "ወሰደ", "ያዘች", "ይዛለች", "አልመለሰችም"),
        L(.idKeyword, "የፓስፖርት ቁጥር", "የኢቃማ ቁጥር", "ፓስፖርት ቁጥር"),
        L(.idLabel, "ቁጥር", "ቁጥሬ"),
        L(.clauseBreak, "እና", "ግን", "ምክንያቱም", "ስለዚህ", "አሁን"),
    ].flatMap { $0 }
}
