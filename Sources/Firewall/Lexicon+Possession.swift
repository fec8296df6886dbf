/// "I have nothing", in the languages we read. Said after papers are asked for ("at the clinic
/// they ask for papers and I have nothing"), it discloses status with no status word at all;
/// said of anything else ("I have nothing to eat") it is a labour fact and stays, because the
/// rule needs papers or a status document in the same clause or the one before.
extension Lexicon {
    static let possession: [LexiconEntry] = [
        L(.nothing,
          // English and Taglish
          "i have nothing", "i have none", "i don't have any", "i dont have any", "i have no one", "none at all",
          "i have not a single", "wala akong kahit ano", "wala akong kahit isa", "wala ako ni isa", "wala ako",
          // Indonesian, Malay
          "saya tak ada satu pun", "saya tidak punya apa-apa", "saya tak ada apa-apa", "sy gk punya apa2",
          "aku gak punya apa-apa", "tidak ada satu pun", "tak ada satu pun", "gak ada sama sekali",
          // Spanish, Portuguese, French, Italian
          "yo no tengo nada", "no tengo nada", "no tengo ninguno", "nao tenho nada", "não tenho nada",
          "je n'ai rien", "je n'ai aucun", "non ho niente", "non ho nulla",
          // Hindi, Urdu, Nepali, Bengali (native and romanised)
          "मेरे पास कुछ नहीं", "मेरे पास कोई नहीं", "mere paas kuch nahi", "mere pas kuch nahi", "میرے پاس کچھ نہیں",
          "मसँग केही छैन", "masanga kehi chaina", "ma sanga kehi chhaina", "আমার কাছে কিছুই নেই", "আমার কিছুই নেই",
          "amar kache kichui nei", "amar kichu nei",
          // Sinhala, Tamil
          "මං ළඟ මොකුත් නෑ", "මා ළඟ කිසිවක් නැත", "man langa mokuth na", "என்னிடம் எதுவும் இல்லை",
          "ennidam ethuvum illai", "enkitta onnum illa",
          // Arabic (and Arabizi), Amharic
          "ما عندي شي", "ما عندي اشي", "ليس لدي شيء", "ma 3andi shi", "ma3andi shi", "ምንም የለኝም", "minim yelegnim",
          // Burmese, Khmer, Thai, Vietnamese, Chinese, Swahili
          "ကျွန်မမှာ ဘာမှမရှိဘူး", "ကျွန်တော့်မှာ ဘာမှမရှိဘူး", "ខ្ញុំគ្មានអ្វីទាំងអស់", "ฉันไม่มีอะไรเลย",
          "tôi không có gì", "em không có gì", "toi khong co gi", "em khong co gi", "我什么都没有", "我什麼都沒有",
          "我乜都冇", "mimi sina chochote", "sina chochote", "sina kitu"),
    ].flatMap { $0 }
}
