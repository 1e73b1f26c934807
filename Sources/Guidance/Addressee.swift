/// Whom an agenda message speaks of, kept as facts until the message is read.
enum Addressee: Equatable, Sendable {
    /// A known contact: "Dana Reyes (recruiter)".
    case contact(ContactFact)
    /// A contact id the facts did not describe: "contact #7".
    case unknown(Int)
    /// No person: the employer by name ("Acme", or "the employer").
    case employer(String)

    init(_ contactId: Int?, in facts: ApplicationFacts) {
        if let id = facts.recipient(of: contactId) {
            self = facts.contacts[id].map(Addressee.contact) ?? .unknown(id)
        } else {
            self = .employer(facts.employerName)
        }
    }

    func write<Target: MessageOutput & ~Copyable>(to target: inout Target) {
        switch self {
        case .contact(let contact):
            target.write(contact.name)
            target.write(wording: " (")
            target.write(contact.role.label)
            target.write(wording: ")")
        case .unknown(let id):
            target.write(wording: "contact #")
            target.write(String(id))
        case .employer(let name):
            target.write(name)
        }
    }
}
