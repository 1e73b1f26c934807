import Guidance
import JSON
import Store

extension TimelineCache {
    /// One application as the checks and reads need it. Its events are kept only as the guidance
    /// sees them (`facts`), which is all any reader of the cache uses, at a fraction of the memory.
    ///
    /// A value with its members in one shared box, copied on write: the cache, the judge of every new
    /// event and every read pass entries around, and each copy then costs one reference, not the
    /// retain of every member and a move of them all.
    struct Entry: Sendable {
        /// The members. Changed only through `Entry`'s mutating methods, and only while the entry
        /// being changed holds the sole reference (`isKnownUniquelyReferenced`): no other value, and
        /// so no other thread, can see a box change.
        private final class Box: @unchecked Sendable {
            let application: ApplicationRecord
            var contacts: [Int64: ContactRecord]
            var statuses: [Int64: String]
            var facts: ApplicationFacts
            let storedJSON: [UInt8]
            var token: Token
            /// The heap the members' elements hold (strings, events' own arrays): kept up to date by every
            /// change, so the entry's size is known without walking its events.
            var elementBytes: Int

            init(
                application: ApplicationRecord, contacts: [Int64: ContactRecord], statuses: [Int64: String],
                facts: ApplicationFacts, storedJSON: [UInt8], token: Token, elementBytes: Int
            ) {
                self.application = application
                self.contacts = contacts
                self.statuses = statuses
                self.facts = facts
                self.storedJSON = storedJSON
                self.token = token
                self.elementBytes = elementBytes
            }

            func copy() -> Box {
                Box(
                    application: application, contacts: contacts, statuses: statuses, facts: facts,
                    storedJSON: storedJSON, token: token, elementBytes: elementBytes)
            }
        }

        private var box: Box

        var application: ApplicationRecord { box.application }
        /// The contacts the application and its events refer to.
        var contacts: [Int64: ContactRecord] { box.contacts }
        /// Statuses of the other applications its offer disclosures name.
        var statuses: [Int64: String] { box.statuses }
        /// The timeline as the guidance sees it, converted once.
        var facts: ApplicationFacts { box.facts }
        /// The application's stored fields as JSON, without the closing brace: a GET appends what
        /// the guidance says as of the time asked about.
        var storedJSON: [UInt8] { box.storedJSON }
        var token: Token { box.token }

        /// The heap this entry holds, as `MemoryEstimate` counts it: the shared box, the buffers of its
        /// events, contacts and statuses by capacity, and every string and array their elements own. The
        /// facts' names share storage with the records they were made from and are counted once.
        var estimatedBytes: Int {
            let box = box
            let members = MemoryLayout<
                (ApplicationRecord, [Int64: ContactRecord], [Int64: String], ApplicationFacts, [UInt8], Token, Int)
            >.size
            return MemoryEstimate.allocation(MemoryEstimate.objectHeader + members) + box.elementBytes
                + MemoryEstimate.array(box.facts.events) + MemoryEstimate.dictionary(box.contacts)
                + MemoryEstimate.dictionary(box.statuses) + MemoryEstimate.dictionary(box.facts.contacts)
                + MemoryEstimate.dictionary(box.facts.otherApplicationStatuses)
        }

        init(timeline: ApplicationTimeline, statuses: [Int64: String], token: Token) throws {
            var bytes: [UInt8] = []
            JSON.object(ApplicationRoutes.baseJSON(timeline.application)).write(into: &bytes)
            bytes.removeLast()
            let facts = try Facts.application(timeline, statuses: statuses)
            var elements = Self.elementBytes(of: timeline.application) + MemoryEstimate.array(bytes)
            for event in facts.events { elements += Self.elementBytes(of: event) }
            for record in timeline.contacts.values { elements += Self.elementBytes(of: record) }
            for text in statuses.values { elements += MemoryEstimate.string(text) }
            box = Box(
                application: timeline.application, contacts: timeline.contacts, statuses: statuses, facts: facts,
                storedJSON: bytes, token: token, elementBytes: elements)
        }

        /// Makes the box this entry's own before a change.
        private mutating func own() {
            if !isKnownUniquelyReferenced(&box) {
                box = box.copy()
            }
        }

        /// Adds one more event, converted alone rather than the whole timeline again, and takes the token
        /// of the write that added it. In place when no other entry shares this one's members.
        mutating func record(_ event: EventFact, as token: Token) {
            own()
            box.facts.record(event)
            box.elementBytes += Self.elementBytes(of: event)
            box.token = token
        }

        /// This entry knowing more contacts and other applications' statuses, which a proposal named.
        func knowing(contacts more: [Int64: ContactRecord], statuses moreStatuses: [Int64: String]) -> Entry {
            var entry = self
            entry.own()
            let box = entry.box
            for (id, record) in more where box.contacts[id] == nil {
                box.contacts[id] = record
                box.facts.contacts[Int(id)] = Facts.contact(record)
                box.elementBytes += Self.elementBytes(of: record)
            }
            for (id, text) in moreStatuses where box.statuses[id] == nil {
                box.statuses[id] = text
                box.elementBytes += MemoryEstimate.string(text)
                if let status = ApplicationStatus(rawValue: text) {
                    box.facts.otherApplicationStatuses[Int(id)] = status
                }
            }
            return entry
        }
    }
}
