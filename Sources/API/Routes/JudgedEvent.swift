import Guidance
import Store

/// What the guidance said of a proposed event, and against which timeline: the writer stores the event by it,
/// once it has confirmed that the judgement still holds, and the cache extends that timeline by the event.
struct JudgedEvent: Sendable {
    let result: CheckResult
    let application: ApplicationRecord
    let judgement: CacheWrite.Judgement
    /// The contacts, and the other application, that the judgement looked up beyond the cached timeline, with a
    /// reader, before the write's transaction began; none for a judgement made inside it.
    let learnedContacts: [Int64]
    let learnedOther: Int64?

    init(
        _ result: CheckResult, _ entry: TimelineCache.Entry, proposal: Proposal, whole: Bool,
        learned: (contacts: [Int64], other: Int64?) = ([], nil)
    ) {
        self.result = result
        application = entry.application
        judgement = CacheWrite.Judgement(entry, whole: whole, proposal: proposal)
        learnedContacts = learned.contacts
        learnedOther = learned.other
    }

    /// Whether what the judgement learned beyond the cached timeline is still what `transaction` sees. A write
    /// to a contact or to another application changes only the timelines that name it, which this one did not
    /// yet, so the cache cannot tell; a judgement that learned nothing costs nothing here.
    func learnedStillHolds(in transaction: WriteTransaction) throws -> Bool {
        guard !learnedContacts.isEmpty || learnedOther != nil, let judged = judgement.whole else { return true }
        if !learnedContacts.isEmpty {
            let current = try transaction.contacts(ids: learnedContacts)
            for id in learnedContacts where current[id] != judged.contacts[id] { return false }
        }
        if let other = learnedOther {
            let current = try transaction.statuses(ofApplications: [other])
            if current[other] != judged.statuses[other] { return false }
        }
        return true
    }
}
