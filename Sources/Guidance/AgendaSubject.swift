/// What an agenda item is about, kept as facts until the message is read.
struct AgendaSubject: Equatable, Sendable {
    let applicationId: Int
    let employer: String
    let position: String

    /// "the Engineer position at Acme", or as much of it as is known.
    func write<Target: MessageOutput & ~Copyable>(to target: inout Target) {
        switch (position.isEmpty, employer.isEmpty) {
        case (false, false):
            target.write(wording: "the ")
            target.write(position)
            target.write(wording: " position at ")
            target.write(employer)
        case (true, false):
            target.write(wording: "the application to ")
            target.write(employer)
        case (false, true):
            target.write(wording: "the ")
            target.write(position)
            target.write(wording: " position")
        case (true, true):
            target.write(wording: "application ")
            target.write(String(applicationId))
        }
    }
}
