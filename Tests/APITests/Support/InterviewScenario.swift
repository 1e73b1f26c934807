/// An application through a recruiter, Dana, with an interview by Sam the day before `now`: the agenda lists a
/// thank-you note to Sam and a debrief with Dana (both due by 15:00 today), and the directions to record.
enum InterviewScenario {
    static let now = "2026-11-20T12:00:00Z"

    /// Contacts 1 (Dana, recruiter) and 2 (Sam, interviewer), application 1 at Acme, its resume and interview.
    static func seed(_ api: some APICalling) throws {
        _ = try api.create(
            "/v1/contacts",
            #"{"name":"Dana Reyes","role":"recruiter","email":"dana@staffing.example","phone":"+1 555 0100"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam Lee","role":"interviewer","email":"sam@acme.example"}"#)
        _ = try api.create(
            "/v1/applications",
            #"{"employer":"Acme","position":"Engineer","route":"recruiter_submitted","recruiter_id":1}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"resume_sent","occurred_at":"2026-11-02T09:00:00Z","contact_id":1,"channel":"email"}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-19T15:00:00Z","interviewer_ids":[2]}"#)
    }
}
