/// A call that did not come to what the test needs to go on.
struct CallFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
