/// A member a representation always has, whose value may be null: decoding fails when the member is missing,
/// so that `nil` means the body said `null`, as the contract's `required` lists and `type: [..., 'null']` say.
/// A plain optional would read a missing member as nil too.
@propertyWrapper
struct Nullable<Value: Decodable & Sendable & Equatable>: Decodable, Sendable, Equatable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}
