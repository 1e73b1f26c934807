/// What a message says, before a kind of channel puts it into its own request: a title, the text, whether it
/// tells of something overdue, the ntfy tags, and the one-tap links it carries.
struct MessageContent: Sendable, Equatable {
    /// A one-tap action link and the label of its button.
    struct Link: Sendable, Equatable {
        var label: String
        var url: String
    }

    var title: String
    var message: String
    /// An `agenda.item_overdue` message: a higher ntfy priority, an Apprise `warning`.
    var overdue: Bool
    /// ntfy tags: an emoji short code first (ntfy shows it before the title), then the agenda action.
    var tags: [String]
    /// The item's links in the order `done`, `snooze`, `replied`; empty for a digest or a test.
    var links: [Link]
}
