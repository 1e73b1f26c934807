import Crypto
import Testing

@testable import Reminders

@Suite("Webhook secrets: whsec_ and 24 to 64 bytes of base64")
struct WebhookSecretTests {
    @Test("a generated secret is whsec_ and 32 random bytes, different each time")
    func generated() {
        let secret = WebhookSecret.generate()
        #expect(secret.hasPrefix("whsec_"))
        #expect(WebhookSecret.key(of: secret)?.count == 32)
        #expect(WebhookSecret.generate() != secret)
    }

    @Test(
        "a given secret is read on both sides of each length bound, and refused when malformed",
        arguments: [
            ("whsec_" + Base64.encode(Array(repeating: 1, count: 24)), 24),
            ("whsec_" + Base64.encode(Array(repeating: 1, count: 64)), 64),
            ("whsec_" + Base64.encode(Array(repeating: 1, count: 23)), nil),
            ("whsec_" + Base64.encode(Array(repeating: 1, count: 65)), nil),
            (Base64.encode(Array(repeating: 1, count: 32)), nil),
            ("whsec_not base64!", nil),
            ("whsec_", nil),
        ])
    func lengths(_ secret: String, _ length: Int?) {
        #expect(WebhookSecret.key(of: secret)?.count == length)
    }
}
