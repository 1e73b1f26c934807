import Foundation
import Glibc
import HTTP
import TestSupport
import Testing

/// The server over real loopback sockets, on an ephemeral port.
@Suite struct ServerTests {
    @Test func servesAndKeepsTheConnectionAlive() throws {
        // RFC 9112 §9.3: HTTP/1.1 connections persist unless a side says close.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        for _ in 0..<3 {
            try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "hello")
            #expect(response.header("Connection") == nil)
        }
    }

    @Test func everyResponseCarriesDateServerAndContentLength() throws {
        // RFC 9110 §6.6.1 (Date), §10.2.4 (Server), RFC 9112 §6.3 (length).
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        for target in ["/hello", "/nowhere", "/boom"] {
            try client.send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            let date = try #require(response.header("Date"))
            #expect(date.hasSuffix(" GMT") && date.count == 29, "IMF-fixdate: \(date)")
            #expect(response.header("Server") == "notapest")
            #expect(response.header("Content-Length") == String(response.body.count))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        // RFC 9112 §9.3.2: responses to pipelined requests go out in request order.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send(
            "GET /items/1 HTTP/1.1\r\nHost: t\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /items/3 HTTP/1.1\r\nHost: t\r\n\r\n")
        for id in 1...3 {
            #expect(try client.readResponse().bodyText == "item \(id)")
        }
    }

    @Test func deferredHandlerAnswersFromAnotherThreadInOrder() throws {
        // A handler may answer later from any thread; a fast pipelined request queued behind it
        // still gets its response second.
        let server = try TestServer { router in
            router.add(
                "GET", "/slow",
                .deferred { _, responder in
                    Thread.detachNewThread {
                        usleep(100_000)
                        responder.respond(.text("slow"))
                    }
                })
            router.add("GET", "/fast") { _ in .text("fast") }
        }
        let client = try server.client()
        try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "slow")
        #expect(try client.readResponse().bodyText == "fast")
    }

    @Test func deferredHandlerErrorsAreMappedLikeImmediateOnes() throws {
        let server = try TestServer { router in
            router.add(
                "GET", "/later",
                .deferred { _, responder in
                    Thread.detachNewThread { responder.fail(HTTPError(409, "taken")) }
                })
        }
        let client = try server.client()
        try client.send("GET /later HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 409)
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func aResponseLeftToBuildIsBuiltOnTheLoopAndItsErrorsMapped() throws {
        // respond(building:) hands the loop a closure: it runs on the loop's thread, not the
        // thread that finished the work, and what it throws is answered as fail() would be.
        let server = try TestServer { router in
            router.add(
                "GET", "/built",
                .deferred { _, responder in
                    let loop = pthread_self()
                    Thread.detachNewThread {
                        responder.respond(building: {
                            .text(pthread_equal(loop, pthread_self()) != 0 ? "on the loop" : "elsewhere")
                        })
                    }
                })
            router.add(
                "GET", "/unbuilt",
                .deferred { _, responder in
                    Thread.detachNewThread { responder.respond(building: { throw HTTPError(409, "taken") }) }
                })
        }
        let client = try server.client()
        try client.send("GET /built HTTP/1.1\r\nHost: t\r\n\r\nGET /unbuilt HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "on the loop")
        let failed = try client.readResponse()
        #expect(failed.status == 409)
        #expect(failed.header("Content-Type") == "application/problem+json")
    }

    @Test func expect100ContinueGetsTheInterimResponseBeforeTheBody() throws {
        // RFC 9110 §10.1.1: the server answers 100 before the client sends the body.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("hello")
        let response = try client.readResponse()
        #expect(response.status == 200)
        #expect(response.bodyText == "hello")
    }

    @Test func unknownExpectationIs417() throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nExpect: something\r\n\r\nx")
        #expect(try client.readResponse().status == 417)
    }

    @Test func chunkedBodiesAreDecoded() throws {
        // RFC 9112 §7.1, with an extension and a trailer.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3;ext=1\r\nabc\r\n4\r\ndefg\r\n0\r\nX-Trailer: yes\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.bodyText == "abcdefg")
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
    }

    @Test func headSendsHeadersOnly() throws {
        // RFC 9110 §9.3.2: HEAD is GET without content, same Content-Length.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("HEAD /hello HTTP/1.1\r\nHost: t\r\n\r\nGET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == "5")
        #expect(head.body.isEmpty)
        #expect(try client.readResponse().bodyText == "hello")
    }

    struct RoutingCase: CustomTestStringConvertible, Sendable {
        let name: String
        let request: String
        let status: Int
        let allow: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        RoutingCase(name: "unknown path is 404", request: "GET /nope HTTP/1.1", status: 404, allow: nil),
        RoutingCase(
            name: "RFC 9110 §15.5.6 wrong method is 405 with Allow", request: "PUT /items/7 HTTP/1.1", status: 405,
            allow: "GET, DELETE, HEAD, OPTIONS"),
        RoutingCase(
            name: "RFC 9110 §9.3.7 OPTIONS answers Allow", request: "OPTIONS /items/7 HTTP/1.1", status: 204,
            allow: "GET, DELETE, HEAD, OPTIONS"),
        RoutingCase(
            name: "RFC 9110 §9.3.7 OPTIONS * asks about the server", request: "OPTIONS * HTTP/1.1", status: 204,
            allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"),
        RoutingCase(name: "parameters route", request: "DELETE /items/9 HTTP/1.1", status: 204, allow: nil),
        RoutingCase(
            name: "absolute-form target is routed by its path", request: "GET http://t/hello HTTP/1.1", status: 200,
            allow: nil),
        RoutingCase(name: "an HTTPError keeps its status", request: "GET /teapot HTTP/1.1", status: 418, allow: nil),
    ])
    func routing(_ row: RoutingCase) throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send(row.request + "\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == row.status)
        #expect(response.header("Allow") == row.allow)
        if row.status >= 400 {
            #expect(response.header("Content-Type") == "application/problem+json")
            let json = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(json?["status"] as? Int == row.status)
            #expect(json?["title"] is String && json?["detail"] is String && json?["type"] is String)
        }
    }

    @Test func unexpectedErrorsAre500WithoutDetails() throws {
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("GET /boom HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 500)
        #expect(!response.bodyText.contains("hunter2"))
        #expect(!response.bodyText.contains("BoomError"))
    }

    struct RefusalCase: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: String
        let status: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        RefusalCase(name: "RFC 9112 §3.2 HTTP/1.1 without Host", bytes: "GET /hello HTTP/1.1\r\n\r\n", status: 400),
        RefusalCase(
            name: "RFC 9110 §6.2 HTTP/2.0 on the request line", bytes: "GET /hello HTTP/2.0\r\nHost: t\r\n\r\n",
            status: 505),
        RefusalCase(
            name: "RFC 9112 §6.1 Content-Length with Transfer-Encoding (smuggling)",
            bytes: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            status: 400),
        RefusalCase(
            name: "RFC 9110 §8.6 differing Content-Length values",
            bytes: "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        RefusalCase(
            name: "RFC 9112 §5.2 obs-fold", bytes: "GET /hello HTTP/1.1\r\nHost: t\r\nX: a\r\n b\r\n\r\n", status: 400),
        RefusalCase(
            name: "RFC 9112 §6.1 unknown transfer coding",
            bytes: "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", status: 501),
    ])
    func refusedRequestsCloseTheConnection(_ row: RefusalCase) throws {
        // After a framing error the rest of the stream cannot be trusted: answer, then close.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send(row.bytes + "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == row.status)
        #expect(response.header("Connection") == "close")
        #expect(client.readsEndOfStream())
    }

    @Test func connectionCloseIsHonouredBothWays() throws {
        // RFC 9112 §9.6: a request with close gets close back, and the server closes.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let client = try server.client()
        try client.send("GET /hello HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(client.readsEndOfStream())
    }

    @Test func http10KeepsAliveOnlyWhenAsked() throws {
        // RFC 9112 §9.3 and Appendix C.2.2: HTTP/1.0 persistence is opt-in.
        let server = try TestServer(routes: TestServer.standardRoutes)
        let persistent = try server.client()
        try persistent.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try persistent.readResponse().header("Connection") == "keep-alive")
        try persistent.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try persistent.readResponse().status == 200)
        let single = try server.client()
        try single.send("GET /hello HTTP/1.0\r\n\r\n")
        #expect(try single.readResponse().header("Connection") == "close")
        #expect(single.readsEndOfStream())
    }
}
