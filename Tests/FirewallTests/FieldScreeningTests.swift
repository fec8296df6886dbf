import Testing
import Firewall

/// Field names from issue 3 and beyond: status names never pass under any spelling; legitimate
/// fields under unfamiliar names reach their agency-visible category; unknown names are dropped.
@Suite("Structured fields")
struct FieldScreeningTests {
    let firewall = Firewall(policy: .makeDefault())

    static let statusNames = [
        "visa_status", "numeroPasaporte", "no_paspor", "statut_sejour", "worker.immigration.status", "Visa Status",
        "VISA-STATUS", "visaStatus", "iqamaNumber", "رقم_الإقامة", "भिसा स्थिति", "เลขหนังสือเดินทาง", "외국인등록번호",
        "estado_migratório", "permesso_di_soggiorno", "HKID No.", "FIN", "a_number", "asylum_case", "deportation_history",
        "entry_route", "huroob_status", "passport_no", "Residence Permit Expiry", "arrival_date", "ইকামা নম্বর",
        // After set s (2026-12-07): entry dates, a UK leave, a Thai card type.
        "Ngày nhập cảnh", "入境日期", "fechaEntrada", "Fecha de llegada", "Leave Expiry", "Home Office Status", "ประเภทบัตร",
    ]
    static let visibleNames = [
        "nombre_empleador", "gaji_bulanan", "employer_name", "EmployerName", "employer.address.district", "horas_por_dia",
        "sahod_kada_buwan", "الراتب_الشهري", "मासिक_तलब", "ค่าจ้างต่อเดือน", "월급", "rest_days_per_month",
        "passport_held_by", "paspor_ditahan", "employer_threatened_ice", "permiso_para_salir", "preferred_language",
        "passeport_détenu_par", "ගමන් බලපත්‍රය තබාගෙන සිටින්නේ",
    ]

    @Test("status names never pass", arguments: statusNames)
    func statusName(_ name: String) {
        let r = firewall.screenFields([name: "x"])
        #expect(r.kept.isEmpty)
        #expect(r.report.counts[.statusField] == 1)
    }

    @Test("legitimate fields under unfamiliar names are kept verbatim", arguments: visibleNames)
    func visibleName(_ name: String) {
        let r = firewall.screenFields([name: "Mrs. Lim, 450 SGD"])
        #expect(r.kept == [name: "Mrs. Lim, 450 SGD"])
    }

    @Test("a name no stem knows is judged by its value: kept when it says nothing about status")
    func unknownClean() {
        let fields = ["月薪": "HK$4,000", "thanh_pho": "Hà Nội", "sahar": "Riyadh", "employer": "Mr. Tan"]
        let r = firewall.screenFields(fields)
        #expect(r.kept == fields)
        #expect(r.report.total == 0)
    }

    @Test("a name no stem knows is dropped when its value discloses or is numbered like a document", arguments: [
        "overstayed since 2022", "G7734102K", "E 4471 9203", "A215-448-907", "784-1983-5521904-2",
        "准证过期两年", "my viza expaired", "C 5512873",
    ])
    func unknownDisclosing(_ value: String) {
        let r = firewall.screenFields(["qita": value, "employer": "Mr. Tan"])
        #expect(r.kept == ["employer": "Mr. Tan"])
        #expect(r.report.total == 1)
    }

    @Test("the review's field names: a name that discloses drops its field, whatever else it says", arguments: [
        "employer_knows_i_have_no_papers", "passport_kept_by_employer_i_overstayed_my_visa",
        "wages_withheld_since_my_visa_expired",
        "Has your employer threatened to call immigration because you are undocumented?",
        "notes_im_ilegal_now", "remarks (my vissa expird)",
    ])
    func disclosingName(_ name: String) {
        let r = firewall.screenFields([name: "yes", "employer": "Mr. Tan"])
        #expect(r.kept == ["employer": "Mr. Tan"])
        #expect(r.report.counts[.statusField] == 1)
    }

    @Test("a document field answered with who holds it is confiscation; a passport number under a listed name goes")
    func custodyAnswerAndNumberedReference() {
        let r = firewall.screenFields([
            "pasaporte": "kinuha ni amo", "passport": "expired", "Reference": "G5044719N",
            "employer_hkid": "A123456(3)", "Case ID": "LB-2024-0317", "phone": "+852 5000 1234",
        ])
        #expect(r.kept == ["pasaporte": "kinuha ni amo", "employer_hkid": "A123456(3)", "Case ID": "LB-2024-0317",
                           "phone": "+852 5000 1234"])
    }

    @Test("a kept field whose value discloses status is dropped whole")
    func valueScreened() {
        let r = firewall.screenFields(["notes": "overstayed since 2022", "remarks": "passport kept by agency"])
        #expect(r.kept == ["remarks": "passport kept by agency"])
        #expect(r.report.counts[.statusField] == 1)
    }

    @Test("screen merges field and narrative reports")
    func merged() {
        let c = firewall.screen(language: "en", fields: ["visa_status": "expired", "employer": "Mrs. Tan"],
                                narrative: "I am undocumented. Madam does not pay me.")
        #expect(c.fields == ["employer": "Mrs. Tan"])
        #expect(c.narrative == "\(Firewall.marker). Madam does not pay me.")
        #expect(c.report.total == 2)
        #expect(c.language == "en")
    }
}
