import Guidance
import JSON
import Store

/// The records of an import document: each checked on its own as it is read, by the rules of its create route,
/// then all together for what only a whole data set has (ids unique and within the ceiling, references that
/// resolve within the document).
extension ExportDocument {
    /// Splits a record into its stored members (read here) and the members its create route validates.
    static func split(_ item: JSON, _ place: ImportErrors.Place, stored: Set<String>, _ errors: inout ImportErrors)
        -> (stored: FieldReader, fields: JSONObject)?
    {
        guard case .object(let object) = item else {
            errors.malformed(place, place.path, "must be an object")
            return nil
        }
        var storedPart = JSONObject()
        var fields = JSONObject()
        for (key, value) in object {
            if stored.contains(key) { storedPart[key] = value } else { fields[key] = value }
        }
        return (FieldReader(storedPart, allowed: stored), fields)
    }

    /// A contact's or an application's stored members (id and times), each reported at `place` when wrong, and
    /// the rest of its members for the create route's validation; nil when it is no object.
    static func record(_ item: JSON, _ place: ImportErrors.Place, _ errors: inout ImportErrors)
        -> (id: Int64?, createdAt: Int64?, updatedAt: Int64?, fields: JSONObject)?
    {
        guard let parts = split(item, place, stored: storedRecordMembers, &errors) else { return nil }
        var stored = parts.stored
        let id = stored.id("id", required: true)
        let createdAt = stored.timestamp("created_at", required: true)?.millis
        let updatedAt = stored.timestamp("updated_at", required: true)?.millis
        for error in stored.errors { errors.malformed(place, place.field(error.field), error.message) }
        return (id, createdAt, updatedAt, parts.fields)
    }

    static func contact(_ item: JSON, _ place: ImportErrors.Place, _ errors: inout ImportErrors) -> ContactRecord? {
        guard let (id, createdAt, updatedAt, rest) = record(item, place, &errors) else { return nil }
        let fields = errors.collect(place) { () throws(APIError) in try ContactRoutes.fields(from: rest) }
        guard let id, let createdAt, let updatedAt, let fields else { return nil }
        return ContactRecord(id: id, fields, createdAt: createdAt, updatedAt: updatedAt)
    }

    static func application(_ item: JSON, _ place: ImportErrors.Place, _ errors: inout ImportErrors)
        -> ApplicationRecord?
    {
        guard let (id, createdAt, updatedAt, rest) = record(item, place, &errors) else { return nil }
        let fields = errors.collect(place) { () throws(APIError) in try ApplicationRoutes.fields(from: rest) }
        guard let id, let createdAt, let updatedAt, let fields else { return nil }
        return ApplicationRecord(id: id, fields, createdAt: createdAt, updatedAt: updatedAt)
    }

    static func event(_ item: JSON, _ place: ImportErrors.Place, _ errors: inout ImportErrors) -> EventRecord? {
        guard let parts = split(item, place, stored: storedEventMembers, &errors) else { return nil }
        var stored = parts.stored
        var rest = parts.fields
        let id = stored.id("id", required: true)
        let applicationId = stored.id("application_id", required: true)
        let createdAt = stored.timestamp("created_at", required: true)?.millis
        if stored.object["forced"] == nil || stored.object["forced"] == .null {
            stored.fail("forced", "is required")
        }
        let forced = stored.bool("forced")
        for error in stored.errors { errors.malformed(place, place.field(error.field), error.message) }
        let violations = Self.violations(stored.object["violations"], place, &errors)
        // `force` asks for a check to be overridden; a stored event says `forced` instead.
        if rest.removeValue(forKey: "force") != nil {
            errors.malformed(place, place.field("force"), "is not a known field")
        }
        let input = errors.collect(place) { () throws(APIError) in try EventInput.parse(rest) }
        guard let id, let applicationId, let createdAt, let forced, let violations, let input else { return nil }
        var fields = input.fields
        fields.forced = forced
        fields.violations = violations
        return EventRecord(id: id, applicationId: applicationId, fields, createdAt: createdAt)
    }

    /// A stored event's violations: each names a rule and its severity, with the message given at the time.
    static func violations(_ value: JSON?, _ place: ImportErrors.Place, _ errors: inout ImportErrors)
        -> [StoredViolation]?
    {
        let path = place.field("violations")
        guard let value else {
            errors.malformed(place, path, "is required")
            return nil
        }
        // Each rule is broken at most once by one event.
        guard case .array(let items) = value, items.count <= RuleID.allCases.count else {
            errors.malformed(place, path, "must be an array of at most \(RuleID.allCases.count) violations")
            return nil
        }
        var violations: [StoredViolation] = []
        for (index, item) in items.enumerated() {
            guard case .object(let object) = item else {
                errors.malformed(place, "\(path)[\(index)]", "must be an object")
                continue
            }
            var reader = FieldReader(object, allowed: ["rule", "severity", "message"])
            let rule = reader.choice("rule", RuleID.allCases.map(\.rawValue), required: true)
            let severity = reader.choice("severity", Severity.allCases.map(\.rawValue), required: true)
            let message = reader.string("message", max: Limits.note, required: true)
            for error in reader.errors { errors.malformed(place, "\(path)[\(index)].\(error.field)", error.message) }
            if let rule, let severity, let message {
                violations.append(StoredViolation(rule: rule, severity: severity, message: message))
            }
        }
        return violations.count == items.count ? violations : nil
    }

    /// Checks what only the whole data set can tell: each id within the ceiling and used once per list, and
    /// every reference naming a record of the document.
    static func checkIdentities(_ gathered: Gathered, _ errors: inout ImportErrors) {
        let contactIds = ids(gathered.contacts.lazy.map { ($0.index, $0.record.id) }, .contacts, &errors)
        let applicationIds = ids(gathered.applications.lazy.map { ($0.index, $0.record.id) }, .applications, &errors)
        for (index, application) in gathered.applications {
            if let recruiter = application.recruiterId, !contactIds.contains(recruiter) {
                let place = ImportErrors.Place(part: .applications, index: index)
                errors.unacceptable(
                    place, place.field("recruiter_id"), "no contact in the document has id \(recruiter)")
            }
        }
        _ = ids(gathered.events.lazy.map { ($0.index, $0.record.id) }, .events, &errors)
        for (index, event) in gathered.events {
            let place = ImportErrors.Place(part: .events, index: index)
            if !applicationIds.contains(event.applicationId) {
                errors.unacceptable(
                    place, place.field("application_id"),
                    "no application in the document has id \(event.applicationId)")
            }
            do {
                try EventInput.checkReferences(
                    event.fields, applicationId: event.applicationId, { contactIds.contains($0) },
                    applicationExists: { applicationIds.contains($0) })
            } catch let error as APIError {
                errors.add(error, at: place)
            } catch {
                errors.malformed(place, place.path, "cannot be read")
            }
        }
    }

    /// The ids of one list, each checked against the ceiling and for a repeat.
    private static func ids(
        _ records: some Sequence<(Int, Int64)>, _ part: ImportErrors.Part, _ errors: inout ImportErrors
    ) -> Set<Int64> {
        var seen: [Int64: Int] = [:]
        for (index, id) in records {
            let place = ImportErrors.Place(part: part, index: index)
            if id > Limits.largestImportedID {
                errors.unacceptable(
                    place, place.field("id"),
                    "must be at most \(Limits.largestImportedID) (2^53 - 1), the largest id this service takes")
            }
            if let first = seen[id] {
                errors.unacceptable(
                    place, place.field("id"), "repeats id \(id) of \(ImportErrors.Place(part: part, index: first).path)"
                )
            } else {
                seen[id] = index
            }
        }
        return Set(seen.keys)
    }
}
