import Foundation
import HTTPTypes
import Hummingbird

extension Request {
    /// Whether the declared `Content-Type` is JSON in UTF-8: `application/json` or any `+json`
    /// type, with no charset or UTF-8. Everything else is refused before the body is read — text,
    /// multipart, XML, and since the security review of 2026-12 (F11) also no type at all and
    /// `application/x-www-form-urlencoded`: those two are what a page on another site can make a
    /// visitor's browser send without asking first (a CORS "simple" request), and this API never
    /// answers a browser's preflight. Clients send `-H 'Content-Type: application/json'` (curl), as
    /// the README shows.
    var declaresJSONBody: Bool {
        guard let declared = headers[.contentType] else { return false }
        let parts = declared.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type = parts.first, type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json")) else {
            return false
        }
        return parts.dropFirst().allSatisfy { parameter in
            guard parameter.hasPrefix("charset=") else { return true }
            let charset = parameter.dropFirst("charset=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return charset == "utf-8" || charset == "utf8"
        }
    }

    /// Whether a browser says this request comes from a page of another site: `Sec-Fetch-Site`
    /// other than `same-origin` or `none` (browsers set it and pages cannot forge it), or, from a
    /// browser that sends only `Origin`, an origin that names another host. Clients that are not
    /// browsers send neither header and are never refused here; `Origin: null` is left to the
    /// content-type rule. The reporter's pages apply the same rule to their forms
    /// (ReporterWeb's `RequestOrigin`).
    var comesFromAnotherSite: Bool {
        if let site = headers[Self.secFetchSite] {
            return site != "same-origin" && site != "none"
        }
        guard let origin = headers[.origin], origin != "null" else { return false }
        guard let authority = head.authority, let schemeEnd = origin.firstRange(of: "://") else { return true }
        return origin[schemeEnd.upperBound...].lowercased() != authority.lowercased()
    }

    private static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    /// The answer to a JSON POST that must not be served: another site's page (403), or a body
    /// not declared as JSON (415); nil when it may go on. Checked before anything else is done.
    var refusalOfJSONPost: Response? {
        if comesFromAnotherSite { return JSONResponse.crossSite() }
        if !declaresJSONBody { return JSONResponse.unsupportedMediaType() }
        return nil
    }
}

extension JSONResponse {
    static func unsupportedMediaType() -> Response {
        error(.unsupportedMediaType, code: "unsupported_media_type",
              message: "send the body as JSON in UTF-8 with Content-Type: application/json")
    }

    static func crossSite() -> Response {
        error(.forbidden, code: "cross_site",
              message: "this API does not answer requests made by pages of other sites")
    }
}
