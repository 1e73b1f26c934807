/// Checks on a proposal that are input validation rather than guidance.
extension Proposal {
    /// Throws the first input fault: a malformed `channel` or `follow_up_channel`, or directions asking for
    /// follow-up by anything but `letter`, `email` or `phone` (docs/GUIDANCE.md, Channels). An unusual but
    /// well-formed `channel` is left to `standard-channels`.
    public func validateInput() throws(ProposalInputError) {
        if let channel, !Channel.isWellFormed(channel) {
            throw .malformedChannel(field: "channel", value: channel)
        }
        if let followUpChannel {
            guard Channel.isWellFormed(followUpChannel) else {
                throw .malformedChannel(field: "follow_up_channel", value: followUpChannel)
            }
            if kind == .directions && !Channel.standard.contains(followUpChannel) {
                throw .directionsChannelNotStandard(value: followUpChannel)
            }
        }
    }
}
