import HTTP
import Synchronization
import Testing

@testable import API

/// How a write's answer reaches its event loop. The writer thread calls `deliver` from its completion; the
/// cache's rule is that what a commit extends is extended on the event loop, so `before` (the extension) must
/// never run inside `deliver`, whether the response was left for the loop to compose or composed already
/// because an idempotency key keeps it.
struct WrittenDeliveryTests {
    enum Source: String, CaseIterable {
        /// Left for the loop to compose (a request without an idempotency key).
        case composedOnTheLoop
        /// Composed in the transaction, so that its key could keep it.
        case composedForAnIdempotencyKey
    }

    /// What the loop is handed, and what `before` did meanwhile.
    final class Loop: Sendable {
        let completions = Mutex<[Responder.Completion]>([])
        let ranBefore = Atomic<Int>(0)

        var responder: Responder {
            Responder { completion in self.completions.withLock { $0.append(completion) } }
        }
    }

    static func written(_ source: Source) -> APIContext.Written {
        let written = APIContext.Written(building: { Response(status: 201) })
        return source == .composedOnTheLoop ? written : written.composed()
    }

    @Test(arguments: Source.allCases)
    func theCacheIsExtendedOnTheLoopNotByTheWriter(_ source: Source) throws {
        let loop = Loop()
        Self.written(source).deliver(to: loop.responder) { loop.ranBefore.add(1, ordering: .relaxed) }
        #expect(loop.ranBefore.load(ordering: .relaxed) == 0, "the extension ran on the thread that delivered")
        let completions = loop.completions.withLock { $0 }
        guard completions.count == 1, case .build(let build) = completions[0] else {
            Issue.record("the loop was not handed a response to build: \(completions)")
            return
        }
        // What the loop does when it takes the completion: the extension, then the response.
        let response = try build()
        #expect(loop.ranBefore.load(ordering: .relaxed) == 1)
        #expect(response.status == 201)
    }

    @Test("with nothing to extend, a composed response is handed over as it is")
    func nothingToExtend() {
        let loop = Loop()
        Self.written(.composedForAnIdempotencyKey).deliver(to: loop.responder, before: nil)
        let completions = loop.completions.withLock { $0 }
        guard completions.count == 1, case .success(let response) = completions[0] else {
            Issue.record("expected the response itself: \(completions)")
            return
        }
        #expect(response.status == 201)
    }
}
