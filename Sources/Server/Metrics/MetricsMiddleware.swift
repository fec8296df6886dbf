import HTTPTypes
import Hummingbird

/// Times and counts every request that reached one of the daemon's routes, labelled only with the
/// route pattern the router matched, the method and the status (`DaemonMetrics`).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: DaemonMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        do {
            let response = try await next(request, context)
            metrics.record(route: route, method: method, status: response.status.code, seconds: Self.seconds(since: start))
            return response
        } catch let error as any HTTPResponseError {
            metrics.record(route: route, method: method, status: error.status.code, seconds: Self.seconds(since: start))
            throw error
        } catch {
            metrics.record(route: route, method: method, status: 500, seconds: Self.seconds(since: start))
            throw error
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
