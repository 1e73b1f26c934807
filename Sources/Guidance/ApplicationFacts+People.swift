/// Who an event reaches, and how messages name people.
extension ApplicationFacts {
    /// The person an outbound event reaches. An event without a contact is taken to reach the usual recipient:
    /// the recruiter on recruiter routes, and on direct routes the employer (nil).
    func recipient(of contactId: Int?) -> Int? {
        contactId ?? (route.isRecruiterRoute ? recruiterId : nil)
    }

    /// Whether an event with this contact reaches the application's recruiter.
    func reachesRecruiter(_ contactId: Int?) -> Bool {
        guard let recruiterId else {
            return false
        }
        return recipient(of: contactId) == recruiterId
    }

    /// The employer's name for messages.
    var employerName: String {
        employer.isEmpty ? "the employer" : employer
    }

    /// "Dana Reyes (recruiter)", or "contact #7" when the contact is not among the facts.
    func label(ofContact id: Int) -> String {
        String { (contacts[id].map(Addressee.contact) ?? .unknown(id)).write(to: &$0) }
    }

    /// The name alone, for the second mention in a sentence.
    func name(ofContact id: Int) -> String {
        contacts[id]?.name ?? "contact #\(id)"
    }

    /// The recipient of an event as messages name it.
    func recipientLabel(of contactId: Int?) -> String {
        if let id = recipient(of: contactId) {
            return label(ofContact: id)
        }
        return employerName
    }
}
