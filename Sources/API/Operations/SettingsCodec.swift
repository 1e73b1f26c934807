import Guidance
import JSON
import Store

/// The settings as stored (one row per name, JSON text values) and as the API shows them (one
/// flat object). The quiet hours are shown and changed with them, but are stored by the Store's own writes, and
/// are not part of an export (`ExportDocument`).
enum SettingsCodec {
    static let timeZone = "time_zone"
    static let skipWeekends = "skip_weekends"
    static let feedToken = "feed_token"

    static var writableNames: Set<String> {
        Set([timeZone, skipWeekends] + GuidanceParameter.allCases.map(\.rawValue))
    }

    static func json(_ snapshot: APIContext.SettingsSnapshot) -> JSON {
        var object = JSONObject()
        object[timeZone] = JSON(snapshot.guidance.timeZone)
        object[skipWeekends] = JSON(snapshot.guidance.skipWeekends)
        for parameter in GuidanceParameter.allCases { object[parameter.rawValue] = JSON(snapshot.guidance[parameter]) }
        object[feedToken] = JSON(snapshot.feedToken)
        return .object(object)
    }

    /// Applies a PUT body over the current settings: types are checked first (400), then values (422).
    static func apply(_ object: JSONObject, to settings: GuidanceSettings, validate: Bool = true) throws(APIError)
        -> GuidanceSettings
    {
        var reader = FieldReader(object, allowed: writableNames, readOnly: [feedToken])
        var result = settings
        if let zone = reader.string(timeZone, max: 100) { result.timeZone = zone }
        if let skip = reader.bool(skipWeekends) { result.skipWeekends = skip }
        for parameter in GuidanceParameter.allCases {
            if let value = reader.integer(parameter.rawValue, in: Int64(Int32.min)...Int64(Int32.max)) {
                result[parameter] = Int(value)
            }
        }
        for key in [timeZone, skipWeekends] + GuidanceParameter.allCases.map(\.rawValue) where object[key] == .null {
            reader.fail(key, "must not be null")
        }
        try reader.finish()
        guard validate else { return result }
        let problems = result.validationErrors
        if !problems.isEmpty { throw .unprocessable(problems.map { FieldError($0.field, $0.message) }) }
        return result
    }

    /// What `GET /v1/settings` and `PUT` answer: the settings of `json`, and the quiet hours before the token.
    static func document(_ snapshot: APIContext.SettingsSnapshot) -> JSON {
        guard case .object(var object) = json(snapshot) else { return json(snapshot) }
        object[feedToken] = nil
        object[QuietHoursCodec.start] = JSON(snapshot.quietHours.start)
        object[QuietHoursCodec.end] = JSON(snapshot.quietHours.end)
        object[feedToken] = JSON(snapshot.feedToken)
        return .object(object)
    }

    /// Applies a `PUT /v1/settings` body over `snapshot`: the guidance's settings and the quiet hours, every
    /// malformed member named at once (400), then every unacceptable one (422).
    static func applyPut(_ object: JSONObject, to snapshot: APIContext.SettingsSnapshot) throws(APIError)
        -> APIContext.SettingsSnapshot
    {
        var guidancePart = object
        var quietPart = JSONObject()
        for name in QuietHoursCodec.names where object[name] != nil {
            quietPart[name] = object[name]
            guidancePart[name] = nil
        }
        var malformed: [FieldError] = []
        var next = snapshot
        do throws(APIError) {
            next.guidance = try apply(guidancePart, to: snapshot.guidance, validate: false)
        } catch .invalid(let errors) {
            malformed += errors
        } catch {
            throw error
        }
        let quiet = QuietHoursCodec.Reading(quietPart, over: snapshot.quietHours)
        malformed += quiet.malformed
        if !malformed.isEmpty { throw .invalid(malformed) }
        var unacceptable = next.guidance.validationErrors.map { FieldError($0.field, $0.message) }
        unacceptable += quiet.unacceptable()
        if !unacceptable.isEmpty { throw .unprocessable(unacceptable) }
        next.quietHours = quiet.hours
        return next
    }

    static func rows(_ snapshot: APIContext.SettingsSnapshot) -> [String: String] {
        var rows: [String: String] = [:]
        guard case .object(let object) = json(snapshot) else { return rows }
        for (name, value) in object { rows[name] = value.serialized() }
        return rows
    }

    /// Reads the stored settings; names not stored yet take their defaults, and a feed token is made
    /// on first start. Rows of other names (the reminders' link key) are not this codec's: read with the
    /// others, one unknown name would make every setting fall back to its default.
    static func loadOrCreate(_ transaction: inout WriteTransaction) throws -> APIContext.SettingsSnapshot {
        let rows = try transaction.settings().filter { writableNames.contains($0.key) || $0.key == feedToken }
        var object = JSONObject()
        for (name, text) in rows {
            if let value = try? JSONParser.parse(Array(text.utf8)) { object[name] = value }
        }
        let token = object[feedToken]?.stringValue ?? randomToken()
        object[feedToken] = nil
        // Stored settings were validated when they were written; checking the zone again here would
        // load the time zone database at start-up, before anything needs it.
        let guidance = (try? apply(object, to: GuidanceSettings(), validate: false)) ?? GuidanceSettings()
        var snapshot = APIContext.SettingsSnapshot(guidance: guidance, feedToken: token)
        if rows.count != writableNames.count + 1 || rows[feedToken] == nil {
            try transaction.writeSettings(Self.rows(snapshot))
        }
        snapshot.quietHours = try transaction.quietHours()
        return snapshot
    }

    /// 32 hex characters from the system's cryptographic random source (getrandom on Linux).
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
    }
}
