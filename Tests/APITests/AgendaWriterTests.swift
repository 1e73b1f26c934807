import Foundation
import Guidance
import JSON
import Testing
import Time

@testable import API

/// The agenda's streaming writer produces exactly the bytes of the JSON-tree encoding.
@Suite struct AgendaWriterTests {
    static let items: [AgendaItem] = [
        AgendaItem(
            applicationId: 3, action: .sendThankYou, rule: .thankYouPromptly, contactId: 7, channel: "email",
            dueFrom: Instant(millis: 1_793_611_800_000), dueBy: Instant(millis: 1_793_698_200_500),
            overdue: true, message: "Thank \"Sam\" — today\nplease", sourceEventId: 9),
        AgendaItem(
            applicationId: 12, action: .followUp, rule: .waitBeforeFollowUp, contactId: nil, channel: nil,
            dueFrom: Instant(millis: 0), dueBy: nil, overdue: false, message: "", sourceEventId: nil),
        // Longer than the writer's first buffer, with every kind of escape on the way.
        AgendaItem(
            applicationId: 40, action: .touchBase, rule: .recruiterTouchBase, contactId: 1, channel: "phone",
            dueFrom: Instant(millis: 1_800_000_000_000), dueBy: nil, overdue: false,
            message: String(repeating: "line\u{2028}para\u{2029}bell\u{7}tab\t\\ ellipsis\u{2026}", count: 200),
            sourceEventId: 2),
    ]

    @Test(arguments: [0, 1, 2, 3])
    func streamingMatchesTheTree(_ count: Int) {
        let items = Array(Self.items.prefix(count))
        let tree: JSON = [
            "as_of": JSON("2026-11-02T09:30:00Z"), "horizon_days": JSON(14),
            "items": .array(items.map(GuidanceJSON.agendaItem)),
        ]
        var expected: [UInt8] = []
        tree.write(into: &expected)
        let streamed = AgendaWriter.agenda(items, asOf: Instant(millis: 1_793_611_800_000), horizonDays: 14)
        #expect(String(decoding: streamed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }
}
