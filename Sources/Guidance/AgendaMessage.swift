/// The explanation of an agenda item, kept as facts and worded only when read: an agenda may hold tens of
/// thousands of items of which a client reads one page. Indirect, so that an item stays small to move and sort.
indirect enum AgendaMessage: Equatable, Sendable {
    case thankYou(Addressee, interview: LocalDate, AgendaSubject, AgendaDeadline)
    case debrief(Addressee, interview: LocalDate, AgendaSubject, AgendaDeadline)
    case recordDirections(interview: LocalDate, AgendaSubject, AgendaDeadline)
    /// `rule` is the rule that set the time; `anchor` the day of the event the wait runs from.
    case followUp(
        rule: RuleID, Addressee, channel: String, AgendaSubject, anchor: LocalDate, from: LocalDate)
    case touchBase(Addressee, last: LocalDate, from: LocalDate)
    /// A message given as text.
    case text(String)

    var text: String {
        String { write(to: &$0) }
    }

    /// Writes the message piece by piece: an agenda writes thousands of them straight into its response.
    func write<Target: MessageOutput & ~Copyable>(to target: inout Target) {
        switch self {
        case .thankYou(let person, let interview, let subject, let deadline):
            target.write(wording: "Send ")
            person.write(to: &target)
            target.write(wording: " a thank-you note for ")
            Self.aboutInterview(interview, subject, then: "; ", deadline, to: &target)
        case .debrief(let person, let interview, let subject, let deadline):
            target.write(wording: "Call ")
            person.write(to: &target)
            target.write(wording: " to talk over ")
            Self.aboutInterview(interview, subject, then: " and how to go on; ", deadline, to: &target)
        case .recordDirections(let interview, let subject, let deadline):
            target.write(wording: "Record what comes next after ")
            Self.aboutInterview(
                interview, subject,
                then: ": where they are in the process, their timeline, and when, with whom and how to follow up; ",
                deadline, to: &target)
        case .followUp(let rule, let person, let channel, let subject, let anchor, let from):
            target.write(wording: rule == .followUpGap ? "Follow up again with " : "Follow up with ")
            person.write(to: &target)
            target.write(wording: " by ")
            target.write(channel)
            target.write(wording: " about ")
            subject.write(to: &target)
            switch rule {
            case .followDirections:
                target.write(wording: ", as the directions of ")
                DateText.day(anchor, to: &target)
                target.write(wording: " asked, from ")
            case .followUpGap:
                target.write(wording: ": the follow-up of ")
                DateText.day(anchor, to: &target)
                target.write(wording: " is still unanswered, and the gap ends ")
            default:
                target.write(wording: ": the resume went out on ")
                DateText.day(anchor, to: &target)
                target.write(wording: ", and the wait ends ")
            }
            DateText.day(from, to: &target)
            target.write(wording: ".")
        case .touchBase(let person, let last, let from):
            target.write(wording: "Check in with ")
            person.write(to: &target)
            target.write(wording: " by phone: the last contact was on ")
            DateText.day(last, to: &target)
            target.write(wording: ", and a check-in fits from ")
            DateText.day(from, to: &target)
            target.write(wording: ".")
        case .text(let text):
            target.write(text)
        }
    }

    /// The end the interview messages share: "the interview of Fri 20 Nov 2026 about the Engineer position at
    /// Acme", what `then` adds, and the deadline.
    private static func aboutInterview<Target: MessageOutput & ~Copyable>(
        _ interview: LocalDate, _ subject: AgendaSubject, then: StaticString, _ deadline: AgendaDeadline,
        to target: inout Target
    ) {
        target.write(wording: "the interview of ")
        DateText.day(interview, to: &target)
        target.write(wording: " about ")
        subject.write(to: &target)
        target.write(wording: then)
        deadline.write(to: &target)
        target.write(wording: ".")
    }
}
