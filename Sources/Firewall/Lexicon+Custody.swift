/// Custody of a worker's documents, phone or salary card, in every language we read: someone (the
/// employer, madam, the sponsor, the agency, a broker) took, keeps, holds, hides, locked up or will
/// not give back her passport, ID, residence card or papers, or has them ("my passport is with
/// madam", "kinumpiska ni amo", "paspor ada di majikan", "جوازي عند الكفيل", "साहुनीसँग छ",
/// "വാങ്ങി വെച്ചു"). Document confiscation is one of the labour facts an inspector most needs, so a
/// custody phrase in the same clause as a document word keeps the clause as confiscation instead of
/// removing it as a status disclosure.
///
/// Because a custody cue *suppresses* status detection in its clause ("I have no visa" must never
/// read as confiscation), every phrase here is specific:
/// - no bare "have", "with", "is", "hai", "cha", "ada", "tiene", "laga", "عند", "कसको", "কাছে", "ගාව",
///   "கிட்ட"-style word that also says "I have / she has": a holder is named ("is with my sponsor",
///   "ada di majikan", "मालिक के पास", "മാഡത്തിന്റെ കൈയി"), or the document is ("جوازي عند ال");
/// - pronoun-only holders ("उसके पास", "ওনার কাছে", "එයා ගාව", "அவளிடம்" alone, "သူ့ဆီမှာ") are left out:
///   a caseworker's "she has no visa" is written exactly so;
/// - "return" verbs only in their give-back sense: "ibalik", "फर्काउनु", "ফিরিয়ে দেওয়া", "திருப்பி",
///   "deebisuu" also mean sending *her* back home, so they appear only negated or with "back to me";
/// - no "give"/"not give" on its own ("ayaw ibigay ang visa", "ما عطاني الإقامة": never issued);
/// - no "hold/possess" that also says she holds a valid permit ("memegang visa", "in possesso del
///   permesso", "đang cầm thẻ").
/// Latin phrases match whole words on folded text (accents dropped: Vietnamese and Romance phrases
/// are written with their diacritics and match text typed without them); phrases in other scripts
/// match inside words, so they are written long enough not to occur inside unrelated words. Phrases
/// already in the other lexicons (English "keep*", "took", "with madam", Tagalog "kinuha", "hawak",
/// Indonesian "disita", Arabic "صادر", "عندها", Hindi "ke paas", Chinese "扣留"…) are not repeated.
extension Lexicon {
    static let custody: [LexiconEntry] = [
        // English, with broken and SMS English
        L(.custody,
          "is with my sponsor", "is with the sponsor", "is with sponsor", "is with my kafeel", "is with the kafeel",
          "is with kafeel", "is with my kafil", "is with my boss", "is with the boss", "is with boss",
          "is with my agent", "is with the agent", "is with agent", "is with agency", "is with my agency",
          "is with the broker", "is with my ma'am", "is with ma'am", "is with mam", "is with maam",
          "is with my madam", "is with the madam", "is with my madame", "is with employer", "is with them",
          "are with my sponsor", "are with the sponsor", "are with my boss", "are with them", "are with my madam",
          "still with the sponsor", "still with my sponsor", "still with sponsor", "still with agency",
          "still with my boss", "still with them", "still with the boss", "passport with sponsor",
          "passport with the sponsor", "passport with my sponsor", "passport with boss", "passport with my boss",
          "passport with agent", "passport with agency", "passport with employer", "passport with kafeel",
          "passport with mam", "passport with maam", "passport with ma'am", "passport with them",
          "passport with my madam", "passport with the madam", "sponsor has my", "boss has my", "kafeel has my",
          "agent has my", "agency have my", "broker has my", "ma'am has my", "mam has my", "maam has my",
          "employer have my", "madam have my", "sir have my", "she have my", "he have my", "they has my",
          "has my passport", "has my documents", "has my papers", "has my id", "has my iqama", "hid my", "hides my",
          "hided my", "hidden my", "hid the passport", "lock my", "locks my", "locking my", "lock up my",
          "locks up my", "locks away", "locking away", "under lock and key", "snatch*", "grab my", "grabs my",
          "grabbed my", "stole my passport", "stole my documents", "stole my phone", "stole my id", "tooked", "taked",
          "tuk my", "tok my", "kip my", "kep my", "hol my", "hld my", "sieze*", "seaze*", "seazed", "ceased my",
          "confescat*", "confisticat*", "confisicat*", "comfiscat*", "confisct*", "konfiscat*", "returning my",
          "returns my", "retun my", "retrun my", "retrn my", "giving back", "gives back", "giving it back",
          "gives it back", "giv back", "giv bak", "gib back", "givback", "in her custody", "in his custody",
          "in their custody", "in her possession", "in his possession", "in their possession", "in the possession of",
          "possession of my", "in her closet", "in his closet", "in her wardrobe", "in her purse", "in her wallet",
          "in his wallet", "in her cabinet", "in madam's room", "in madam room", "in the office safe"),

        // Tagalog and Taglish
        L(.custody,
          "kinumpiska", "kinompiska", "kinukumpiska", "kumpiskahin", "nikumpiska", "kinonfiscate", "kinokonfiscate",
          "kinoconfiscate", "knuha", "kinuwa", "hinahawakan", "hahawakan", "tinatago ang", "tinatago yung",
          "tinatago ung", "itinatago ang", "itinatago yung", "sinamsam", "kinamkam", "inagaw", "hinablot", "itinabi",
          "tinabi", "tinatabi", "itinatabi", "kinandado", "ikinandado", "kinakandado", "di ibinabalik",
          "hindi binabalik", "di binabalik", "hindi ibinalik", "di ibinalik", "hindi binalik", "di binalik",
          "ayaw isauli", "hindi isinasauli", "di isinasauli", "hindi isinauli", "di isinauli", "hindi sinasauli",
          "ayaw ipahawak", "hindi ipinapahawak", "di pinapahawak", "hindi pinapahawak", "nasa sponsor", "nasa madam",
          "nasa mam", "nasa maam", "nasa ma'am", "nasa boss", "nasa sir", "nasa agent", "nasa ahensya",
          "nasa ahensiya", "nasa broker", "nasa recruiter", "nasa kafeel", "nasa kaniya", "nasa kay", "andun kay",
          "nandun kay", "nandoon kay", "andoon kay", "andon kay", "nikeep", "kinikeep", "kinikip", "kinip", "kinep",
          "kinakeep", "tinake"),

        // Indonesian and Malay (with the Javanese and Betawi words maids use)
        L(.custody,
          "disitanya", "menyita", "menyitanya", "dirampas", "merampas", "rampas", "dikonfiskasi", "mengkonfiskasi",
          "konfiskasi", "menyimpannya", "disimpannya", "nyimpen", "disimpen", "nyimpan", "simpen", "simpanan",
          "dipegangnya", "dipegangin", "ditahannya", "menahannya", "nahan", "diambilnya", "diambik", "dijupuk",
          "menyembunyikan paspor", "menyembunyikan dokumen", "menyembunyikan hp", "ngumpetin paspor",
          "ngumpetin hp", "pasporku disembunyikan", "paspor saya disembunyikan", "paspor sy disembunyikan",
          "paspor saya diumpetin", "pasporku diumpetin", "dikunci di lemari", "dikunci dalam lemari",
          "dikunci di laci", "dikunci majikan", "dibalikin", "mengembalikan", "kembalikan", "pulangkan pasport",
          "pulangkan paspor", "bagi balik", "beri balik", "kasih balik", "ada di majikan", "ada sama majikan",
          "ada di agen", "ada di agensi", "ada sama agen", "ada di bos", "ada sama bos", "ada di sponsor",
          "ada pada majikan", "ada pada agen", "ada dengan majikan", "di tangan agen", "di tangan bos",
          "tangan majikan", "masih di majikan", "masih di agen", "masih sama majikan", "paspor di majikan",
          "paspor sama majikan", "paspor di agen", "paspor di agensi"),

        // Spanish
        L(.custody,
          // not bare "quita(do)": "me han quitado la residencia" is a permit revoked, status.
          "queda con", "quedaron con", "quedan con",
          "quedado con", "guardó", "guardaron", "guardan", "guardado", "guardados", "guardada", "guardadas",
          "retienen", "retenido", "retenida", "retenidos", "retuvieron", "retener", "confiscado", "confiscada",
          "confiscaron", "confisca", "confiscan", "decomisó", "decomisaron", "decomisado", "incautado", "incautaron",
          "incautó", "tiene el celular", "tiene el teléfono", "tienen mi", "tienen mis", "lo tiene ella",
          "los tiene ella", "lo tiene él", "los tiene él", "lo tienen ellos", "los tienen ellos", "lo tiene la",
          "los tiene la", "devuelven", "devolvió", "devolvieron", "devolverme", "devolvérmelo", "devolvérmelos",
          "no me regresa", "no me regresan", "no me lo regresa", "no me los regresa", "regresarme el",
          "regresarme mi", "regresarme los", "en poder de", "en manos de", "en su poder", "está con la señora",
          "está con mi patrona", "está con la patrona", "está con el patrón", "está con mi jefa", "está con la jefa",
          "está con el jefe", "está con la agencia", "están con la señora", "están con la patrona",
          "están con la agencia", "escondió", "escondieron", "esconde mi", "esconde el pasaporte", "esconde los",
          "bajo llave", "bajo candado", "en la caja fuerte", "en su caja fuerte", "en su cajón", "se llevó mi",
          "se llevaron mi", "se lo llevó", "se los llevó", "se la llevó", "se llevó el pasaporte", "se llevaron los",
          "agarró mi", "agarraron mi", "se apoderó de", "se apropió de"),

        // Portuguese (Brazilian and European; "guardado", "confiscado" are in the Spanish line)
        L(.custody,
          "tiraram de mim", "me tiraram o", "me tiraram os", "fica com o passaporte", "fica com meu",
          "fica com o meu", "fica com os meus", "ficaram com meu", "ficaram com o meu", "ficaram com os meus",
          "ficaram com o passaporte", "ficam com o passaporte", "guardou", "guardaram", "guardam", "retido", "retida",
          "retidos", "retidas", "retiveram", "reter", "confiscou", "confiscaram", "apreendeu", "apreenderam",
          "apreendido", "apreendida", "não devolveu", "devolveu", "devolvem", "devolveram", "devolve",
          "está com a patroa", "está com o patrão", "está com a agência", "está com o empregador",
          "está com a empregadora", "está com ela", "está com ele", "está com eles", "estão com a patroa",
          "estão com ela", "ela tem meu", "ela tem o meu", "ela tem os meus", "ele tem meu", "ele tem o meu",
          "eles têm meu", "eles tem o meu", "patroa tem meu", "patroa tem o meu", "escondeu", "esconderam", "trancou",
          "trancaram", "pegou meu", "pegaram meu", "pegou o passaporte", "pegaram o passaporte",
          "pegou os documentos", "segura meu", "segurou meu", "segurando meu", "em poder da", "em poder do",
          "em posse da", "em posse do", "no cofre", "na gaveta dela"),

        // French
        L(.custody,
          "confisquée", "confisqués", "confisquent", "confisquer", "garde le passeport", "garde les papiers",
          "garde ma", "garde notre", "gardent mon", "gardent mes", "gardent le", "gardent les", "a gardé",
          "ont gardé", "garde chez elle", "garde chez lui", "ont pris", "pris mon", "pris mes", "pris ma",
          "prend mon", "prend mes", "prend ma", "prennent mon", "prennent mes", "retenu", "retenus", "retiennent",
          "retenir", "retenait", "ne veut pas rendre", "ne me le rend pas", "ne me les rend pas", "refuse de rendre",
          "refuse de me rendre", "rend pas", "rendent pas", "pas rendu", "jamais rendu", "rendre mon", "rendre mes",
          "redonner", "redonne pas", "passeport est chez", "passeport chez", "papiers sont chez", "papiers chez",
          "documents chez", "carte chez", "elle a mon", "elle a mes", "il a mon", "il a mes", "ils ont mon",
          "ils ont mes", "elles ont mes", "madame a mon", "madame a mes", "le patron a mon", "l'agence a mon",
          "cache mon", "cache mes", "a caché", "cachent", "enferme mon", "enferme mes", "sous clé", "sous clef",
          "dans son coffre", "dans son tiroir", "dans sa chambre", "dans son armoire", "a saisi", "ont saisi",
          "saisi mon", "saisi mes"),

        // Italian ("confiscato" is matched by the English "confiscat*")
        L(.custody,
          "preso il mio passaporto", "preso i miei documenti", "mi ha preso il", "mi hanno preso il", "mi ha preso i",
          "mi hanno preso i", "ha preso il passaporto", "hanno preso il passaporto", "tiene il mio", "tiene i miei",
          "tengono il mio", "tengono i miei", "si è tenuta", "si è tenuto", "si tiene il", "ha tenuto il",
          "trattiene", "trattengono", "sequestrato", "sequestrata", "sequestrati", "sequestrano",
          "non mi restituisce", "non restituisce", "restituire", "restituisce", "restituirmi", "restituito",
          "non me lo ridà", "non me li ridà", "ridarmi", "ridare", "ha nascosto", "nasconde il mio",
          "nasconde i miei", "nascosto il mio", "chiuso a chiave", "sotto chiave", "in cassaforte",
          "nella sua stanza", "nel suo cassetto", "nel suo armadio", "ce l'ha la signora", "ce l'ha lei",
          "ce l'ha lui", "ce l'hanno loro", "ce li ha lei", "ce li ha lui", "ce l'ha il datore", "ce l'ha l'agenzia",
          "ce l'ha la datrice", "in mano alla signora", "in mano al datore", "in mano a lei", "in mano a lui",
          "in mano all'agenzia", "custodisce", "custodito"),

        // Arabic: MSA, Gulf, Levantine, Egyptian, then Arabizi. Not "عند"/"مع" alone ("اشتغل عند
        // الكفيل", "ما عندي"): a document comes first ("جوازي عند ال…"). Not "اخد" (inside "اخدم").
        L(.custody,
          "صودر", "حجز", "حاجزته", "حاجزتها", "حاجزينه", "حاجزينها", "حاجزة جواز", "حاجز جواز", "حاجزين جواز",
          "احتجز", "يحتفظ", "تحتفظ", "احتفظ", "محتفظ", "اخدوا", "خدت جواز", "خدوا جواز", "خدت الجواز", "خدوا الجواز",
          "واخدينه", "استولى على", "استولت على", "استولوا على", "بحوزة الكفيل", "بحوزة صاحب", "بحوزة المكتب",
          "في حوزة", "سلبت", "سلبوا", "سلبني", "خبأت", "خبوه", "خبوها", "رجعلي", "رجعتلي", "رفض تسليم", "ترفض تسليم",
          "يرفض تسليم", "رفضت تسليم", "رفض ارجاع", "ترفض ارجاع", "يرفض ارجاع", "رفضت ارجاع", "رفض إعادة",
          "ترفض إعادة", "يرفض إعادة", "رفضت إعادة", "في الخزنة", "بالخزنة", "جوازي عند ال", "الجواز عند ال",
          "جواز سفري عند ال", "جوازي عند مدام", "جوازي عند ماما", "جوازي عند بابا", "جوازي عند صاحب", "جوازي مع ال",
          "الجواز مع ال", "جواز سفري مع ال", "جوازي مع مدام", "اوراقي عند ال", "الأوراق عند ال", "هويتي عند ال",
          "الهوية عند ال", "جوالي عند ال", "تلفوني عند ال", "بطاقتي عند ال", "باسبوري عند", "الباسبور عند",
          "باسبوري مع", "الباسبور مع",
          // Arabizi
          "5adet", "khadet", "5adit", "khadit", "5ado", "khado", "5adu", "khadu", "a5du", "akhdu", "a5adu", "akhadu",
          "akhazat", "a5azat", "akhadhat", "wa5de", "wakhde", "wa5da", "wakhda", "wa5deh", "wakhdeh", "wa5id",
          "wakhed", "wa5ed", "ma5ed", "makhed", "maakhid", "ma5dha", "makhdha", "msadra", "msadar", "sadaret",
          "saderet", "sadaro", "musadara", "mosadra", "7ajaz", "7ajzet", "7ajazet", "7ajazo", "hajaz", "hajazet",
          "hajzeh", "hajez", "hajza", "mi7tajez", "mehtajez", "ye7tajez", "yehtajez", "te7tajez", "tehtajez",
          "ma7jouz", "mahjouz", "ma7juz", "ma7jooz", "ye7tafez", "yehtafez", "te7tafez", "mi7tfiz", "mihtafez",
          "masek", "maasek", "maseka", "maaseka", "maskeh", "maskah", "mesket", "misket", "5abbato", "khabbato",
          "5abbo", "khabbo", "5abbaito", "ma rajja3ato", "ma rajja3to", "ma rajja3ouli", "ma raja3li", "ma rj3li",
          "ma btraje3li", "ma btrajje3li", "ma btraj3o", "mabtraj3o", "ma 3am traj3o", "rafdet traj3o",
          "rafadet traj3o", "rafdat traj3o", "ma rag3etosh", "mesh rady yerga3o", "jawazi 3and", "jawazi 3end",
          "jawaz 3and", "el jawaz 3and", "el jawaz 3end", "jawazi ma3", "jawazi m3", "el jawaz ma3", "basbori 3and",
          "el basbor 3and", "basbor 3and", "passport 3and", "passport 3end", "jawaz safari 3and"),

        // Nepali, Devanagari then romanised. Not "सँग छ" alone ("म सँग छैन"), not "लिए" (Hindi "के लिए"),
        // not "लगेको" ("भिसा लगेको": the visa is stamped), not "फर्काउनु" un-negated (send her home).
        L(.custody,
          "राख्यो", "राखिन्", "राखिदिए", "राखिदियो", "राख्नुभए", "राखेर", "लिइन्", "खोसिन्", "खोसिदियो", "खोसे",
          "लुकायो", "फर्काउँदैन", "फर्काउदैन", "फर्काएन", "फर्काइदिँदैन", "फर्काइदिदैन", "फर्काइदिएन", "साहुनीसँग",
          "साहुनी सँग", "साहुसँग", "साहु सँग", "मालिकसँग", "मालिक सँग", "मालिक्नीसँग", "एजेन्टसँग", "एजेन्ट सँग",
          "एजेन्सीसँग", "म्यानपावरसँग", "स्पोन्सरसँग", "कफिलसँग", "म्याडमसँग", "म्याडम सँग", "मेडमसँग",
          "साहुनीको हातमा", "मालिकको हातमा", "एजेन्टको हातमा", "साहुको हातमा", "जफत", "कब्जा", "ताल्चा", "rakhyo",
          "rakhin", "rakhidiyo", "rakhidiyeko", "rakhidieko", "rakhideko", "rakhera", "rakhekocha", "rakhekochha",
          "rakhekichha", "rakhchin", "rakhchan", "liyin", "liera gayo", "lera gayo", "liyera gayo", "liera gain",
          "khosin", "khosidiyo", "khosi diyo", "khosera", "lukaidiyo", "lukayo", "lukaeko", "lukayeko", "lukaidieko",
          "lukain", "farkaudaina", "farkaudainan", "farkayena", "farkaidiyena", "sahuni ko hatma", "sahu ko hatma",
          "malik ko hatma", "sahuniko hatma", "malikko hatma", "jaft", "japht", "jafat", "japhat", "kabja", "kabjama",
          "talcha"),

        // Hindi, Devanagari then romanised (Hindustani, shared with Urdu speakers). Not "उसके पास"/"उनके पास":
        // "उसके पास वीज़ा नहीं है" is how a caseworker writes that she has no visa.
        L(.custody,
          "रख ली", "रखी", "रखे", "रखा", "रखवा", "ले ली", "ले लिए", "ले गई", "ले गया", "ले गए", "छिन", "छिपा दिया",
          "छुपा दिया", "छुपा लिया", "छिपा लिया", "छुपाकर रख", "छिपाकर रख", "छुपा के रख", "वापस नहीं दे",
          "वापस नही दे", "वापिस नहीं दे", "नहीं लौटा", "नही लौटा", "लौटा नहीं", "लौटाने से मना", "वापस देने से मना",
          "वापस करने से मना", "के पास है", "के पास हैं", "के पास रखा", "मालिक के पास", "मैडम के पास", "एजेंट के पास",
          "स्पॉन्सर के पास", "कफील के पास", "सेठ के पास", "मालकिन के पास", "एजेंसी के पास", "कब्जे", "ताले में",
          "rakh liye", "rakh lia", "rakha hua", "rakhi hui", "rakhe hue", "rakhe hain", "rakhi hain", "rakh rakha",
          "rakh rakhi", "rakhwa liya", "rakhwaya", "rakhwa li", "le gayi", "le gaya", "le gai", "le gaye", "le gyi",
          "le lia", "le liye", "chin liya", "chin li", "chheena", "chhina", "cheen liya", "cheen li", "chupa diya",
          "chhupa diya", "chupa liya", "chhupa liya", "chupa ke rakha", "chhupa ke rakha", "chupake rakha",
          "chupa kar rakha", "chhipa diya", "wapas nahi deti", "wapas nahi deta", "wapas nahi dete",
          "wapas nahi diya", "wapas nhi de", "wapas nhi deti", "wapas nahin deti", "wapas nai deti",
          "wapis nahi deti", "wapis nahi de", "vapas nahi deti", "vapas nahi de", "lautati nahi", "lautata nahi",
          "nahi lautati", "nahi lautata", "nahi lautaya", "lautane se mana", "wapas karne se mana",
          "wapas dene se mana", "kabze me", "kabze mein", "kabje mein", "kabje me", "japt", "zapt", "jabt",
          "apne paas rakha", "apne pas rakha", "paas rakha", "pas rakha", "ke pass hai", "ke pass he", "ke pass h",
          "k paas hai", "k pas hai", "k pass hai", "k paas h"),

        // Urdu, Nastaliq then the Urdu romanised spellings ("qabza"); the shared ones are in the Hindi line.
        L(.custody,
          "رکھ لی", "رکھی", "رکھے", "رکھتی", "رکھتا", "رکھتے", "رکھوا", "رکھ رکھا", "لے لی", "لے گئی", "لے گیا",
          "لے گئے", "چھپا دیا", "چھپا لیا", "چھپا کر", "چھپایا", "واپس نہیں دے", "واپس نہیں کر", "واپس کرنے سے انکار",
          "لوٹانے سے انکار", "واپس دینے سے انکار", "قبضے", "قبضہ", "اپنے پاس رکھ", "تالے میں", "الماری میں",
          "دراز میں", "qabza", "qabze mein", "qabzay mein", "qabze me", "wapis nahi kar", "wapas nahi kar",
          "wapas nahi karti", "wapas nahi karta", "wapis nahi karti", "rakh chora", "rakh chhoda", "rakh chhora",
          "chupa rakha", "chhupa rakha"),

        // Bengali, script then romanised. Not "কাছে" alone ("আমার কাছে কাগজ নেই") nor a pronoun holder.
        L(.custody,
          "রেখে দিছে", "রেখে দিসে", "রাইখা দিছে", "রাইখা দিসে", "রাখছে", "রাখসে", "রাখে", "রেখে দেয়", "নিয়ে নিল",
          "নিয়ে নিছে", "নিয়া নিছে", "নিয়ে গেছে", "নিয়া গেছে", "কাইড়া", "ছিনিয়ে", "জব্দ", "বাজেয়াপ্ত",
          "লুকিয়ে রাখ", "লুকাইয়া রাখ", "লুকিয়ে ফেলেছে", "ফিরিয়ে দেয় না", "ফিরিয়ে দিচ্ছে না", "ফিরিয়ে দেবে না",
          "ফিরিয়ে দেয়নি", "ফিরিয়ে দিতে চায় না", "আটকে রাখছে", "আটকাইয়া", "মালিকের কাছে", "কফিলের কাছে",
          "ম্যাডামের কাছে", "স্পন্সরের কাছে", "এজেন্সির কাছে", "দালালের কাছে", "মালকিনের কাছে", "তালা দিয়ে",
          "rekhe dichhe", "rekhe dice", "raikha dise", "raikha dichhe", "rakhse", "rakhche", "niye nilo", "niya nise",
          "niye geche", "niya gese", "niye gese", "kaira nise", "kaira nilo", "kere nilo", "kere nise", "kere nice",
          "chiniye niyeche", "jobdo", "jobdho", "bajeyapto", "lukaiya rakhse", "lukie rakhche", "lukiye rakhse",
          "ferot dicche na", "ferot dise na", "ferot dei na", "ferot dey nai", "ferot dibe na", "ferot dibena",
          "ferot dicchena", "ferot dena", "firiye dey na", "firiye dicche na", "atke rakhse", "atkaiya rakhse",
          "atke rakhe", "atke rakhche"),

        // Sinhala, script then romanised. Not "එයා ගාව" ("she has"), nor "සන්තකයේ" ("මගේ සන්තකයේ නැත").
        L(.custody,
          "තියාගත්ත", "තියාගන්න", "තබාගෙන", "තබාගත්", "රඳවාගෙන", "රඳවා ගෙන", "රඳවාගත්", "අල්ලාගෙන", "උදුරගත්",
          "උදුරාගත්", "උදුරගෙන", "අරගෙන", "අරගත්", "ගෙනිච්චා", "හංගලා", "හැංගුවා", "හංගගෙන", "හංගගත්", "සඟවා",
          "ආපහු දෙ", "ආපසු දෙ", "ආපහු දු", "ආපසු දු", "භාරයේ", "මැඩම් ගාව", "නෝනා ගාව", "ස්පොන්සර් ගාව",
          "ඒජන්සිය ගාව", "මහත්තයා ගාව", "බොස් ගාව", "යතුරු දාලා", "ලොක් කරලා", "thiyagaththa", "thiyagatta",
          "thiyagattha", "thiyan inne", "thiyan innawa", "tiyagena", "tiyaganna", "tiyagaththa", "thabagena",
          "radawagena", "radawa gena", "allagena", "uduragaththa", "uduragena", "aragena", "ara gena", "aragaththa",
          "genichcha", "genichha", "genicha", "hangala", "hangaala", "hanguwa", "hangagena", "madam gawa",
          "nona gawa", "sponsor gawa", "mahaththaya gawa", "boss gawa", "agency eka gawa", "aapahu denne",
          "apahu denne", "aapasu denne", "apahu dunne", "aapahu dunne", "yathura dala", "yathuru dala", "lock karala"),

        // Tamil, script then romanised. "-இடம்" only after a named holder; "திருப்பி" (back) only with give.
        L(.custody,
          "வைத்துக்கொண்டா", "வைத்துக்கொண்டு", "வெச்சிருக்கா", "வைச்சிருக்கா", "வைத்திருக்கின்ற", "வைத்துள்ளா",
          "எடுத்துட்டா", "எடுத்துச்சென்ற", "எடுத்துட்டு போயிட்டா", "பறிமுதல்", "பறிச்சுட்டா", "பறிச்சிட்டா",
          "பறிச்சு", "மறைத்து வைத்", "ஒளிச்சு வச்ச", "ஒளித்து வைத்", "பூட்டி வைத்", "பூட்டி வச்ச", "திருப்பி த",
          "திருப்பித் த", "திருப்பி கொடு", "திருப்பிக் கொடு", "திருப்பி குடு", "முதலாளியிடம் இருக்க",
          "முதலாளியிடம் உள்ள", "ஏஜென்சியிடம் இருக்க", "ஸ்பான்சரிடம் இருக்க", "அவரிடம் இருக்க", "அவர்களிடம் இருக்க",
          "அவளிடம் இருக்க", "vechukittaanga", "vachukittanga", "vechukitta", "vachukitta", "vachirukaanga",
          "vechurukanga", "vachirukkaa", "vechirukka", "vachirukka", "vachurukkanga", "vachurukanga",
          "eduthukitaanga", "eduthukittanga", "eduthuttanga", "eduthutaanga", "eduthukittaa", "eduthuttaa",
          "pudungittanga", "pudungitanga", "pudunguttanga", "parichuttanga", "parichittanga", "parimuthal",
          "olichu vachanga", "pootti vachirukanga", "thiruppi tharala", "thiruppi thara mattanga",
          "thiruppi kudukkala", "thiruppi kodukkala", "thirupi tharala", "thirupi kudukkala",
          "thiruppi kudukka maatanga", "thiruppi tharamaatanga"),

        // Malayalam, script then Manglish. "കൈയി"/"കയ്യി" are written without their last letter so that
        // the chillu "ൽ" and the older "ല്‍" both match; only after a named holder ("എന്റെ കയ്യിൽ ഇല്ല").
        L(.custody,
          "മാഡത്തിന്റെ കയ്യി", "മാഡത്തിന്റെ കൈയി", "മാഡത്തിന്റെ കൈവശം", "അർബാബിന്റെ കയ്യി", "അർബാബിന്റെ കൈവശം",
          "സ്പോൺസറുടെ കയ്യി", "സ്പോൺസറുടെ കൈവശം", "കഫീലിന്റെ കയ്യി", "കഫീലിന്റെ കൈവശം", "ഏജൻസിയുടെ കയ്യി",
          "ഏജൻസിയുടെ കൈവശം", "ഏജന്റിന്റെ കയ്യി", "മുതലാളിയുടെ കയ്യി", "മുതലാളിയുടെ കൈവശം", "പിടിച്ചുവെച്ചു",
          "പിടിച്ചു വെച്ചു", "പിടിച്ചുവച്ചു", "പിടിച്ചു വച്ചു", "പിടിച്ചെടുത്തു", "വാങ്ങിവെച്ചു", "വാങ്ങി വെച്ചു",
          "വാങ്ങിവച്ചു", "വാങ്ങി വച്ചു", "എടുത്തുവെച്ചു", "എടുത്തു വെച്ചു", "എടുത്തുകൊണ്ടുപോയി", "എടുത്തു കൊണ്ടുപോയി",
          "സൂക്ഷിച്ചുവെച്ചു", "ഒളിപ്പിച്ചു", "പൂട്ടിവെച്ചു", "പൂട്ടി വെച്ചു", "തിരിച്ചു ത", "തിരിച്ചുത", "തിരികെ ത",
          "കണ്ടുകെട്ടി", "vangi vechu", "vaangi vechu", "vangivechu", "vangi vachu", "vaangi vachu",
          "vangi vachirikkunnu", "pidichu vechu", "pidichuvechu", "pidichu vachu", "pidichedutthu", "pidicheduthu",
          "eduthu vechu", "eduthuvechu", "eduthu kondupoyi", "olippichu", "olippichu vechu", "pootti vechu",
          "pooti vechu", "thirichu tharunilla", "thirichu tharunnilla", "thirichu thannilla", "thirichu tharilla",
          "thirike tharunnilla", "thirichu tharan", "madathinte kayyil", "madaminte kayyil", "arbabinte kayyil",
          "sponsorude kayyil", "kafeelinte kayyil", "agencyude kayyil", "muthalaliyude kayyil",
          "madathinte kaivasham", "arbabinte kaivasham"),

        // Telugu, script then romanised. "దగ్గర" (with) only after a named holder ("నా దగ్గర వీసా లేదు").
        L(.custody,
          "మేడం దగ్గర", "మేడమ్ దగ్గర", "ఓనర్ దగ్గర", "యజమాని దగ్గర", "స్పాన్సర్ దగ్గర", "కఫీల్ దగ్గర", "ఏజెంట్ దగ్గర",
          "ఏజెన్సీ దగ్గర", "సేట్ దగ్గర", "అర్బాబ్ దగ్గర", "తీసుకుంది", "తీసుకున్నారు", "తీసుకున్నాడు", "తీసేసుకుంది",
          "తీసేసుకున్నారు", "తీసుకెళ్ళింది", "తీసుకెళ్లింది", "తీసుకెళ్ళారు", "తీసుకెళ్లారు", "లాక్కు", "పెట్టుకుంది",
          "పెట్టుకున్నారు", "పెట్టుకున్నాడు", "దాచి", "దాచింది", "దాచారు", "తిరిగి ఇవ్వ", "జప్తు", "స్వాధీనం",
          "తాళం వేసి", "teesukundi", "teesukunnaru", "tisukundi", "tisukunnaru", "theesukundi", "theesukunnaru",
          "teesukunnadu", "teesesukundi", "tisesukundi", "teesukellindi", "tisukellindi", "lakkundi", "laakkundi",
          "lakkunnaru", "lakkunnadu", "pettukundi", "pettukunnaru", "pettukunnadu", "dachi pettindi", "dachipettindi",
          "daachi pettindi", "dachindi", "dachaaru", "dacharu", "tirigi ivvatledu", "thirigi ivvatledu",
          "tirigi ivvaledu", "thirigi ivvaledu", "tirigi ivvadam ledu", "thirigi ivvadam ledu", "tirigi ivvadu",
          "thirigi ivvadu", "madam daggara", "owner daggara", "sponsor daggara", "agent daggara", "kafeel daggara",
          "yajamani daggara", "seth daggara", "japthu", "swadheenam", "talam vesi"),

        // Amharic, Ethiopic then romanised. Phrases start a word: "ወስደ" is "ወስደዋል", "ወስደውታል"…
        L(.custody,
          "ወሰዱ", "ወስዳ", "ወስደ", "ወስዶ", "ወስዷል", "ያዘው", "ያዙ", "ይዘዋል", "ይዞታል", "ይዘውታል", "ይዞ ሄደ", "ይዛ ሄደች", "ይዛ ሄዳለች",
          "ይዛ ቀረች", "ቀማ", "ቀሙ", "ቀምተ", "ቀምቶ", "ደበቀ", "ደብቃ", "ደብቀ", "ደብቆ", "አልመለሰ", "አልመለሱ", "አትመልስ", "አይመልስ", "አይመልሱ",
          "ጋ ነው", "ጋር ነዉ", "ጋ ነዉ", "ማዳም ጋር", "ማዳሜ ጋር", "አሰሪዬ ጋር", "አሠሪዬ ጋር", "ኤጀንሲው ጋር", "ደላላው ጋር", "ስፖንሰሩ ጋር", "ቆልፋ",
          "ቆለፈ", "wesedachibign", "wesedachbign", "wesedubign", "wesdalech", "wesidalech", "wesdewal", "wesdewutal",
          "wesdobign", "yizewal", "yizotal", "yizewutal", "yazechiw", "yazechw", "yazut", "qemach", "kemach",
          "qemtalech", "kemtalech", "qemugn", "kemugn", "debekech", "debeqech", "debqalech", "debkalech",
          "atmelsilignim", "atmelsilgnm", "aymelsilignim", "almeleselignim", "almelesechim", "ga new", "ga naw",
          "madam gar", "madam ga new", "aseriye gar", "asariye gar", "kolfa", "qolfa"),

        // Tigrinya, Ethiopic then romanised ("ዓ" romanisations are left out: "agitato" is Italian).
        L(.custody,
          "ሒዛ", "ሒዙ", "ሒዞም", "ሒዝዎ", "ሒዛቶ", "ወሲዳ", "ወሲዱ", "ወሲዶም", "ወሲዳቶ", "ወሲዱዎ", "ሓቢኣ", "ሓቢኡ", "ሓቢኦም", "ዓጊታ", "ዓጊቱ",
          "ዓጊቶም", "ኣይትመልሰ", "ኣይመልሰ", "ኣይመለሰ", "ኣይመልሱ", "ክትመልሰለይ", "ክመልሰለይ", "ምስ ማዳም እዩ", "ምስ ማዳም ኣሎ", "ምስኣ እዩ",
          "ምስኡ እዩ", "ምስኦም እዩ", "ምስኣ ኣሎ", "ምስኦም ኣሎ", "ኣብ ኢዳ", "ኣብ ኢዱ", "ኣብ ኢዶም", "ኣብ ማዳም እዩ", "ኣብ ኤጀንሲ እዩ", "wesida",
          "wesidu", "wesidom", "wesidato", "hiza", "hizu", "hizom", "hizato", "hizwo", "aytmelseleyn", "aymelseleyn",
          "aymeleseleyn", "mis madam iyu", "msa iyu", "mis'a iyu", "mis'om iyu", "ab ida", "ab idom"),

        // Swahili. Not "ipo kwa" alone ("ipo kwa sababu"), nor "imezuiliwa" ("visa imezuiliwa": blocked).
        L(.custody,
          "wamechukua", "walichukua", "amenichukulia", "alinichukulia", "wamenichukulia", "walinichukulia",
          "amechukuwa", "amechkua", "imechukuliwa", "zimechukuliwa", "ilichukuliwa", "zilichukuliwa", "wamezuia",
          "alizuia", "anazuia", "wanazuia", "amezuilia", "wamezuilia", "alizuilia", "anazuilia", "ameshikilia",
          "wanashikilia", "walishikilia", "alishikilia", "wameshika", "alishika", "amezificha", "alizificha",
          "aliificha", "ameficha", "alificha", "wameficha", "anaficha", "wanaficha", "amezifungia", "alifungia",
          "ameifungia", "chumbani kwake", "kwenye kabati", "hajanirudishia", "harudishi", "hatarudisha",
          "hataki kurudisha", "anakataa kurudisha", "amekataa kurudisha", "alikataa kurudisha", "hawarudishi",
          "hawataki kurudisha", "hawajarudisha", "ipo kwa mama", "ipo kwa madam", "ipo kwa boss", "ipo kwa mwajiri",
          "ipo kwa wakala", "zipo kwa mwajiri", "ipo kwake", "iko kwake", "ziko kwake", "iko kwao", "ziko kwao",
          "mikononi mwa", "mikononi mwake", "mikononi mwao", "anacho", "wanacho", "anazo", "wanazo", "amenyang'anya",
          "ameninyang'anya", "alininyang'anya", "wamenyang'anya", "amepokonya", "alipokonya", "amenipokonya",
          "walinipokonya", "amekaa nayo", "anakaa nayo", "amebaki nayo", "anabaki nayo", "ameiweka", "ameziweka",
          "ameihifadhi", "amezihifadhi", "anaihifadhi"),

        // Vietnamese: written with diacritics; folding drops them, so each phrase also matches the
        // same words typed without ("khong tra lai", "ko tra lai"). Not "lấy hộ chiếu" (also: to get
        // one issued), "thu hồi" (revoked), "giấu" alone (folds to "giàu", rich), "đang cầm" (holds a card).
        L(.custody,
          "lấy đi", "lấy luôn", "thu hộ chiếu", "thu mất", "thu luôn", "cất mất", "cất luôn", "cất đi", "cất giấu",
          "giấu mất", "giấu đi", "giấu hộ chiếu", "giấu giấy tờ", "không trả lại", "ko trả lại", "k trả lại",
          "hông trả lại", "chưa trả lại", "không chịu trả", "ko chịu trả", "không trả hộ chiếu", "không trả giấy tờ",
          "trả lại hộ chiếu", "đòi lại hộ chiếu", "đòi lại giấy tờ", "hộ chiếu ở chỗ", "hộ chiếu đang ở",
          "giấy tờ ở chỗ", "chủ cầm", "công ty cầm", "môi giới cầm", "cầm hộ chiếu", "cầm luôn", "khóa trong tủ",
          "không đưa lại", "ko đưa lại", "chưa đưa lại", "không cho lấy lại", "không trả thẻ"),

        // Thai, script then a few romanised spellings
        L(.custody,
          "ไม่ให้คืน", "ไม่ส่งคืน", "ไม่ยอมให้คืน", "ไม่ได้คืน", "ไม่ยอมส่งคืน", "อยู่กับนายจ้าง", "อยู่กับเจ้านาย",
          "อยู่กับนายหน้า", "อยู่กับบริษัท", "อยู่กับเอเย่นต์", "อยู่กับเอเจนซี่", "พาสปอร์ตอยู่กับ",
          "พาสปอร์ตอยู่ที่", "หนังสือเดินทางอยู่กับ", "หนังสือเดินทางอยู่ที่", "เอาพาสปอร์ตไป", "เอาหนังสือเดินทางไป",
          "เอาบัตรไป", "เอาเอกสารไป", "เอาโทรศัพท์ไป", "เอามือถือไป", "ซ่อนไว้", "ซ่อนพาสปอร์ต", "ซ่อนหนังสือเดินทาง",
          "ล็อคไว้", "ล็อกไว้", "ใส่กุญแจ", "ตู้เซฟ", "กักไว้", "นายจ้างถือ", "เจ้านายถือ", "นายหน้าถือ", "บริษัทถือ",
          "ริบ", "yut wai", "yud wai", "kep wai", "mai kuen", "mai khuen", "mai yom kuen"),

        // Burmese, Unicode script then romanised. Not "သူ့ဆီမှာ"/"သူတို့ဆီမှာ" ("she/they have").
        L(.custody,
          "ယူသွား", "ယူလိုက်", "ပြန်မပေး", "ဝှက်ထား", "ဖွက်ထား", "ချုပ်ထား", "သော့ခတ်ထား", "သူဌေးဆီမှာ",
          "သူဌေးမဆီမှာ", "အလုပ်ရှင်ဆီမှာ", "အေဂျင့်ဆီမှာ", "ပွဲစားဆီမှာ", "အိမ်ရှင်ဆီမှာ", "မဒမ်ဆီမှာ", "သူဌေးလက်ထဲ",
          "အလုပ်ရှင်လက်ထဲ", "အေဂျင့်လက်ထဲ", "ကိုင်ခွင့်မပေး", "yu htar", "yu hta", "yuu htar", "kaing htar",
          "kai htar", "thein htar", "thein thwar", "thein lite", "yu thwar", "yu thwa", "pyan ma pay", "pyan ma pae",
          "pyan mapay", "hwet htar", "phwet htar", "thuthay si mhar", "thu htay si mhar", "a lote shin si mhar",
          "alote shin si mhar", "pwe sar si mhar", "agent si mhar"),

        // Khmer, script then romanised. Not "លាក់" alone ("លាក់ខ្លួន": she hides herself).
        L(.custody,
          "យកបាត់", "យកទុក", "ចាប់យក", "រឹបអូស", "រឹបយក", "លាក់ទុក", "លាក់លិខិត", "លាក់ប៉ាស្ព័រ", "ចាក់សោ", "ឲ្យវិញ",
          "អោយវិញ", "ឱ្យវិញ", "ប្រគល់វិញ", "ប្រគល់មកវិញ", "នៅដៃថៅកែ", "នៅដៃម្ចាស់", "នៅដៃក្រុមហ៊ុន", "នៅដៃមេខ្យល់",
          "នៅដៃគេ", "យកលិខិតឆ្លងដែន", "យកប៉ាស្ព័រ", "yok tov", "yok tev", "yok bat", "reak sa tuk", "reaksa tuk",
          "dork hout", "dok hout", "rib os", "min oy vinh", "min aoy vinh", "min oy verng", "min aoy veng",
          "nov dai thaokae", "nov dai thao kae", "lak tuk", "chab yok"),

        // Lao, script then romanised
        L(.custody,
          "ຍຶດ", "ເກັບໄວ້", "ເກັບມ້ຽນ", "ເອົາໄປ", "ຖືໄວ້", "ບໍ່ສົ່ງຄືນ", "ບໍ່ຄືນ", "ບໍ່ຍອມຄືນ", "ບໍ່ໃຫ້ຄືນ",
          "ບໍ່ຍອມສົ່ງຄືນ", "ຢູ່ນຳນາຍຈ້າງ", "ຢູ່ກັບນາຍຈ້າງ", "ຢູ່ນຳເຖົ້າແກ່", "ຢູ່ກັບເຖົ້າແກ່", "ຢູ່ນຳນາຍໜ້າ",
          "ຢູ່ນຳນາຍຫນ້າ", "ຢູ່ນຳບໍລິສັດ", "ເຊື່ອງໄວ້", "ລັອກໄວ້", "ກັກໄວ້", "ຮິບ", "ນາຍຈ້າງຖື", "ເຖົ້າແກ່ຖື",
          "nyud wai", "keb wai", "ao pai", "bo kheun", "bor khuen", "bo song khuen", "yu nam nai jang",
          "yu nam thao kae", "yu kap nai jang"),

        // Chinese: Mandarin (simplified and traditional) and Cantonese
        L(.custody,
          "扣着", "扣著", "扣下", "扣了我的护照", "扣了我的護照", "扣我护照", "扣我護照", "扣护照", "扣護照", "扣证件", "扣證件", "扣身份证", "扣身份證", "收走",
          "收去", "收了我的", "拿去", "取走", "拿着我的", "拿著我的", "藏了我的", "藏起我的", "把护照藏", "把護照藏", "把我的护照藏", "把我的護照藏", "不肯还", "不肯還",
          "不给回", "不俾返", "唔俾返", "唔还", "冇還", "冇还", "不归还", "不歸還", "拒绝归还", "拒絕歸還", "没还", "沒還", "在老板那", "在老板手", "在老闆那",
          "在老闆手", "在中介那", "在中介手", "在她手", "在他手", "在他们手", "在他們手", "在老板娘", "在太太那", "在太太手", "喺事頭婆度", "喺老闆度", "喺僱主度",
          "喺中介度", "喺佢哋度", "喺佢手", "充公", "霸住", "霸咗", "锁起来", "鎖起來", "锁在柜", "鎖在櫃", "锁在抽屉", "鎖在抽屜", "保险箱", "保險箱"),

        // Oromo (Afaan Oromoo). "qabat-" is hold/seize, never "qabaachuu" (to have: "hin qabu").
        L(.custody,
          "fuute", "fudhatte", "fudhattee", "fudhate", "fudhatan", "fudhateera", "fudhatteetti", "fudhataniiru",
          "fudhatamee", "qabatte", "qabattee", "qabate", "qabatan", "qabatteetti", "qabataniiru", "qabatee jira",
          "dhoksite", "dhoksitee", "dhokse", "dhoksan", "dhoksiteetti", "naaf hin deebiftu", "naaf hin deebisu",
          "naaf hin deebisne", "naaf hin deebifne", "naaf hin deebisan", "deebisuu didde", "deebisuu dide",
          "deebisuu didan", "deebisuuf didde", "harka ishee jira", "harka isaa jira", "harka isaanii jira",
          "harka madaamii", "harka abbaa hojii", "ishee bira jira", "isaa bira jira", "isaan bira jira",
          "madaam bira", "abbaa hojii bira", "ejensii bira", "kaa'atte", "kaawwatte", "kaa'atan", "kaawwatan",
          "kaa'ate", "saamte", "saamtee", "cufte", "cuftee"),
    ].flatMap { $0 }
}
