import Guidance
import Store

extension TimelineCache.Entry {
    /// The heap an application record's strings hold.
    static func elementBytes(of record: ApplicationRecord) -> Int {
        MemoryEstimate.string(record.employer) + MemoryEstimate.string(record.position)
            + MemoryEstimate.string(record.route) + MemoryEstimate.string(record.status)
            + MemoryEstimate.string(record.notes)
    }

    /// The heap a contact record's strings hold; the contact's fact shares its name.
    static func elementBytes(of record: ContactRecord) -> Int {
        MemoryEstimate.string(record.name) + MemoryEstimate.string(record.title)
            + MemoryEstimate.string(record.organization) + MemoryEstimate.string(record.email)
            + MemoryEstimate.string(record.phone) + MemoryEstimate.string(record.role)
            + MemoryEstimate.string(record.notes)
    }

    /// The heap an event's strings and interviewer list hold; the event itself lies in the timeline's array,
    /// counted with it.
    static func elementBytes(of event: EventFact) -> Int {
        MemoryEstimate.string(event.channel) + MemoryEstimate.string(event.note)
            + MemoryEstimate.string(event.followUpChannel) + MemoryEstimate.array(event.interviewerIds)
    }
}

extension TimelineCache.Representation {
    /// The heap this representation holds: its body and its tag. The rest lies in the cache's slot.
    var estimatedBytes: Int {
        MemoryEstimate.array(body) + MemoryEstimate.string(etag)
    }
}
