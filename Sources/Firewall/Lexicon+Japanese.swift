/// Japanese: the status words of domestic and care workers in Japan (technical interns, specified
/// skilled workers) and of the caseworkers who write for them. Japanese writes no spaces, so every
/// phrase matches inside the words around it; kanji shared with Chinese ("難民", "護照") are in the
/// Chinese lexicon already.
///
/// Status: "オーバーステイ" (overstay), "不法滞在" (illegal stay), "ビザが切れた" (visa ran out),
/// "在留期限" (end of the permitted stay), "仮放免" (provisional release), "入管" (immigration
/// bureau), "強制送還" (deportation); documents: "ビザ", "在留カード", "パスポート" (whose
/// confiscation is a labour fact: "パスポートを取り上げられた").
extension Lexicon {
    static let japanese: [LexiconEntry] = [
        L(.strong(.explicitStatus), "オーバーステイ", "不法滞在", "不法残留", "不法就労", "在留期限切れ", "在留期限が切れ",
          "ビザ切れ", "ビザが切れ", "ビザは切れ", "ビザはもう切れ", "ビザが終わ", "資格外活動", "失踪した技能実習生",
          "在留資格がない", "在留資格を失", "ビザがない"),
        L(.strong(.validStatus), "在留期限は", "まで有効", "在留資格は", "永住者", "特定技能"),
        L(.strong(.entryRoute), "短期滞在で入国", "観光ビザで", "観光で来て", "密入国"),
        L(.strong(.asylum), "難民申請", "難民認定", "仮放免"),
        L(.enforcement, "入管に収容", "収容された", "強制送還", "退去強制", "入管に捕ま", "送還"),
        L(.statusDoc, "ビザ", "在留カード", "在留資格", "在留期限", "査証"),
        L(.passport, "パスポート", "旅券"),
        L(.state(.explicitStatus), "切れ", "期限切れ", "失効", "取り消"),
        L(.threat, "通報する", "入管に言う", "入管に通報", "警察を呼ぶ", "脅さ", "脅す"),
        L(.custody, "取り上げ", "預か", "返してくれ", "持っている", "持って行"),
        L(.labourNoun, "給料", "賃金", "残業", "休み", "休日", "手当"),
        L(.clauseBreak, "でも", "しかし", "それから", "そして"),
    ].flatMap { $0 }
}
