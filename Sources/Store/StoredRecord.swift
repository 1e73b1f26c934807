/// A stored row: what a client wrote, its `fields`, beside what only the store assigns (the id, the times, the
/// version). Each member of the fields reads and writes through the record as if it were the record's own
/// (`contact.name`, `event.kind`), so that the members are listed once, in the fields type.
@dynamicMemberLookup
public protocol StoredRecord {
    associatedtype Fields
    /// What a client wrote.
    var fields: Fields { get set }
}

extension StoredRecord {
    /// A member of `fields`. Inlinable, so that a caller in another module reaches the member as directly as a
    /// stored property rather than through a key path at run time. `_modify` yields the member in place: with a
    /// `set`, appending to an array member would copy the whole array first. A key path literal through it
    /// (`\.otherApplicationId` as a function) is not folded that way; spell it `\.fields.otherApplicationId`.
    @inlinable
    public subscript<Member>(dynamicMember member: WritableKeyPath<Fields, Member>) -> Member {
        get { fields[keyPath: member] }
        _modify { yield &fields[keyPath: member] }
    }
}
