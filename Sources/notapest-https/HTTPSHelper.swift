import Glibc
import Outgoing
import Synchronization
import System

/// The work of the HTTPS helper process, `notapest-https` (docs/REMINDERS.md "HTTPS"): the service hands it the
/// requests for `https://` receivers over a socket, and it sends each through `URLSessionClient`, on a thread of
/// its own, and writes back what came of it. Keeping libcurl and the TLS libraries in this process keeps them
/// out of the serving one, which maps none of them until a reminder goes to an `https://` receiver.
///
/// It ends at the end of its input, without waiting for the requests in flight: either the service let it go
/// because nothing was in flight, or the service is gone, and then nobody waits for the answers (the outbox
/// sends whatever had no recorded outcome again, under the same `webhook-id`).
public enum HTTPSHelper {
    /// How many requests are sent at once; a request beyond them waits to be read. The service's sender
    /// bounds its deliveries in flight well below this.
    public static let concurrencyLimit = 64

    /// Serves the requests that arrive on `socket` until it ends; what it returns is the process's exit status.
    public static func run(socket: Int32, client: any HTTPClient) -> Int32 {
        let inFlight = ConditionLock(0)
        let output = Mutex(())
        var reader = FrameReader(socket: socket)
        do {
            while true {
                guard let payload = try reader.buffered() else {
                    if try reader.fill() { continue }
                    return 0
                }
                let request = try HelperWire.request(from: payload)
                inFlight.wait(until: { $0 < concurrencyLimit }) { $0 += 1 }
                try SystemThread.spawnDetached(named: "np-https") {
                    let attempt = client.send(request.request, timeout: .milliseconds(request.timeoutMillis))
                    let frame = HelperWire.frame(id: request.id, attempt: attempt)
                    let written = output.withLock { _ in HelperWire.write(frame, to: socket) }
                    inFlight.withLockThenWake { $0 -= 1 }
                    // The service is gone: nothing is left to do.
                    if !written { exit(0) }
                }
            }
        } catch {
            StandardError.write("notapest-https: \(error)")
            return 2
        }
    }
}
