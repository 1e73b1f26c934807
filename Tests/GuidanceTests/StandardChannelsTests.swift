import Foundation
import Testing

@testable import Guidance

/// `standard-channels`: outbound contact by letter, email or phone; interviews also in person or by video; an
/// unknown channel is a violation, while a malformed token or a non-standard directions channel is invalid input.
struct StandardChannelsTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let kind: EventKind
        let channel: String?
        let refused: Bool
    }

    @Test(arguments: [
        Row(testDescription: "follow-up by letter", kind: .followUp, channel: "letter", refused: false),
        Row(testDescription: "follow-up by email", kind: .followUp, channel: "email", refused: false),
        Row(testDescription: "follow-up by phone", kind: .followUp, channel: "phone", refused: false),
        Row(testDescription: "follow-up, channel unstated", kind: .followUp, channel: nil, refused: false),
        Row(testDescription: "flowers", kind: .followUp, channel: "flowers", refused: true),
        Row(testDescription: "balloons with the thank-you", kind: .thankYou, channel: "balloons", refused: true),
        Row(testDescription: "a singing telegram", kind: .touchBase, channel: "singing_telegram", refused: true),
        Row(testDescription: "candy with the resume", kind: .resumeSent, channel: "candy", refused: true),
        Row(testDescription: "turning up in person to follow up", kind: .followUp, channel: "in_person", refused: true),
        Row(testDescription: "interview in person", kind: .interview, channel: "in_person", refused: false),
        Row(testDescription: "interview by video", kind: .interview, channel: "video", refused: false),
        Row(testDescription: "interview by phone", kind: .interview, channel: "phone", refused: false),
        Row(testDescription: "interview by gift", kind: .interview, channel: "gift", refused: true),
        Row(testDescription: "their response came by text message", kind: .response, channel: "sms", refused: false),
    ])
    func channels(_ row: Row) {
        let facts = Fixture.application(.postedOpening)
        let proposal = Proposal(
            kind: row.kind, occurredAt: Fixture.utc(2026, 11, 20), contactId: 2, channel: row.channel,
            interviewerIds: row.kind == .interview ? [3] : [])
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.violations.map(\.rule) == (row.refused ? [.standardChannels] : []))
        if row.refused && row.kind != .interview {
            #expect(result.suggestion?.channel == "email")
            #expect(result.violations.first?.message.contains("letter, email or phone") == true)
        }
    }

    struct TokenRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let token: String
        let wellFormed: Bool
    }

    @Test(arguments: [
        TokenRow(testDescription: "email", token: "email", wellFormed: true),
        TokenRow(testDescription: "underscore", token: "singing_telegram", wellFormed: true),
        TokenRow(testDescription: "hyphen and digits", token: "x-400", wellFormed: true),
        TokenRow(testDescription: "40 characters", token: String(repeating: "a", count: 40), wellFormed: true),
        TokenRow(testDescription: "41 characters", token: String(repeating: "a", count: 41), wellFormed: false),
        TokenRow(testDescription: "uppercase", token: "Email", wellFormed: false),
        TokenRow(testDescription: "space", token: "e mail", wellFormed: false),
        TokenRow(testDescription: "leading digit", token: "1email", wellFormed: false),
        TokenRow(testDescription: "empty", token: "", wellFormed: false),
        TokenRow(testDescription: "non-ASCII letter", token: "émail", wellFormed: false),
    ])
    func tokens(_ row: TokenRow) {
        #expect(Channel.isWellFormed(row.token) == row.wellFormed)
    }

    struct InputRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let proposal: Proposal
        let error: ProposalInputError?
    }

    static let now = Fixture.utc(2026, 11, 20)

    @Test(arguments: [
        InputRow(
            testDescription: "a well-formed gimmick is left to the guidance",
            proposal: Proposal(kind: .followUp, occurredAt: now, channel: "balloons"), error: nil),
        InputRow(
            testDescription: "a malformed channel",
            proposal: Proposal(kind: .followUp, occurredAt: now, channel: "E-Mail"),
            error: .malformedChannel(field: "channel", value: "E-Mail")),
        InputRow(
            testDescription: "directions asking for phone",
            proposal: Proposal(kind: .directions, occurredAt: now, followUpChannel: "phone"), error: nil),
        InputRow(
            testDescription: "directions asking for video",
            proposal: Proposal(kind: .directions, occurredAt: now, followUpChannel: "video"),
            error: .directionsChannelNotStandard(value: "video")),
        InputRow(
            testDescription: "directions with a malformed channel",
            proposal: Proposal(kind: .directions, occurredAt: now, followUpChannel: "by phone"),
            error: .malformedChannel(field: "follow_up_channel", value: "by phone")),
    ])
    func inputValidation(_ row: InputRow) {
        do {
            try row.proposal.validateInput()
            #expect(row.error == nil)
        } catch {
            #expect(error == row.error)
            #expect(error.field == row.error?.field)
            #expect(error.isMalformed == (error.field == "channel" || row.testDescription.contains("malformed")))
        }
    }
}
