import Guidance
import JSON
import Store

/// Reading a document for `POST /v1/import`: the whole of it is validated before anything is written, each
/// record by the rules of its create route, plus what only a whole data set has (ids given, unique, within the
/// ceiling, and every reference resolvable within the document).
///
/// The document is read a record at a time (`ImportReader`): each record is checked and kept as a record, never
/// as a tree of the whole document, and reading stops as soon as the answer is known to be 400.
extension ExportDocument {
    static let members: Set<String> = [
        "format", "version", "exported_at", "settings", "contacts", "applications", "events",
    ]
    static let lists: [String: ImportErrors.Part] = [
        "contacts": .contacts, "applications": .applications, "events": .events,
    ]
    static let storedRecordMembers: Set<String> = ["id", "created_at", "updated_at"]
    static let storedEventMembers: Set<String> = ["id", "application_id", "forced", "violations", "created_at"]

    /// The records read so far, each with its index in its list.
    struct Gathered {
        var contacts: [(index: Int, record: ContactRecord)] = []
        var applications: [(index: Int, record: ApplicationRecord)] = []
        var events: [(index: Int, record: EventRecord)] = []
    }

    /// The document as records, or its faults (at most `ImportErrors.reported` of them, the first in the
    /// document), each named by its path (`events[4].occurred_at`).
    static func read(_ bytes: UnsafeRawBufferPointer) throws(APIError) -> ExportDocument {
        var errors = ImportErrors()
        var top = JSONObject()
        var gathered = Gathered()
        var streamed: Set<String> = []
        do {
            try walk(bytes, top: &top, streamed: &streamed, into: &gathered, &errors)
        } catch  where error == ImportReader.notAnObject {
            throw .invalid([FieldError("body", "must be a JSON object")])
        } catch {
            throw .invalid([FieldError("body", "not valid JSON: \(error)")])
        }
        if errors.isSettled { try errors.finish() }
        let version = checkDocument(top, streamed: streamed, &errors)
        // A document of another kind or version is not read any further: its records would only add noise.
        try errors.finishDocument()
        if let version, version != Self.version {
            throw .unprocessable([FieldError("version", "is \(version); this service reads version \(Self.version)")])
        }
        let settings = errors.collect(.init(part: .settings)) { () throws(APIError) in
            try SettingsCodec.apply(top["settings"]?.objectValue ?? JSONObject(), to: GuidanceSettings())
        }
        checkIdentities(gathered, &errors)
        try errors.finish()
        return ExportDocument(
            settings: settings ?? GuidanceSettings(),
            contacts: gathered.contacts.map(\.record).sorted { $0.id < $1.id },
            applications: gathered.applications.map(\.record).sorted { $0.id < $1.id },
            events: gathered.events.map(\.record).sorted { $0.id < $1.id })
    }

    /// Reads the top-level members: the lists record by record into `gathered`, the others (except unknown ones,
    /// which are only named) into `top`. Returns early once `errors` is settled.
    private static func walk(
        _ bytes: UnsafeRawBufferPointer, top: inout JSONObject, streamed: inout Set<String>,
        into gathered: inout Gathered, _ errors: inout ImportErrors
    ) throws(JSONParseError) {
        var reader = try ImportReader(bytes)
        let document = ImportErrors.Place(part: .document)
        while let name = try reader.nextMember() {
            if let part = lists[name], reader.opensArray() {
                streamed.insert(name)
                var place = ImportErrors.Place(part: part)
                while let item = try piece(&reader, at: place, &errors) {
                    gather(item, at: place, into: &gathered, &errors)
                    if errors.isSettled { return }
                    place.index += 1
                }
                if errors.isSettled { return }
                continue
            }
            let value = try piece(&reader, at: document, named: name, &errors)
            guard let value, !errors.isSettled else { return }
            if members.contains(name) {
                top[name] = value
            } else {
                errors.malformed(document, name, "is not a known field")
                if errors.isSettled { return }
            }
        }
    }

    /// The next element of a list (`name` nil) or the value of the member `name`; nil at the end of the list,
    /// or when the piece holds more values than any record may, which ends the reading.
    private static func piece(
        _ reader: inout ImportReader, at place: ImportErrors.Place, named name: String? = nil,
        _ errors: inout ImportErrors
    ) throws(JSONParseError) -> JSON? {
        do {
            return try name == nil ? reader.nextElement() : reader.value()
        } catch  where error.isOverBudget {
            let field = name.map { place.field($0) } ?? place.path
            errors.stop(
                place, field, "holds more than \(ImportReader.valuesPerPiece) JSON values; no record needs as many")
            return nil
        }
    }

    /// Checks the document's own members; returns its version when it is an integer.
    private static func checkDocument(_ top: JSONObject, streamed: Set<String>, _ errors: inout ImportErrors)
        -> Int64?
    {
        // Unknown members were named as they were read, so `top` holds known ones only.
        var reader = FieldReader(top, allowed: members)
        if top["format"] != JSON(format) {
            reader.fail("format", "must be \"\(format)\": this is not a document exported by this service")
        }
        let version = reader.integer("version", in: Int64.min...Int64.max, required: true)
        _ = reader.timestamp("exported_at")
        _ = member(top, "settings", &reader) { $0.objectValue }
        for name in ["contacts", "applications", "events"] where !streamed.contains(name) {
            _ = member(top, name, &reader) { $0.arrayValue }
        }
        // After the unknown members, which the reader met first.
        let after = ImportErrors.Place(part: .document, index: 1)
        for error in reader.errors { errors.malformed(after, error.field, error.message) }
        return version
    }

    /// A required top-level member of the kind `cast` accepts.
    static func member<T>(_ object: JSONObject, _ name: String, _ reader: inout FieldReader, _ cast: (JSON) -> T?)
        -> T?
    {
        guard reader.required(name), let value = object[name] else { return nil }
        guard let typed = cast(value) else {
            reader.fail(name, "must be an \(name == "settings" ? "object" : "array")")
            return nil
        }
        return typed
    }

    /// Checks one record of a list and keeps it when it is valid on its own.
    private static func gather(
        _ item: JSON, at place: ImportErrors.Place, into gathered: inout Gathered, _ errors: inout ImportErrors
    ) {
        switch place.part {
        case .contacts:
            if let record = contact(item, place, &errors) { gathered.contacts.append((place.index, record)) }
        case .applications:
            if let record = application(item, place, &errors) { gathered.applications.append((place.index, record)) }
        case .events:
            if let record = event(item, place, &errors) { gathered.events.append((place.index, record)) }
        case .document, .settings:
            break
        }
    }
}
