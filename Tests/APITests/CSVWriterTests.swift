import Foundation
import Testing

@testable import API

/// CSV as RFC 4180 writes it, with formula injection guarded, alone and as `GET /v1/applications.csv` serves it.
@Suite struct CSVWriterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let cell: CSVWriter.Cell
        let written: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "plain text is written bare (§2.5)", cell: .text("Acme"), written: "Acme"),
        Case(name: "a comma needs quotes (§2.6)", cell: .text("Acme, Inc."), written: #""Acme, Inc.""#),
        Case(name: "a quote is doubled in quotes (§2.7)", cell: .text(#"the "best""#), written: #""the ""best""""#),
        Case(name: "CRLF inside a field is quoted (§2.6)", cell: .text("a\r\nb"), written: "\"a\r\nb\""),
        Case(name: "a bare LF is quoted", cell: .text("a\nb"), written: "\"a\nb\""),
        Case(name: "a bare CR is quoted", cell: .text("a\rb"), written: "\"a\rb\""),
        Case(name: "nil is an empty field", cell: .text(nil), written: ""),
        Case(name: "an empty string is an empty field", cell: .text(""), written: ""),
        Case(name: "= starts a formula: apostrophe first", cell: .text("=1+1"), written: "'=1+1"),
        Case(name: "+ starts a formula", cell: .text("+33 1 23 45"), written: "'+33 1 23 45"),
        Case(name: "- starts a formula", cell: .text("-2"), written: "'-2"),
        Case(name: "@ starts a formula", cell: .text("@SUM(A1)"), written: "'@SUM(A1)"),
        Case(name: "a leading tab is guarded", cell: .text("\t=1"), written: "'\t=1"),
        Case(name: "a guarded formula with a comma is also quoted", cell: .text("=A1,B1"), written: #""'=A1,B1""#),
        Case(name: "= later in the text is harmless", cell: .text("a=b"), written: "a=b"),
        Case(name: "values the service formats are not guarded", cell: .value("-1"), written: "-1"),
        Case(name: "UTF-8 passes through", cell: .text("Zoë Ångström"), written: "Zoë Ångström"),
    ])
    func cell(_ row: Case) {
        var writer = CSVWriter()
        writer.row([row.cell])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == row.written + "\r\n")
    }

    @Test func recordsEndWithCRLFAndFieldsAreSeparatedByCommas() throws {
        // RFC 4180 §2.1, §2.4: CRLF after every record, the last included; commas between fields.
        var writer = CSVWriter()
        writer.header(["id", "name"])
        writer.row([.value("1"), .text(nil)])
        writer.row([.value("2"), .text("x,y")])
        #expect(String(decoding: writer.bytes, as: UTF8.self) == "id,name\r\n1,\r\n2,\"x,y\"\r\n")
        #expect(try Self.parse(writer.bytes) == [["id", "name"], ["1", ""], ["2", "x,y"]])
    }

    /// A strict RFC 4180 reader: quoted fields may hold anything, quotes doubled; outside quotes a record ends
    /// only with CRLF, and a bare CR or LF is an error.
    static func parse(_ bytes: [UInt8]) throws -> [[String]] {
        struct Malformed: Error { let offset: Int }
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var index = 0
        var quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") && field.isEmpty {
                quoted = true
            } else if byte == UInt8(ascii: ",") {
                record.append(String(decoding: field, as: UTF8.self))
                field = []
            } else if byte == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { throw Malformed(offset: index) }
                record.append(String(decoding: field, as: UTF8.self))
                records.append(record)
                record = []
                field = []
                index += 1
            } else if byte == 0x0A || byte == UInt8(ascii: "\"") {
                throw Malformed(offset: index)
            } else {
                field.append(byte)
            }
            index += 1
        }
        guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(offset: index) }
        return records
    }

    @Test func applicationsCSVParsesBackFieldForField() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        let applications = [
            #"{"employer":"=HYPERLINK(\"http://x\")","position":"Engineer, Platform","route":"posted_opening","#
                + #""notes":"Line one\r\nLine \"two\", with a comma"}"#,
            #"{"employer":"-5 Corp","position":"@lead","route":"recruiter_submitted","recruiter_id":1}"#,
            #"{"employer":"Plain","position":"+1","route":"unsolicited","notes":"  =not first"}"#,
        ]
        for body in applications { _ = try api.create("/v1/applications", body) }
        _ = try api.create(
            "/v1/applications/1/events", #"{"kind":"resume_sent","occurred_at":"2026-10-01T09:00:00Z"}"#)
        let target = "/v1/applications.csv?as_of=2026-10-20T00:00:00Z"
        let response = try api.call("GET", target)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(response.header("Content-Disposition") == #"attachment; filename="applications.csv""#)
        #expect(response.header("Cache-Control") == "private, no-cache")
        let etag = try #require(response.header("ETag"))
        #expect(try api.call("GET", target, headers: [("If-None-Match", etag)]).status == 304)

        let rows = try Self.parse(response.body)
        #expect(rows.first == DataRoutes.csvHeader)
        #expect(rows.count == 4)
        #expect(rows.dropFirst().allSatisfy { $0.count == DataRoutes.csvHeader.count })
        let column = Dictionary(uniqueKeysWithValues: DataRoutes.csvHeader.enumerated().map { ($1, $0) })
        func cell(_ row: Int, _ name: String) -> String? { column[name].map { rows[row][$0] } }
        #expect(cell(1, "employer") == #"'=HYPERLINK("http://x")"#)
        #expect(cell(1, "position") == "Engineer, Platform")
        #expect(cell(1, "notes") == "Line one\r\nLine \"two\", with a comma")
        #expect(cell(2, "employer") == "'-5 Corp")
        #expect(cell(2, "position") == "'@lead")
        #expect(cell(2, "recruiter_id") == "1")
        #expect(cell(2, "notes") == "")
        #expect(cell(3, "position") == "'+1")
        #expect(cell(3, "notes") == "  =not first")
        // Every other column says what GET /v1/applications/{id} says at the same as_of.
        for row in 1...3 {
            let application = try api.call("GET", "/v1/applications/\(row)?as_of=2026-10-20T00:00:00Z")
                .decode(ApplicationBody.self)
            #expect(cell(row, "id") == String(row))
            #expect(cell(row, "route") == application.route)
            #expect(cell(row, "status") == application.status)
            #expect(cell(row, "direct_contact_permitted") == "false")
            #expect(cell(row, "created_at") == application.createdAt)
            #expect(cell(row, "updated_at") == application.updatedAt)
            #expect(cell(row, "unanswered_follow_ups") == String(application.unansweredFollowUps))
            #expect(cell(row, "next_action") == (application.nextAction?.action ?? ""))
            #expect(cell(row, "next_action_due") == (application.nextAction?.dueFrom ?? ""))
        }
        #expect(cell(1, "next_action") == "follow_up")
        #expect(try api.call("GET", "/v1/applications.csv?as_of=soon").status == 400)
    }
}
