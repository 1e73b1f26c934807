/// Writes comma-separated values as RFC 4180 describes them, for spreadsheets.
///
/// - Records end with CRLF, the last one included (§2.1, §2.2).
/// - A field is enclosed in double quotes when it holds a comma, a double quote, CR or LF, and a double quote
///   inside it is doubled (§2.5–§2.7); other fields are written bare.
/// - Cells whose text a spreadsheet would read as a formula (a leading `=`, `+`, `-` or `@`, and the tab and
///   carriage return that some programs skip before one) get a leading apostrophe, so that opening an export
///   never runs what someone typed into a note ("CSV injection"). The apostrophe is visible in the cell: the
///   value is shown as text, which is what it is. Only free text is guarded; numbers, times and fixed
///   vocabulary (`value`) never start with those characters in what the service writes.
struct CSVWriter {
    /// One cell: free text (guarded against formula injection) or a value the service formatted itself.
    enum Cell: Equatable {
        case text(String?)
        case value(String?)
    }

    private(set) var bytes: [UInt8] = []

    /// The characters that make a spreadsheet read a cell as a formula.
    static let formulaLeads: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Appends one record.
    mutating func row(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let text): field(text.map(Self.guarded))
            case .value(let text): field(text)
            }
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends a record of values: the header row.
    mutating func header(_ names: [String]) {
        row(names.map { .value($0) })
    }

    /// `text` with an apostrophe in front when its first character would start a formula.
    static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaLeads.contains(first) else { return text }
        return "'" + text
    }

    /// A field, quoted only when RFC 4180 §2.6 requires it; nil is an empty field.
    private mutating func field(_ text: String?) {
        guard let text else { return }
        let utf8 = text.utf8
        let needsQuotes = utf8.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
