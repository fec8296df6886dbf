/// The printed words that make a page an immigration document: its title (PASSPORT, VISA,
/// RESIDENCE PERMIT…) and the field labels printed beside the holder's details (Nationality, Date
/// of expiry, Place of birth…), in English, the languages passports print them in bilingually
/// (French, Spanish) and the reporter languages where we know them.
///
/// One title alone is not a document: "my employer keeps my passport" in a chat screenshot is a
/// labour fact (the narrative firewall judges such text). A page is document-shaped when it holds
/// a title and at least two field labels, or four field labels without a title (a card whose
/// title OCR missed). Matching is on folded text (`ScalarFolding`: case and accents dropped), on
/// whole words for scripts that space words, as substrings for those that do not (Khmer, Burmese).
public enum DocumentLabels {
    public struct Found: Sendable, Equatable {
        /// Distinct titles found (folded).
        public var titles: Set<String>
        /// Distinct field labels found (folded).
        public var labels: Set<String>

        /// Title plus two labels, or four labels.
        public var isDocumentShaped: Bool {
            (!titles.isEmpty && labels.count >= 2) || labels.count >= 4
        }
    }

    public static func find(in text: String) -> Found {
        let spaced = wordsJoined(text)
        let unspaced = String(String.UnicodeScalarView(folded(text).filter { !isSeparator($0) }))
        func matches(_ needle: String) -> Bool {
            needle.unicodeScalars.contains(where: isUnspacedScript)
                ? unspaced.contains(needle.filter { $0 != " " })
                : spaced.contains(" " + needle + " ")
        }
        return Found(titles: Set(titles.filter(matches)), labels: Set(labels.filter(matches)))
    }

    // MARK: lexicon (written naturally; folded once)

    static let titles: [String] = foldAll([
        // English, French, Spanish, Indonesian/Malay, Tagalog, Swahili, Vietnamese (romanised)
        "passport", "passeport", "pasaporte", "pasaporte ng", "paspor", "pasipoti", "hộ chiếu",
        "visa", "visado", "visas", "thị thực", "viza",
        "residence permit", "residence card", "resident permit", "permanent resident", "residency permit",
        "work permit", "employment pass", "entry permit", "re-entry permit", "immigration",
        "permis de séjour", "titre de séjour", "carte de séjour", "permis de travail",
        "permiso de residencia", "permiso de trabajo", "tarjeta de residencia", "tarjeta de residente",
        "izin tinggal", "izin kerja", "kartu izin tinggal", "kibali cha kazi", "kibali cha ukaazi",
        "thẻ tạm trú", "giấy phép lao động", "iqama", "notice to appear", "deportation order",
        "removal order", "order of removal", "detention order",
        // Arabic, Urdu
        "جواز سفر", "جواز السفر", "تأشيرة", "تاشيرة", "إقامة", "تصريح عمل", "پاسپورٹ", "ویزا",
        // Hindi, Nepali, Bengali
        "पासपोर्ट", "वीज़ा", "राहदानी", "भिसा", "पारपत्र", "পাসপোর্ট", "ভিসা",
        // Tamil, Sinhala, Amharic
        "கடவுச்சீட்டு", "விசா", "ගමන් බලපත්", "වීසා", "ፓስፖርት", "ቪዛ",
        // Burmese, Khmer (no spaces between words: matched as substrings)
        "နိုင်ငံကူးလက်မှတ်", "ဗီဇာ", "លិខិតឆ្លងដែន", "ទិដ្ឋាការ",
    ])

    static let labels: [String] = foldAll([
        // nationality
        "nationality", "nationalité", "nacionalidad", "kewarganegaraan", "kebangsaan", "quốc tịch",
        "nasyonalidad", "uraia", "الجنسية", "राष्ट्रीयता", "জাতীয়তা",
        // names
        "surname", "given names", "given name", "prénoms", "apellidos", "nombres",
        // birth
        "date of birth", "date de naissance", "fecha de nacimiento", "tanggal lahir", "ngày sinh",
        "petsa ng kapanganakan", "place of birth", "lieu de naissance", "lugar de nacimiento",
        "tempat lahir", "nơi sinh", "تاريخ الميلاد", "जन्म तिथि",
        // issue and expiry
        "date of issue", "date de délivrance", "fecha de expedición", "fecha de emisión",
        "tanggal pengeluaran", "ngày cấp", "place of issue", "date of expiry", "date d'expiration",
        "expiry date", "fecha de caducidad", "fecha de vencimiento", "tanggal habis berlaku",
        "có giá trị đến", "valid until", "valid from", "تاريخ الانتهاء", "authority", "autorité",
        "autoridad", "issuing authority",
        // document-specific
        "passport no", "passport number", "no du passeport", "no. of passport", "country code",
        "code du pays", "number of entries", "no of entries", "duration of stay",
        "type of visa", "visa type", "holder's signature", "signature of bearer", "personal no",
        "sex", "sexe", "sexo", "jenis kelamin", "giới tính",
    ])

    // MARK: folding

    private static func foldAll(_ words: [String]) -> [String] {
        words.map { wordsJoined($0).trimmingSpaces() }
    }

    /// Folded scalars (`ScalarFolding`).
    static func folded(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap(ScalarFolding.fold)
    }

    /// Folded text as its words separated by single spaces, with a space at each end, so that
    /// `" " + needle + " "` finds whole words only.
    static func wordsJoined(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append(" ")
        var lastWasSpace = true
        for s in folded(text) {
            if isSeparator(s) {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(s)
                lastWasSpace = false
            }
        }
        if !lastWasSpace { out.append(" ") }
        return String(out)
    }

    /// White space and ASCII punctuation other than the apostrophe (which French labels keep).
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x27: return false
        case 0x00...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7F, 0xA0, 0x3000, 0x2000...0x200A, 0x2028, 0x2029,
             0x060C, 0x061B, 0x061F, 0x0964, 0x0965:
            return true
        default: return false
        }
    }

    /// Khmer and Burmese: words are not separated by spaces.
    static func isUnspacedScript(_ s: Unicode.Scalar) -> Bool {
        (0x1000...0x109F).contains(s.value) || (0x1780...0x17FF).contains(s.value)
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
