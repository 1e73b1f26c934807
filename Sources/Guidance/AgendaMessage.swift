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
        switch self {
        case .thankYou(let person, let interview, let subject, let deadline):
            return """
                Send \(person.label) a thank-you note for the interview of \(DateText.day(interview)) about \
                \(subject.text); \(deadline.text).
                """
        case .debrief(let person, let interview, let subject, let deadline):
            return """
                Call \(person.label) to talk over the interview of \(DateText.day(interview)) about \
                \(subject.text) and how to go on; \(deadline.text).
                """
        case .recordDirections(let interview, let subject, let deadline):
            return """
                Record what comes next after the interview of \(DateText.day(interview)) about \(subject.text): \
                where they are in the process, their timeline, and when, with whom and how to follow up; \
                \(deadline.text).
                """
        case .followUp(let rule, let person, let channel, let subject, let anchor, let from):
            return followUpText(rule, person, channel, subject, anchor, from)
        case .touchBase(let person, let last, let from):
            return """
                Check in with \(person.label) by phone: the last contact was on \(DateText.day(last)), and a \
                check-in fits from \(DateText.day(from)).
                """
        case .text(let text):
            return text
        }
    }

    private func followUpText(
        _ rule: RuleID, _ person: Addressee, _ channel: String, _ subject: AgendaSubject, _ anchor: LocalDate,
        _ from: LocalDate
    ) -> String {
        switch rule {
        case .followDirections:
            return """
                Follow up with \(person.label) by \(channel) about \(subject.text), as the directions of \
                \(DateText.day(anchor)) asked, from \(DateText.day(from)).
                """
        case .followUpGap:
            return """
                Follow up again with \(person.label) by \(channel) about \(subject.text): the follow-up of \
                \(DateText.day(anchor)) is still unanswered, and the gap ends \(DateText.day(from)).
                """
        default:
            return """
                Follow up with \(person.label) by \(channel) about \(subject.text): the resume went out on \
                \(DateText.day(anchor)), and the wait ends \(DateText.day(from)).
                """
        }
    }
}
