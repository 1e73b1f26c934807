import Guidance

/// A set of agenda actions as bits, so that asking whether a channel carries an item's action hashes nothing.
struct ActionSet: Sendable, Equatable {
    private var bits: UInt8 = 0

    init() {}

    init(_ action: AgendaAction) {
        bits = 1 << Self.bit(action)
    }

    /// The actions named; names that are not agenda actions are left out.
    init(_ names: [String]) {
        for name in names {
            if let action = AgendaAction(rawValue: name) { bits |= 1 << Self.bit(action) }
        }
    }

    func union(_ other: ActionSet) -> ActionSet {
        var union = self
        union.bits |= other.bits
        return union
    }

    /// Whether every action of `other` is here.
    func contains(_ other: ActionSet) -> Bool {
        bits & other.bits == other.bits && other.bits != 0
    }

    private static func bit(_ action: AgendaAction) -> UInt8 {
        switch action {
        case .sendThankYou: 0
        case .debriefRecruiter: 1
        case .recordDirections: 2
        case .followUp: 3
        case .touchBase: 4
        }
    }
}
