import Guidance
import Store

/// What the guidance said of a proposed event, and of which timeline, as the writer needs it to store the
/// event and extend the cached timeline afterwards.
struct JudgedEvent: Sendable {
    let result: CheckResult
    /// The cache's token for the timeline judged: the writer judges again if a write came between.
    let token: TimelineCache.Token
    let application: ApplicationRecord
    /// The timeline judged, when it is not the cached one as it stands (see `TimelineCache.Change.extended`).
    let whole: TimelineCache.Entry?

    /// The judgement `result` of `entry`, keeping the entry itself only if `whole`.
    init(_ result: CheckResult, _ entry: TimelineCache.Entry, whole: Bool) {
        self.result = result
        token = entry.token
        application = entry.application
        self.whole = whole ? entry : nil
    }
}
