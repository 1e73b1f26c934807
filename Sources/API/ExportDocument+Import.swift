import Guidance
import Store

/// Reading a document for `POST /v1/import`: the whole of it is validated before anything is written, each
/// record by the rules of its create route, plus what only a whole data set has (ids given, unique, and every
/// reference resolvable within the document).
extension ExportDocument {
    static let members: Set<String> = [
        "format", "version", "exported_at", "settings", "contacts", "applications", "events",
    ]
    static let storedRecordMembers: Set<String> = ["id", "created_at", "updated_at"]
    static let storedEventMembers: Set<String> = ["id", "application_id", "forced", "violations", "created_at"]

    /// The document as records, or every fault it has, each named by its path (`events[4].occurred_at`).
    static func parse(_ object: JSONObject) throws(APIError) -> ExportDocument {
        var reader = FieldReader(object, allowed: members)
        if object["format"] != JSON(format) {
            reader.fail("format", "must be \"\(format)\": this is not a document exported by this service")
        }
        let version = reader.integer("version", in: Int64.min...Int64.max, required: true)
        _ = reader.timestamp("exported_at")
        let settings = member(object, "settings", &reader) { $0.objectValue }
        let contactItems = member(object, "contacts", &reader) { $0.arrayValue }
        let applicationItems = member(object, "applications", &reader) { $0.arrayValue }
        let eventItems = member(object, "events", &reader) { $0.arrayValue }
        // A document of another kind or version is not read any further: its records would only add noise.
        try reader.finish()
        if let version, version != Self.version {
            throw .unprocessable([FieldError("version", "is \(version); this service reads version \(Self.version)")])
        }
        var errors = ImportErrors()
        let guidance = errors.collect("settings.") { () throws(APIError) in
            try SettingsCodec.apply(settings ?? JSONObject(), to: GuidanceSettings())
        }
        let contacts = Self.contacts(contactItems ?? [], &errors)
        let contactIds = Set(contacts.map(\.id))
        let applications = Self.applications(applicationItems ?? [], contactIds: contactIds, &errors)
        let applicationIds = Set(applications.map(\.id))
        let events = Self.events(eventItems ?? [], contactIds: contactIds, applicationIds: applicationIds, &errors)
        try errors.finish()
        return ExportDocument(
            settings: guidance ?? GuidanceSettings(), contacts: contacts.sorted { $0.id < $1.id },
            applications: applications.sorted { $0.id < $1.id }, events: events.sorted { $0.id < $1.id })
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

    /// Splits a record into its stored members (read here) and the members its create route validates.
    static func split(_ item: JSON, _ path: String, stored: Set<String>, _ errors: inout ImportErrors)
        -> (stored: FieldReader, fields: JSONObject)?
    {
        guard case .object(let object) = item else {
            errors.malformed(path, "must be an object")
            return nil
        }
        var storedPart = JSONObject()
        var fields = JSONObject()
        for (key, value) in object {
            if stored.contains(key) { storedPart[key] = value } else { fields[key] = value }
        }
        return (FieldReader(storedPart, allowed: stored), fields)
    }

    /// Notes a repeated id; ids are the records' identity and every reference depends on them.
    static func unique(
        _ id: Int64, _ path: String, in seen: inout [Int64: String], _ errors: inout ImportErrors
    ) {
        if let first = seen[id] {
            errors.unacceptable(path + ".id", "repeats id \(id) of \(first)")
        } else {
            seen[id] = path
        }
    }

    /// A contact's or an application's stored members (id and times), each reported under `path` when
    /// wrong, and the rest of its members for the create route's validation; nil when it is no object.
    static func record(_ item: JSON, _ path: String, _ errors: inout ImportErrors)
        -> (id: Int64?, createdAt: Int64?, updatedAt: Int64?, fields: JSONObject)?
    {
        guard let parts = split(item, path, stored: storedRecordMembers, &errors) else { return nil }
        var stored = parts.stored
        let id = stored.id("id", required: true)
        let createdAt = stored.timestamp("created_at", required: true)
        let updatedAt = stored.timestamp("updated_at", required: true)
        for error in stored.errors { errors.malformed(path + "." + error.field, error.message) }
        return (id, createdAt, updatedAt, parts.fields)
    }

    static func contacts(_ items: [JSON], _ errors: inout ImportErrors) -> [ContactRecord] {
        var records: [ContactRecord] = []
        var seen: [Int64: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "contacts[\(index)]"
            guard let (id, createdAt, updatedAt, rest) = record(item, path, &errors) else { continue }
            let fields = errors.collect(path + ".") { () throws(APIError) in try ContactRoutes.fields(from: rest) }
            guard let id, let createdAt, let updatedAt, let fields else { continue }
            unique(id, path, in: &seen, &errors)
            records.append(
                ContactRecord(
                    id: id, name: fields.name, title: fields.title, organization: fields.organization,
                    email: fields.email, phone: fields.phone, role: fields.role, notes: fields.notes,
                    createdAt: createdAt, updatedAt: updatedAt))
        }
        return records
    }

    static func applications(_ items: [JSON], contactIds: Set<Int64>, _ errors: inout ImportErrors)
        -> [ApplicationRecord]
    {
        var records: [ApplicationRecord] = []
        var seen: [Int64: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "applications[\(index)]"
            guard let (id, createdAt, updatedAt, rest) = record(item, path, &errors) else { continue }
            let fields = errors.collect(path + ".") { () throws(APIError) in
                try ApplicationRoutes.fields(from: rest)
            }
            guard let id, let createdAt, let updatedAt, let fields else { continue }
            unique(id, path, in: &seen, &errors)
            if let recruiter = fields.recruiterId, !contactIds.contains(recruiter) {
                errors.unacceptable(path + ".recruiter_id", "no contact in the document has id \(recruiter)")
            }
            records.append(
                ApplicationRecord(
                    id: id, employer: fields.employer, position: fields.position, route: fields.route,
                    recruiterId: fields.recruiterId, directContactPermitted: fields.directContactPermitted,
                    status: fields.status, notes: fields.notes, createdAt: createdAt, updatedAt: updatedAt))
        }
        return records
    }

    static func events(
        _ items: [JSON], contactIds: Set<Int64>, applicationIds: Set<Int64>, _ errors: inout ImportErrors
    ) -> [EventRecord] {
        var records: [EventRecord] = []
        var seen: [Int64: String] = [:]
        for (index, item) in items.enumerated() {
            let path = "events[\(index)]"
            guard let parts = split(item, path, stored: storedEventMembers, &errors) else { continue }
            var stored = parts.stored
            var rest = parts.fields
            let id = stored.id("id", required: true)
            let applicationId = stored.id("application_id", required: true)
            let createdAt = stored.timestamp("created_at", required: true)
            if stored.object["forced"] == nil || stored.object["forced"] == .null {
                stored.fail("forced", "is required")
            }
            let forced = stored.bool("forced")
            for error in stored.errors { errors.malformed(path + "." + error.field, error.message) }
            let violations = Self.violations(stored.object["violations"], path + ".violations", &errors)
            // `force` asks for a check to be overridden; a stored event says `forced` instead.
            if rest.removeValue(forKey: "force") != nil { errors.malformed(path + ".force", "is not a known field") }
            let input = errors.collect(path + ".") { () throws(APIError) in try EventInput.parse(rest) }
            guard let id, let applicationId, let createdAt, let forced, let violations, let input else { continue }
            unique(id, path, in: &seen, &errors)
            if !applicationIds.contains(applicationId) {
                errors.unacceptable(path + ".application_id", "no application in the document has id \(applicationId)")
            }
            do {
                try input.checkReferences(
                    applicationId: applicationId, { contactIds.contains($0) },
                    applicationExists: { applicationIds.contains($0) })
            } catch let error as APIError {
                errors.add(error, prefix: path + ".")
            } catch {
                errors.malformed(path, "cannot be read")
            }
            let f = input.fields
            records.append(
                EventRecord(
                    id: id, applicationId: applicationId, kind: f.kind, occurredAt: f.occurredAt,
                    contactId: f.contactId, channel: f.channel, note: f.note, interviewerIds: f.interviewerIds,
                    followUpAfter: f.followUpAfter, followUpContactId: f.followUpContactId,
                    followUpChannel: f.followUpChannel, decisionExpectedBy: f.decisionExpectedBy,
                    otherApplicationId: f.otherApplicationId, forced: forced, violations: violations,
                    createdAt: createdAt))
        }
        return records
    }

    /// A stored event's violations: each names a rule and its severity, with the message given at the time.
    static func violations(_ value: JSON?, _ path: String, _ errors: inout ImportErrors) -> [StoredViolation]? {
        guard let value else {
            errors.malformed(path, "is required")
            return nil
        }
        // Each rule is broken at most once by one event.
        guard case .array(let items) = value, items.count <= RuleID.allCases.count else {
            errors.malformed(path, "must be an array of at most \(RuleID.allCases.count) violations")
            return nil
        }
        var violations: [StoredViolation] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            guard case .object(let object) = item else {
                errors.malformed(itemPath, "must be an object")
                continue
            }
            var reader = FieldReader(object, allowed: ["rule", "severity", "message"])
            let rule = reader.choice("rule", RuleID.allCases.map(\.rawValue), required: true)
            let severity = reader.choice("severity", Severity.allCases.map(\.rawValue), required: true)
            let message = reader.string("message", max: Limits.note, required: true)
            for error in reader.errors { errors.malformed(itemPath + "." + error.field, error.message) }
            if let rule, let severity, let message {
                violations.append(StoredViolation(rule: rule, severity: severity, message: message))
            }
        }
        return violations.count == items.count ? violations : nil
    }
}
