/// What an agenda item is about, kept as facts until the message is read.
struct AgendaSubject: Equatable, Sendable {
    let applicationId: Int
    let employer: String
    let position: String

    /// "the Engineer position at Acme", or as much of it as is known.
    var text: String {
        switch (position.isEmpty, employer.isEmpty) {
        case (false, false): return "the \(position) position at \(employer)"
        case (true, false): return "the application to \(employer)"
        case (false, true): return "the \(position) position"
        case (true, true): return "application \(applicationId)"
        }
    }
}
