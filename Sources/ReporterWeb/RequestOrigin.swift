import HTTPTypes

/// Whether a form submission came from these pages and not from a page on another site.
///
/// Browsers set `Sec-Fetch-Site` on every request and pages cannot forge it, so when it is there
/// it decides. Older browsers send only `Origin`, which must then name this host. Browsers send
/// `Origin: null` on same-origin posts when the referrer policy is `no-referrer` (ours), so `null`
/// and a missing header fall through to the form token alone.
///
/// Behind a reverse proxy, the proxy must pass the original `Host` (nginx: `proxy_set_header Host
/// $host`); onion services pass it unchanged (Docs/operations.md).
enum RequestOrigin {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!

    static func isSameSite(_ headers: HTTPFields, authority: String?) -> Bool {
        if let site = headers[secFetchSite] {
            return site == "same-origin" || site == "none"
        }
        guard let origin = headers[.origin], origin != "null" else { return true }
        guard let authority, let schemeEnd = origin.firstRange(of: "://") else { return false }
        return origin[schemeEnd.upperBound...].lowercased() == authority.lowercased()
    }
}
