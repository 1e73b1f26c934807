/// Field limits of API.md.
enum Limits {
    static let name = 200
    static let note = 10_000
    static let interviewers = 50
    static let query = 200
}
