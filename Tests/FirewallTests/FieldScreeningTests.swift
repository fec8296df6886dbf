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
    ]
    static let visibleNames = [
        "nombre_empleador", "gaji_bulanan", "employer_name", "EmployerName", "employer.address.district", "horas_por_dia",
        "sahod_kada_buwan", "الراتب_الشهري", "मासिक_तलब", "ค่าจ้างต่อเดือน", "월급", "rest_days_per_month",
        "passport_held_by", "paspor_ditahan", "employer_threatened_ice", "permiso_para_salir", "preferred_language",
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

    @Test("unknown names are dropped and counted")
    func unknown() {
        let r = firewall.screenFields(["zzz_qqq": "1", "employer": "Mr. Tan"])
        #expect(r.kept == ["employer": "Mr. Tan"])
        #expect(r.report.counts[.unlistedField] == 1)
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
