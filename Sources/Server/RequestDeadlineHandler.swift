import NIOCore
import NIOHTTPTypes

/// Closes a connection whose next request has not arrived in full within `limit` of the moment
/// the server started waiting for it (the connection opening, or the previous response ending).
///
/// Why: Hummingbird's idle timeout restarts on every body chunk and cannot see a request head that
/// is still being trickled in, so a client sending a byte every few seconds (slowloris) could hold a
/// connection — and a slot under the connection cap — forever. Here the clock runs from the start
/// of the request and is not reset by progress: head and body must both arrive within `limit`.
/// Time the server spends answering is not counted, and an idle keep-alive connection is closed
/// after `limit` as well. Nothing about the client is recorded.
///
/// A body earns time as it arrives: one second per `minimumRate` bytes, up to `cap` from the start of
/// the request (mod_reqtimeout's `MinRate`), so that a 10 MB photo on a slow phone network arrives
/// while a trickle does not: a byte a second earns half a millisecond a second.
///
/// A response sent before its request has fully arrived (a body over the limit gets its 400 after
/// 64 KiB) leaves the rest of the body unread; it is then read and thrown away here, within the same
/// deadline, so a client that writes its whole body before reading (urllib, many scripts) is not
/// left blocked until the deadline and does get its answer.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limit: TimeAmount
    private let minimumRate: Int
    private let cap: TimeAmount
    private var deadline: Scheduled<Void>?
    /// When the armed deadline falls, and when the request it guards began waiting.
    private var deadlineAt = NIODeadline.now()
    private var startedAt = NIODeadline.now()
    /// Body bytes received and not yet turned into time.
    private var credit = 0
    /// A request head has arrived and its end has not.
    private var reading = false
    /// A request has arrived in full and its response has not ended yet.
    private var answering = false
    /// The response to the request being read has already ended: discard the rest of its body.
    private var answeredEarly = false

    init(limit: TimeAmount, minimumRate: Int = 2048, cap: TimeAmount = .seconds(900)) {
        self.limit = limit
        self.minimumRate = max(1, minimumRate)
        self.cap = max(cap, limit)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            reading = true
        case .body(let buffer):
            if answeredEarly { return }  // nobody will read it: drop it and keep the socket flowing
            earn(buffer.readableBytes, context)
        case .end:
            reading = false
            if answeredEarly {
                answeredEarly = false
                disarm()
                arm(context)  // a fresh deadline for the next request
            } else {
                answering = true
                disarm()
            }
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.fireChannelReadComplete()
        if answeredEarly { context.read() }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            if answering {
                answering = false
                arm(context)
            } else if reading {
                answeredEarly = true
                context.read()
            }
        }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        startedAt = .now()
        credit = 0
        schedule(at: startedAt + limit, context)
    }

    private func schedule(at when: NIODeadline, _ context: ChannelHandlerContext) {
        deadlineAt = when
        deadline = context.eventLoop.assumeIsolated().scheduleTask(deadline: when) {
            context.close(promise: nil)
        }
    }

    /// Moves the deadline later by a second for every `minimumRate` body bytes, never past `cap`.
    private func earn(_ bytes: Int, _ context: ChannelHandlerContext) {
        guard deadline != nil else { return }
        credit += bytes
        let seconds = credit / minimumRate
        guard seconds > 0 else { return }
        credit -= seconds * minimumRate
        let later = min(deadlineAt + .seconds(Int64(seconds)), startedAt + cap)
        guard later > deadlineAt else { return }
        deadline?.cancel()
        schedule(at: later, context)
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}
