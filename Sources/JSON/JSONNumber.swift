/// A JSON number that remembers whether it is an exact integer.
///
/// RFC 8259 §6 lets implementations choose their own number range; here an integer literal (no fraction, no
/// exponent) that fits `Int64` is kept exactly, and every other number is a `Double`. The kind is part of the value:
/// `3` and `3.0` are different numbers, so a field that wants an integer can refuse `3.0` and `1e2`.
public struct JSONNumber: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case integer(Int64)
        case double(Double)
    }

    private var storage: Storage

    /// An exact integer.
    public init(_ value: Int64) {
        storage = .integer(value)
    }

    /// An exact integer (`Int` is 64 bits on every platform the project builds for).
    public init(_ value: Int) {
        storage = .integer(Int64(value))
    }

    /// A floating-point number; it stays non-integer even when its value is integral.
    ///
    /// A non-finite value can be held but is written as `null`, since JSON has no spelling for it.
    public init(_ value: Double) {
        storage = .double(value)
    }

    /// The exact value when the number is an integer, else `nil`.
    public var int64: Int64? {
        if case .integer(let value) = storage { return value }
        return nil
    }

    /// The value as a `Double` (rounded to the nearest `Double` for integers beyond 2^53).
    public var double: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        }
    }

    /// Whether the number is an exact `Int64` integer.
    public var isInteger: Bool {
        if case .integer = storage { return true }
        return false
    }
}
