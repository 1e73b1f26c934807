/// Every rule of the guidance, in the order the guidance lists them, explained in the project's own words.
public enum RuleCatalog {
    public static let rules: [RuleDescription] = [
        RuleDescription(
            .waitBeforeFollowUp,
            "Give a new resume time to be read: the first follow-up waits a set number of days, longer for an "
                + "unsolicited resume than for an answer to an advertised opening or a resume placed with a "
                + "recruiter."),
        RuleDescription(
            .followUpGap,
            "Space out follow-ups that get no reply; a second one close on the heels of the first adds pressure, "
                + "not information."),
        RuleDescription(
            .followUpLimit,
            "After a few follow-ups in a row with no reply, stop and wait. Any reply, set of directions, interview "
                + "or offer starts the count again."),
        RuleDescription(
            .throughTheRecruiter,
            "When a recruiter presented the candidacy, every contact about it goes through that recruiter, unless "
                + "the recruiter allowed direct contact or the latest directions named someone at the employer. "
                + "Thank-you notes to interviewers are the exception."),
        RuleDescription(
            .followDirections,
            "Once the employer or recruiter said when, with whom and how to follow up, do exactly that; their word "
                + "replaces the default waits."),
        RuleDescription(
            .noContactAfterPass,
            "After the employer passes, leave its people alone. A thank-you note to someone who interviewed the "
                + "seeker is still good form, and the recruiter is still there to talk to."),
        RuleDescription(
            .noPersuasionAfterPass,
            "After a pass, nobody should try to talk the employer round on the seeker's behalf; accept the "
                + "decision."),
        RuleDescription(
            .standardChannels,
            "Stick to letter, email or phone (interviews may also be in person or by video). Gifts and other "
                + "stunts make a candidate look desperate."),
        RuleDescription(
            .realOffersOnly,
            "Mention another offer only if it exists: the disclosure must name an application that holds an "
                + "offer."),
        RuleDescription(
            .discloseViaRoute,
            "Tell an employer about another offer directly only when the seeker approached that employer directly; "
                + "when a recruiter did, the recruiter passes the news on."),
        RuleDescription(
            .noPressureTactics,
            "Mentioning another offer once informs; mentioning it again looks like a ploy to hurry the employer, "
                + "which can end the candidacy."),
        RuleDescription(
            .referralBeforeDecision,
            "A good word from someone who knows the employer helps only before the decision; not once there is an "
                + "offer or the candidacy is over."),
        RuleDescription(
            .recruiterTouchBase,
            "While a recruiter has no search for the seeker, an occasional check-in keeps the seeker in mind; more "
                + "often than the interval is too often."),
        RuleDescription(
            .resumeResendNeedsUpdate,
            "The recruiter keeps the resume on file; send another copy only when something changed, and say what."),
        RuleDescription(
            .onFileRest,
            "Once the seeker asked to be kept on file, let that application rest; a new opening is a new "
                + "application."),
        RuleDescription(
            .thankYouPromptly,
            "After every interview, thank each interviewer right away, and within a day; it is good form even "
                + "after a pass."),
        RuleDescription(
            .debriefRecruiter,
            "When a recruiter arranged the interview, call the recruiter straight after it: the employer is "
                + "waiting for the recruiter's report."),
        RuleDescription(
            .recordDirections,
            "Leave every interview knowing the next step, the timeline, and when, with whom and how to follow up, "
                + "and write it down."),
    ]

    /// Every rule with the values its parameters have in these settings.
    public static func entries(settings: GuidanceSettings) -> [RuleEntry] {
        rules.map { RuleEntry($0, settings: settings) }
    }

    /// One rule's description.
    public static func description(of id: RuleID) -> RuleDescription? {
        rules.first { $0.id == id }
    }
}
