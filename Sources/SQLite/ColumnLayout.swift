/// The column names of one result, shared by all its rows, with a lookup by name.
final class ColumnLayout: Sendable {
    let names: [String]
    private let exact: [String: Int]
    private let folded: [String: Int]

    init(names: [String]) {
        self.names = names
        var exact: [String: Int] = [:]
        var folded: [String: Int] = [:]
        // With duplicate names (a join selecting `id` twice) the leftmost column wins, as in SQL.
        for (index, name) in names.enumerated() {
            if exact[name] == nil {
                exact[name] = index
            }
            let key = name.lowercased()
            if folded[key] == nil {
                folded[key] = index
            }
        }
        self.exact = exact
        self.folded = folded
    }

    /// The index of `name`; exact spelling first, then case-insensitive, as SQL identifiers are
    /// (https://sqlite.org/lang_keywords.html).
    func index(of name: String) -> Int? {
        exact[name] ?? folded[name.lowercased()]
    }
}
