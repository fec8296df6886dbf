import Envelope
import HTTPTypes
import Hummingbird
import InspectorClient
import Sodium

/// The case list, the case page and the case-work actions. Every read and every change goes
/// through `AgencyClient`: it proves each release against the signed log before decrypting, and
/// does all signing, wrapping and sealing on this machine.
struct CaseRoutes: Sendable {
    let client: AgencyClient
    let signer: Signer
    let session: UISession
    /// Runs after the first case opened and verified (pins the audit log key on first use).
    let afterFirstOpen: RunOnce
    /// Past its deadline (`InspectorUIServer.isOverdue`).
    let isOverdue: @Sendable (AgencyClient.CaseSummary) -> Bool
    /// What this machine remembers of the cases (`KEYFILE.cases`, shared with the CLI); nil: none.
    let caseIndex: CaseIndexStore?

    /// Every page is under the session's secret path, `/s/PATH_SECRET/`; `RequestGuard` lets a
    /// request reach these routes only when the path secret and the cookie are the session's.
    func add(to router: Router<BasicRequestContext>) {
        router.get("/s/:session/") { request, _ in
            // Read here, never sent on: the search and the filters are worked out on this machine.
            await list(CaseListPage.Query(FormFields(body: request.uri.query ?? "") ?? FormFields(body: "")!))
        }
        router.get("/s/:session/cases/:id") { _, context in
            guard let id = context.parameters.get("id").flatMap(CaseID.init) else { throw HTTPError(.notFound) }
            return await casePage(id, notice: session.takeNotice())
        }
        router.get("/s/:session/cases/:id/attachments/:number") { request, context in
            guard let id = context.parameters.get("id").flatMap(CaseID.init),
                  let number = context.parameters.get("number").flatMap(Int.init) else { throw HTTPError(.notFound) }
            return await attachment(number, of: id, download: request.uri.queryParameters["download"] != nil)
        }
        router.post("/s/:session/cases/:id/export/:format") { _, context in
            guard let id = context.parameters.get("id").flatMap(CaseID.init),
                  let format = context.parameters.get("format").flatMap(CaseExport.Format.init) else { throw HTTPError(.notFound) }
            return await export(id, as: format)
        }
        router.post("/s/:session/cases/:id/:action") { request, context in
            guard let id = context.parameters.get("id").flatMap(CaseID.init),
                  let name = context.parameters.get("action"), CaseAction.names.contains(name) else { throw HTTPError(.notFound) }
            var request = request
            let body = try await request.collectBody(upTo: RequestGuard<BasicRequestContext>.maxFormBytes)
            guard let form = FormFields(body: String(buffer: body)) else { throw HTTPError(.badRequest) }
            return await act(name, form, on: id)
        }
    }

    /// The session's paths; the guard has checked the session exists before any route runs.
    private var paths: UIPaths {
        session.paths ?? UIPaths(base: UISession.pathPrefix)
    }

    private func list(_ query: CaseListPage.Query) async -> Response {
        let cases: [AgencyClient.CaseSummary]
        var local = CaseListPage.Local()
        do {
            cases = try await client.cases()
            (local.index, local.unindexed) = try await indexed(cases)
        } catch {
            let failure = Failure.notice(error)
            return HTMLResponse.make(.badGateway, Layout.message(title: "Cannot list your cases", signer: signer, home: paths.home, failure.text, hint: failure.hint, back: nil))
        }
        local.overdue = Set(cases.filter(isOverdue).map(\.caseID))
        return HTMLResponse.make(.ok, CaseListPage.render(cases, query: query, local: local, signer: signer, paths: paths, notice: session.takeNotice()))
    }

    /// The case index brought up to the list, as `inspector cases` does: each case this machine
    /// has never opened is opened once (a logged release, like any opening) and remembered;
    /// cases gone from the list are forgotten. A case that does not open is left out (counted)
    /// and tried again at the next listing.
    private func indexed(_ cases: [AgencyClient.CaseSummary]) async throws -> (CaseIndex?, Int) {
        guard let caseIndex else { return (nil, 0) }
        var opened: [OpenedCase] = []
        var failed = 0
        for id in try caseIndex.read().unknown(among: cases) {
            do {
                opened.append(try await client.openFull(id))
                try afterFirstOpen.run()
            } catch {
                failed += 1
            }
        }
        let index = try caseIndex.update { index in
            for item in opened { index.record(item, answersRead: 0) }
            index.keepOnly(cases)
            return index
        }
        return (index, failed)
    }

    private func casePage(_ id: CaseID, notice: Notice?, draft: CaseForms.Draft = .init(), status: HTTPResponse.Status = .ok) async -> Response {
        let sheet: CaseSheet
        do {
            let opened = try await client.openFull(id)
            try afterFirstOpen.run()
            // Shown, so her answers are read; its text is searched as it is now. An index that
            // cannot be written does not keep the case from being read (the list says why).
            try? caseIndex?.update { $0.record(opened, answersRead: opened.answers.count) }
            sheet = CaseSheet(opened, directory: try await client.directory())
        } catch {
            let failure = Failure.notice(error)
            let earlier: HTML = notice.map(Layout.render) ?? .empty
            let hint: HTML = failure.hint.map { hint -> HTML in #"<p class="hint">\#(hint)</p>"# } ?? .empty
            return HTMLResponse.make(.badGateway, Layout.page(title: "Cannot open this case", signer: signer, home: paths.home, """
                \(earlier)<h1>Cannot open this case</h1><p>\(failure.text)</p>\(hint)<p><a href="\(paths.home)">All cases</a></p>
                """))
        }
        return HTMLResponse.make(status, CasePage.render(sheet, signer: signer, paths: paths, csrf: session.csrfToken, notice: notice, draft: draft))
    }

    /// One attachment, decrypted here: images inline (for the case page's `<img>`), PDFs and any
    /// `?download` as a file named by its id. Opening the case again logs the release, like any
    /// opening.
    private func attachment(_ number: Int, of id: CaseID, download: Bool) async -> Response {
        do {
            let opened = try await client.openFull(id)
            let entries = opened.allAttachments
            guard number >= 1, number <= entries.count else {
                return Refusal.response(.notFound, "This case has no attachment \(number).")
            }
            let entry = entries[number - 1]
            let bytes = try await client.attachment(entry, of: opened.view)
            // Only the types the reader writes are served as themselves (and images only inline):
            // anything else, whatever the view says, is a download of opaque bytes.
            let type = ["image/jpeg", "image/png", "application/pdf"].contains(entry.mediaType) ? entry.mediaType : "application/octet-stream"
            let inline = !download && type.hasPrefix("image/")
            let disposition = inline ? "inline" : "attachment; filename=\"\(entry.fileName)\""
            return Response(status: .ok, headers: [.contentType: type, .contentDisposition: disposition],
                            body: .init(byteBuffer: bytes.withUnsafeBytes { ByteBuffer(bytes: $0) }))
        } catch {
            let failure = Failure.notice(error)
            return Refusal.response(.badGateway, failure.text)
        }
    }

    /// The case exported here (issue 19 #4), logged on the server first: JSON and CSV as files,
    /// the print view as a page to print.
    private func export(_ id: CaseID, as format: CaseExport.Format) async -> Response {
        do {
            let filedDay = try await client.cases().first { $0.caseID == id }?.day ?? ""
            let opened = try await client.openFull(id)
            try await client.recordExport(id, format: format)
            let text = CaseExport.render([(opened, filedDay)], as: format, exportedDay: CaseExport.today())
            var headers: HTTPFields = [.contentType: CaseExport.mediaType(format)]
            if format == .print {
                headers[.contentSecurityPolicy] = CaseExport.printPolicy
            } else {
                headers[.contentDisposition] = "attachment; filename=\"case-\(id.rawValue.prefix(8)).\(format == .csv ? "csv" : "jsonl")\""
            }
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        } catch {
            session.post(Notice(.failed, "The case was not exported: \(Failure.notice(error).text)"))
            return HTMLResponse.redirect(to: paths.casePage(id.rawValue))
        }
    }

    /// Carries out an action; on success back to the case page (post/redirect/get), on failure the
    /// case page again with the reason and what was typed.
    private func act(_ name: String, _ form: FormFields, on id: CaseID) async -> Response {
        let action: CaseAction
        switch CaseAction.parse(name, form) {
        case .success(let parsed): action = parsed
        case .failure(let notice): return await casePage(id, notice: notice, draft: CaseAction.draft(name, form), status: .badRequest)
        }
        do {
            try await action.perform(with: client, on: id)
        } catch {
            return await casePage(id, notice: Failure.notice(error), draft: CaseAction.draft(name, form), status: .unprocessableContent)
        }
        session.post(Notice(.done, action.done))
        return HTMLResponse.redirect(to: paths.casePage(id.rawValue))
    }
}
