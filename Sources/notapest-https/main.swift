import Glibc
import Outgoing
import System

// The HTTPS helper process (docs/REMINDERS.md "HTTPS"): `notapest serve` starts it with one end of a socket pair
// as its standard input when a reminder first goes to an https:// receiver, and lets it go when it has been idle.
// Standard error stays the server's. The code is in this target rather than a library so that `notapest`, which
// depends on it only to have it built, links none of it, and so neither FoundationNetworking nor libcurl.
// Arguments: --body-limit BYTES, how much of a response body is read.
let usage = "notapest-https is started by notapest serve, with a socket for its input; it is not run by hand\n"
var arguments = CommandLine.arguments.dropFirst()
var bodyLimit = HTTPClientDefaults.bodyLimit
while let name = arguments.popFirst() {
    guard name == "--body-limit", let value = arguments.popFirst().flatMap({ Int($0) }), value >= 0 else {
        StandardError.write(usage)
        exit(2)
    }
    bodyLimit = value
}
var status = stat()
guard fstat(0, &status) == 0, status.st_mode & S_IFMT == S_IFSOCK else {
    StandardError.write(usage)
    exit(2)
}
exit(HTTPSHelper.run(socket: 0, client: URLSessionClient(bodyLimit: bodyLimit)))
