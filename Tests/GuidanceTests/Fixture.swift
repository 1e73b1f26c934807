import Foundation
import Time

@testable import Guidance

/// The people and helpers the guidance tests share.
enum Fixture {
    static let dana = ContactFact(id: 1, name: "Dana Reyes", role: .recruiter)
    static let sam = ContactFact(id: 2, name: "Sam Lee", role: .hiringManager)
    static let kim = ContactFact(id: 3, name: "Kim Park", role: .interviewer)
    static let alex = ContactFact(id: 4, name: "Alex Moreau", role: .interviewer)
    static let robin = ContactFact(id: 5, name: "Robin Hale", role: .referral)
    static let contacts: [Int: ContactFact] = [1: dana, 2: sam, 3: kim, 4: alex, 5: robin]

    static let engine = GuidanceEngine()

    /// An instant given by its UTC wall-clock reading, computed by Foundation's calendar (independently of the
    /// arithmetic under test).
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
        local("UTC", year, month, day, hour, minute)
    }

    /// An instant given by its wall-clock reading in a zone.
    static func local(
        _ zone: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0
    ) -> Instant {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = GuidanceTimeZone.named(zone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        return instant(calendar.date(from: components) ?? .distantPast)
    }

    /// The instant of a Foundation `Date`, to the millisecond.
    static func instant(_ date: Date) -> Instant {
        Instant(millis: Int64((date.timeIntervalSince1970 * 1000).rounded(.down)))
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(uncheckedYear: year, month: month, day: day)
    }

    /// An application of the fixture's people; recruiter routes have Dana Reyes as recruiter.
    static func application(
        _ route: Route, status: ApplicationStatus = .active, id: Int = 10, direct: Bool = false,
        others: [Int: ApplicationStatus] = [:], _ events: [EventFact] = []
    ) -> ApplicationFacts {
        ApplicationFacts(
            id: id, employer: "Acme", position: "Engineer", route: route, status: status,
            recruiterId: route.isRecruiterRoute ? 1 : nil, directContactPermitted: direct, events: events,
            contacts: contacts, otherApplicationStatuses: others)
    }

    /// A timeline from event kinds and instants, ids counting up from 100.
    static func events(_ entries: [(EventKind, Instant)], contact: Int? = nil) -> [EventFact] {
        entries.enumerated().map { index, entry in
            EventFact(id: 100 + index, kind: entry.0, occurredAt: entry.1, contactId: contact)
        }
    }

    static func followUp(at date: Instant, to contact: Int? = nil, by channel: String? = nil) -> Proposal {
        Proposal(kind: .followUp, occurredAt: date, contactId: contact, channel: channel)
    }
}
