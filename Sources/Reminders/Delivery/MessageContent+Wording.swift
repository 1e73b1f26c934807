import Guidance
import JSON
import Store

/// The wording of each type of message, in the agenda's own words: who, what and by when, dates in the seeker's
/// zone.
extension MessageContent {
    /// What a message of `type` with the stored `data` says, its dates written by `dates`.
    init(type: DeliveryType, data: JSON, dates: MessageDate) throws(RenderError) {
        guard data.objectValue != nil else { throw .invalidData("the data is not an object") }
        switch type {
        case .itemDue, .itemOverdue:
            let item = try MessageItem(data)
            let overdue = type == .itemOverdue
            self.init(
                title: item.line(overdue: overdue, dates: dates),
                message: [item.message, item.contactLine].compactMap { $0 }.joined(separator: "\n"),
                overdue: overdue, tags: [overdue ? "warning" : "bell", item.action], links: item.links)
        case .digest:
            guard let dateText = data["date"]?.stringValue, let date = LocalDate(dateText) else {
                throw .invalidData("a digest has no valid \"date\"")
            }
            guard let objects = data["items"]?.arrayValue else { throw .invalidData("a digest has no \"items\"") }
            var items: [MessageItem] = []
            for object in objects {
                items.append(try MessageItem(object))
            }
            let overdue = items.filter(\.overdue).count
            var title = "\(items.count) \(items.count == 1 ? "reminder" : "reminders") for \(dates.day(date))"
            if overdue > 0 { title += " (\(overdue) overdue)" }
            let lines = items.map { "• " + $0.line(overdue: $0.overdue, dates: dates) }
            self.init(
                title: title, message: lines.isEmpty ? "Nothing is due." : lines.joined(separator: "\n"),
                overdue: false, tags: ["calendar"], links: [])
        case .channelTest:
            let name = data["name"]?.stringValue
            self.init(
                title: "NotAPest: test message" + (name.map { " to \($0)" } ?? ""),
                message: data["message"]?.stringValue ?? MessageContent.testText, overdue: false,
                tags: ["white_check_mark"], links: [])
        }
    }

    /// What a test message says.
    static let testText = "A test message from NotAPest."
}
