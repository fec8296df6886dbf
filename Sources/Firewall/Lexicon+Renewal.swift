/// "He never made it", "woh banwata nahi", "কফিল নতুন করে দেয় নাই": nobody renewed, made or
/// processed her document. Told right after "my iqama expired", it says why she has none; told alone
/// it could be anything ("I never made it to the clinic"), so these are weak cues, a disclosure only
/// in a sentence that already disclosed status, or the one after it.
///
/// Written for the whole family after set s's first look (2026-12-07), where seven of its leaks were
/// this: the renewal verbs the lexicons knew ("renew", "perpanjang", "جدد") with a negation nearby
/// caught the tidy forms, but not the words workers use for getting a card made ("banwana", "নতুন
/// করে দেওয়া", "aluth karanawa", "asikasuhin"), nor the romanised negations that are no cue on their
/// own ("nahi", "nehe": they follow every unpaid wage, `Lexicon+Romanised`).
extension Lexicon {
    static let renewal: [LexiconEntry] = [
        L(.weak(.explicitStatus),
          // English
          "never make it", "never made it", "not make it", "dont make it", "don't make it", "didnt make it", "didn't make it",
          "never process it", "never processed it", "not process it", "didnt process it", "didn't process it",
          "never do my papers", "never did my papers", "never fix my papers", "never fixed my papers",
          // Tagalog
          "d nila nirenew", "d nirenew", "di nirenew", "hindi nirenew", "hindi nila nirenew", "hindi inasikaso",
          "hindi na inasikaso", "di inasikaso", "d inasikaso", "hindi inaasikaso", "ayaw asikasuhin", "hindi inayos",
          "hindi inaayos", "hindi nilakad", "di nilakad", "hindi nilalakad",
          // Indonesian, Malay
          "ga diperpanjang", "gak diperpanjang", "nggak diperpanjang", "tidak diperpanjang", "tak diperpanjang",
          "tdk diperpanjang", "blm diperpanjang", "belum diperpanjang", "ga diurus", "gak diurus", "tidak diurus",
          "tak diurus", "tidak diuruskan", "tak diuruskan", "tak renew", "tidak renew", "ga direnew", "tak direnew",
          "ga dibikinin", "tidak dibuatkan",
          // Hindi, Urdu (native and romanised)
          "banwata nahi", "banwati nahi", "banwate nahi", "nahi banwata", "nahi banwati", "nahi banwaya", "nahi banwayi",
          "banwaya nahi", "banwayi nahi", "banwai nahi", "nahi banwai", "renew nahi", "renew nahi kiya", "renew nahi karta",
          "renew nahi karti", "renew nahi karwaya", "renew nahi karwata", "renew nahin",
          "नहीं बनवाया", "बनवाया नहीं", "नहीं बनवाता", "बनवाता नहीं", "नहीं बनवाती", "बनवाती नहीं", "रिन्यू नहीं",
          "نہیں بنوایا", "بنوایا نہیں", "بنواتا نہیں", "نہیں بنواتا", "بنواتی نہیں", "رینیو نہیں",
          // Bengali (native and romanised)
          "নতুন করে দেয় নাই", "নতুন করে দেয়নি", "নতুন করে দেয় না", "নবায়ন করেনি", "নবায়ন করে নাই", "নবায়ন করে না",
          "রিনিউ করেনি", "রিনিউ করে নাই", "রিনিউ করে না", "notun kore dey nai", "notun kore deyni", "renew kore nai",
          "renew koreni", "renew kore na",
          // Nepali (native and romanised)
          "नवीकरण गरेन", "नवीकरण गरिदिएन", "रिन्यु गरेन", "रिन्यु गरिदिएन", "renew garena", "renew gardaina",
          "renew gareko chaina", "renew gari diyena", "renew garidiyena",
          // Sinhala (native and romanised)
          "අලුත් කරන්නේ නැහැ", "අලුත් කළේ නැහැ", "අලුත් කරලා නැහැ", "aluth karanne nehe", "aluth karanne naha",
          "aluth kale nehe", "aluth kale naha", "aluth karala nehe", "aluth karala naha", "renew karanne nehe",
          "renew karanne naha", "renew kale nehe", "renew kale naha",
          // Tamil romanised
          "renew pannala", "renew pannave illa", "pudhuppikkala",
          // Arabic (native and romanised)
          "ما جدد", "ما جددها", "ما جددلي", "ما جدد لي", "لم يجدد", "ما سوالي اقامه", "ما سوا لي اقامة", "ما طلعلي اقامة",
          "ما طلع لي اقامة", "ma jaddad", "ma jadad", "ma jaddadli", "ma 3amalli iqama", "ma tala3li iqama",
          // Swahili
          "hajanirenew", "hakunirenew", "hajarenew", "hakurenew", "hajaniongezea muda", "hakuniongezea muda",
          // French
          "pas renouvele", "pas renouvelee", "ne renouvelle pas", "payer le renouvellement", "pas fait le renouvellement",
          "jamais renouvele", "jamais renouvelee"),
    ].flatMap { $0 }
}
