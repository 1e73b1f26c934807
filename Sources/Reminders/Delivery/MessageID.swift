import Crypto
import System

/// A delivery's message id: `msg_` and 24 base64url characters, made once when the message is queued and sent as
/// the webhook's `webhook-id` on every attempt, so that a receiver can drop a message it already has (Standard
/// Webhooks 1.0, "Webhook id").
///
/// The first 8 characters are the millisecond it was made (48 bits), in the base64url characters taken in ASCII
/// order, so that later ids sort after earlier ones; the other 16 are 12 random bytes. The outbox's unique index
/// on the id then grows at its end, as the table does: with ids random throughout, each thousand messages queued
/// rewrote most of that index's pages (docs/REMINDERS.md, "The outbox").
public enum MessageID {
    public static let prefix = "msg_"
    /// 12 bytes make 16 base64 characters, with no padding.
    static let randomBytes = 12
    /// The base64url characters in ASCII order: a digit's character sorts where the digit does.
    static let sortedDigits = Array("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz".utf8)
    /// 8 characters of 6 bits hold the 48 bits of a millisecond until the year 10889.
    static let timeCharacters = 8

    /// A new id made at `millis` (the wall clock's by default), its random part from the system's cryptographic
    /// random source.
    public static func make(at millis: Int64 = Clock.wallMilliseconds()) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(at: millis, using: &generator)
    }

    /// A new id made at `millis`, its random part from `generator`, for tests that need the same ids every run.
    public static func make(at millis: Int64, using generator: inout some RandomNumberGenerator) -> String {
        prefix + timePart(millis) + Base64.encodeURL(RandomBytes.make(randomBytes, using: &generator))
    }

    /// `millis` (clamped to 0...2⁴⁸−1) as 8 characters, most significant first.
    static func timePart(_ millis: Int64) -> String {
        let value = UInt64(clamping: max(0, millis)) & ((1 << 48) - 1)
        var characters: [UInt8] = []
        characters.reserveCapacity(timeCharacters)
        for index in (0..<timeCharacters).reversed() {
            characters.append(sortedDigits[Int((value >> (6 * UInt64(index))) & 63)])
        }
        return String(decoding: characters, as: UTF8.self)
    }
}
