/// Chinese (Traditional and Simplified, Cantonese usage in Hong Kong and Macau, Mandarin in
/// Taiwan and Singapore): the status words of domestic workers' caseworkers and of forms.
/// Chinese writes no spaces, so every phrase matches inside the words around it.
///
/// Status: "逾期居留" (overstay), "簽證過期" (visa expired), "黑工" (illegal worker), "非法入境"
/// (illegal entry), "遣返" (deported), "通報失聯" (reported missing), "難民" (refugee);
/// documents: "護照" (passport, whose confiscation is a labour fact), "簽證", "准證", "身份證".
extension Lexicon {
    static let chinese: [LexiconEntry] = [
        L(.strong(.explicitStatus), "逾期居留", "逾期逗留", "逾期", "黑工", "非法居留", "非法打工", "非法劳工", "非法勞工",
          "没有身份", "沒有身份", "无证", "無證", "失联", "失聯", "逃逸外勞", "逃逸外劳", "行踪不明", "行蹤不明",
          "冇離境", "没离境", "沒離境"),
        L(.strong(.validStatus), "合法居留", "签证有效", "簽證有效", "准证有效", "准證有效", "有效期至", "永久居民"),
        L(.strong(.entryRoute), "非法入境", "偷渡", "旅游签证", "旅遊簽證", "旅游签", "旅遊簽", "探亲签证", "探親簽證"),
        L(.strong(.asylum), "难民", "難民", "免遣返", "酷刑声请", "酷刑聲請", "庇护", "庇護"),
        L(.enforcement, "遣返", "递解", "遞解", "驱逐出境", "驅逐出境", "拘留", "羁留", "羈留", "被捕", "入境处扣留",
          "入境處扣留"),
        L(.statusDoc, "签证", "簽證", "准证", "准證", "工作证", "工作證", "居留证", "居留證", "身份证", "身份證", "工作准证",
          "工作准證", "外劳证", "居留權", "居留权"),
        L(.passport, "护照", "護照"),
        L(.state(.explicitStatus), "过期", "過期", "到期", "取消", "被取消", "注销", "註銷", "没续", "沒續", "不续", "不續",
          "没办", "沒辦"),
        L(.state(.validStatus), "有效", "还有效", "還有效", "至"),
        L(.threat, "威胁", "威脅", "恐吓", "恐嚇", "会报", "會報", "要报", "要報", "话要", "話要"),
        L(.custody, "扣起", "扣留", "扣押", "拿走", "收起", "保管", "不还", "不還", "在雇主", "在僱主"),
        L(.labourNoun, "工资", "工資", "人工", "薪金", "欠薪", "扣钱", "扣錢", "合约", "合約", "假期", "加班"),
        L(.weak(.explicitStatus), "通报", "通報", "一直没办", "一直沒辦"),
        L(.idKeyword, "护照号码", "護照號碼", "护照号", "護照號", "签证号码", "簽證號碼", "准证号码", "准證號碼", "身份证号码",
          "身份證號碼"),
        L(.idLabel, "号码", "號碼", "是", "：", ":"),
        L(.clauseBreak, "但是", "但", "因为", "因為", "所以", "而家", "现在", "現在", "之后", "之後"),
    ].flatMap { $0 }
}
