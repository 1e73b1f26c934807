/// The nonces of the one-tap links already used.
extension StoreReading {
    /// Whether the one-tap link with `nonce` has been used; for the page a `GET` of the link shows, which changes
    /// nothing.
    public func isLinkUsed(nonce: String) throws(StoreError) -> Bool {
        try query { try $0.isLinkUsed(nonce: nonce) }
    }
}
