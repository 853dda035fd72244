/// One server-sent event: its type (`message` unless an `event:` field said otherwise) and its data lines joined by `\n`.
public struct SSEEvent: Sendable, Equatable {
    /// The event type; `message` by default. llama-server's non-standard `error:` field yields type `error`.
    public var type: String
    /// The data (several `data:` lines joined with `\n`).
    public var data: String

    /// Creates an event.
    public init(type: String = "message", data: String) {
        self.type = type
        self.data = data
    }

    /// Whether this is the OpenAI end-of-stream marker `data: [DONE]`.
    public var isDone: Bool { data == "[DONE]" }
}

/// Parses server-sent events line by line (the text/event-stream format): `field: value` lines, `:` comments, and a
/// blank line that dispatches the event. Pure; feed it the lines of a `LineSplitter`.
public struct SSEParser: Sendable {
    private var type: String?
    private var dataLines: [String] = []
    /// The first line that is no SSE field at all (an HTML error page, a proxy's banner), for error messages.
    public private(set) var firstForeignLine: String?

    /// Creates a parser.
    public init() {}

    /// Takes one line (without its line ending); returns an event when the line completes one.
    public mutating func push(line: String) -> SSEEvent? {
        if line.isEmpty { return dispatch() }
        if line.hasPrefix(":") { return nil }   // comment / keep-alive
        let field: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            field = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = line[...]
            value = ""
        }
        switch field {
        case "data":
            dataLines.append(String(value))
        case "event":
            type = String(value)
        case "error":
            // llama-server reports a failure inside a stream as `error: {json}`.
            type = "error"
            dataLines.append(String(value))
        case "id", "retry":
            break   // nothing k1 needs
        default:
            if firstForeignLine == nil { firstForeignLine = line }
        }
        return nil
    }

    /// Ends the stream: returns a last event the server did not close with a blank line (lenient), else nil.
    public mutating func finish() -> SSEEvent? { dispatch() }

    private mutating func dispatch() -> SSEEvent? {
        defer { type = nil; dataLines = [] }
        guard !dataLines.isEmpty else { return nil }
        return SSEEvent(type: type ?? "message", data: dataLines.joined(separator: "\n"))
    }
}
