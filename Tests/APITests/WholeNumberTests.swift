import Foundation
import JSON
import Testing

@testable import API

/// Integer fields take any JSON number with a zero fractional part, as the contract's JSON Schema does
/// (2020-12 Validation §6.1.1: `integer` matches any number with a zero fractional part): `3.0` and `1e2` are
/// 3 and 100. A fraction or an exponent is read only up to 2^53, where a `Double` still holds every integer.
struct WholeNumberTests {
    @Test(
        arguments: [
            ("an integer literal", "7", 7),
            ("a zero fraction", "7.0", 7),
            ("an exponent", "1e2", 100),
            ("negative zero", "-0.0", 0),
            ("2^53 with a fraction", "9007199254740992.0", 9_007_199_254_740_992),
            ("the largest integer literal", "9223372036854775807", Int64.max),
            ("a fraction", "7.5", nil),
            ("a small fraction", "1e-1", nil),
            ("past 2^53 with an exponent", "1e19", nil),
            ("past 2^53 with a fraction", "9007199254740994.0", nil),
            ("a string of digits", #""7""#, nil),
            ("a boolean", "true", nil),
        ] as [(String, String, Int64?)])
    func wholeNumbers(_ name: String, text: String, expected: Int64?) throws {
        #expect(FieldReader.wholeNumber(try JSONParser.parse(text)) == expected, "\(name)")
    }

    @Test(
        arguments: [
            ("a setting written 30.0 is 30", "PUT", "/v1/settings", #"{"debrief_due_hours":30.0}"#, 200),
            ("a setting written 3e1 is 30", "PUT", "/v1/settings", #"{"debrief_due_hours":3e1}"#, 200),
            ("a setting of 30.5 is no integer: 400", "PUT", "/v1/settings", #"{"debrief_due_hours":30.5}"#, 400),
            (
                "an id written 1.0 names contact 1", "POST", "/v1/applications",
                #"{"route":"recruiter_general","recruiter_id":1.0}"#, 201
            ),
            (
                "an id of 1.5 is no id: 400", "POST", "/v1/applications",
                #"{"route":"recruiter_general","recruiter_id":1.5}"#, 400
            ),
        ] as [(String, String, String, String, Int)])
    func throughTheAPI(_ name: String, method: String, target: String, body: String, status: Int) throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        let response = try api.call(method, target, body)
        #expect(response.status == status, "\(name): \(response.bodyText)")
        if status == 200 { #expect(try response.decode(SettingsBody.self).debriefDueHours == 30, "\(name)") }
        if status == 201 { #expect(try response.decode(ApplicationBody.self).recruiterId == 1, "\(name)") }
    }
}
