import SQLite

// The nonces of the one-tap links already used: a link works once.
extension Database {
    /// Records that the link with `nonce` was used at `now` (ms). Returns true the first time, false when it was
    /// used already (and nothing is written); two taps racing get one true between them.
    func useLink(nonce: String, now: Int64) throws -> Bool {
        try run(
            "INSERT INTO used_links (nonce, used_at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING",
            [.text(nonce), .integer(now)])
        return changes > 0
    }

    /// Whether the link with `nonce` has been used (and not purged since).
    func isLinkUsed(nonce: String) throws -> Bool {
        try first("SELECT 1 FROM used_links WHERE nonce = ?", [.text(nonce)]) { _ in true } ?? false
    }

    /// Deletes the nonces used before `cutoff` (ms) and returns how many. A link expires 14 days after it is made,
    /// so a cutoff further back than that never lets a link work twice.
    func purgeUsedLinks(olderThan cutoff: Int64) throws -> Int {
        try run("DELETE FROM used_links WHERE used_at < ?", [.integer(cutoff)])
        return changes
    }
}
