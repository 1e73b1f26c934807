/// The faults found in an import document, each named by its path (`contacts[3].name`), so that one answer names
/// them. Malformed input wins: while anything is malformed the answer is 400 with those faults; only a
/// well-formed document is answered 422 for what it means.
///
/// At most `reported` faults of each kind are kept, the first by their place in the document, and a fault that
/// would not be kept is never spelt out: a large broken document must cost neither an even larger answer nor the
/// work and memory of faults nobody reads. Once that many malformed faults are known the answer cannot change,
/// and `isSettled` tells the reader to stop.
struct ImportErrors {
    /// At most this many faults are reported.
    static let reported = 100

    /// A part of the document, in the order the answer lists the faults found in it.
    enum Part: Int, Comparable {
        /// The top-level object itself.
        case document
        case settings
        case contacts
        case applications
        case events

        static func < (lhs: Part, rhs: Part) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Where a fault lies: the part, and for a list the index of the record in it.
    struct Place: Comparable {
        var part: Part
        var index: Int = 0

        /// The path of the place itself: `contacts[3]`, `settings`, or empty for the document.
        var path: String {
            switch part {
            case .document: ""
            case .settings: "settings"
            case .contacts: "contacts[\(index)]"
            case .applications: "applications[\(index)]"
            case .events: "events[\(index)]"
            }
        }

        /// The path of a field at this place: `contacts[3].name`.
        func field(_ name: String) -> String {
            part == .document ? name : path + "." + name
        }

        static func < (lhs: Place, rhs: Place) -> Bool {
            (lhs.part, lhs.index) < (rhs.part, rhs.index)
        }
    }

    private typealias Fault = (place: Place, error: FieldError)

    private var invalid: [Fault] = []
    private var unprocessable: [Fault] = []
    private var cutShort = false

    /// Whether reading on cannot change the answer: `reported` malformed faults are known, or the document
    /// could not be read to its end.
    var isSettled: Bool { cutShort || invalid.count >= Self.reported }

    mutating func malformed(_ place: Place, _ field: @autoclosure () -> String, _ message: @autoclosure () -> String) {
        Self.file(&invalid, place, field, message)
    }

    mutating func unacceptable(
        _ place: Place, _ field: @autoclosure () -> String, _ message: @autoclosure () -> String
    ) {
        Self.file(&unprocessable, place, field, message)
    }

    /// A malformed fault after which the document is not read any further.
    mutating func stop(_ place: Place, _ field: String, _ message: String) {
        malformed(place, field, message)
        cutShort = true
    }

    /// Files the faults of a reader or a route's validation at `place`, each field under its path.
    mutating func add(_ error: APIError, at place: Place) {
        switch error {
        case .invalid(let errors): for error in errors { malformed(place, place.field(error.field), error.message) }
        case .unprocessable(let errors):
            for error in errors { unacceptable(place, place.field(error.field), error.message) }
        case .badQuery(let error): malformed(place, place.field(error.field), error.message)
        default: malformed(place, place.part == .document ? "body" : place.path, "is not acceptable")
        }
    }

    /// Runs a validation that throws `APIError`, filing its faults at `place`; nil when it threw.
    mutating func collect<T>(_ place: Place, _ body: () throws(APIError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error, at: place)
            return nil
        }
    }

    /// Throws the malformed faults of the document's own members, alone: a document of another kind has records
    /// whose faults would only add noise.
    func finishDocument() throws(APIError) {
        let own = invalid.prefix { $0.place.part == .document }
        if !own.isEmpty { throw .invalid(own.map(\.error)) }
    }

    /// Throws what was found: 400 for malformed input, else 422.
    func finish() throws(APIError) {
        if !invalid.isEmpty { throw .invalid(invalid.map(\.error)) }
        if !unprocessable.isEmpty { throw .unprocessable(unprocessable.map(\.error)) }
    }

    /// Keeps the fault in place order, after those already kept at the same place (so one record's faults stay
    /// in the order found), unless `reported` faults come before it.
    private static func file(
        _ faults: inout [Fault], _ place: Place, _ field: () -> String, _ message: () -> String
    ) {
        var position = faults.count
        while position > 0, place < faults[position - 1].place { position -= 1 }
        guard position < reported else { return }
        faults.insert((place, FieldError(field(), message())), at: position)
        if faults.count > reported { faults.removeLast() }
    }
}
