/// A JSON value (RFC 8259 §3) that keeps each number's literal kind and each object's member order.
///
/// Built for strict request validation: `true` is a `.bool`, never a number, and an integer literal that fits
/// `Int64` stays exact.
public enum JSON: Sendable, Equatable {
    /// The literal `null`.
    case null
    /// The literals `true` and `false`.
    case bool(Bool)
    /// A number, remembering whether it was written as an exact integer.
    case number(JSONNumber)
    /// A string of Unicode scalars.
    case string(String)
    /// An ordered list of values.
    case array([JSON])
    /// Members in insertion order, with unique names.
    case object(JSONObject)
}
