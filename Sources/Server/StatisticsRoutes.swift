import Foundation
import HTTPTypes
import Hummingbird
import Intake
import ReporterGuards
import Statistics

/// The public statistics (issue 21, Docs/statistics.md): `GET /stats`, a page with charts drawn on
/// the server (SVG, no JavaScript), and the releases for statistics offices as JSON
/// (`/v1/stats/releases`) and CSV (`/v1/stats/releases.csv`). Only signed releases are served,
/// each checked against the log key; the tallies behind them never leave the store.
///
/// They read the store on the worker threads intake needs, so they share the audit routes' cap.
struct StatisticsRoutes: Sendable {
    let statistics: StatisticsService
    let work: BlockingWork
    let abuse: AbuseGuard

    func add(to router: Router<BasicRequestContext>) {
        router.get("/stats") { _, _ in
            await capped {
                let releases = try await work.run { [statistics] in try statistics.releases().map(\.release) }
                return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: StatisticsPage(releases: releases).html)))
            }
        }
        router.get("/stats/style.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(string: StatisticsPage.stylesheet)))
        }
        router.get("/v1/stats/releases") { _, _ in
            await capped {
                let releases = try await work.run { [statistics] in try statistics.releases() }
                return JSONResponse.make(.ok, ["releases": releases.map { entry -> [String: Any] in
                    var object = entry.release.jsonObject
                    object["signed_note"] = entry.note
                    return object
                }])
            }
        }
        router.get("/v1/stats/releases.csv") { _, _ in
            await capped {
                let releases = try await work.run { [statistics] in try statistics.releases().map(\.release) }
                return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8; header=present",
                                                       .contentDisposition: "attachment; filename=\"safeintake-statistics.csv\""],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: StatisticsRelease.csv(releases))))
            }
        }
    }

    /// Runs `body` under the audit cap, or answers 429 with `Retry-After`; a failure answers 500
    /// with the one error shape, naming nothing.
    private func capped(_ body: () async throws -> Response) async -> Response {
        if let refusal = await abuse.auditRefusal() { return refusal }
        guard await abuse.auditSlots.acquire() else { return JSONResponse.rateLimited(retryAfter: 1) }
        defer { abuse.auditSlots.release() }
        do {
            return try await body()
        } catch {
            return JSONResponse.error(.internalServerError, code: "internal", message: "the statistics could not be read")
        }
    }
}
