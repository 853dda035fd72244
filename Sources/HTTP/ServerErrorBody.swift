import Foundation

/// The error a model server put in a body or a stream line, in any of the shapes k1 meets:
/// Ollama and TGI's flat `{"error":"…"}`, llama-server and OpenAI's nested `{"error":{"code":503,"message":"…","type":"…"}}`,
/// and vLLM's top-level `{"object":"error","message":"…","code":400}`.
public struct ServerErrorBody: Sendable, Equatable {
    /// The server's message.
    public var message: String
    /// The code inside the body (llama-server repeats the HTTP status there), when present.
    public var code: Int?
    /// The error type (`unavailable_error`, `invalid_request_error`, …), when present.
    public var type: String?

    /// Creates an error body.
    public init(message: String, code: Int? = nil, type: String? = nil) {
        self.message = message
        self.code = code
        self.type = type
    }

    /// Parses a JSON body; nil when it is not JSON or carries no error.
    public static func parse(_ data: Data) -> ServerErrorBody? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any] else {
            return nil
        }
        return parse(object: object)
    }

    /// Parses one text line (an NDJSON line or an SSE data payload); nil when it carries no error.
    public static func parse(line: String) -> ServerErrorBody? {
        // Cheap test first: every line of a stream goes through here.
        guard line.contains("\"error\"") || line.contains("\"object\"") else { return nil }
        return parse(Data(line.utf8))
    }

    static func parse(object: [String: Any]) -> ServerErrorBody? {
        if let text = object["error"] as? String {
            return ServerErrorBody(message: text, type: object["error_type"] as? String)
        }
        if let nested = object["error"] as? [String: Any] {
            let message = (nested["message"] as? String) ?? (nested["msg"] as? String) ?? "unknown error"
            return ServerErrorBody(message: message, code: intValue(nested["code"]), type: nested["type"] as? String)
        }
        if (object["object"] as? String) == "error", let message = object["message"] as? String {
            return ServerErrorBody(message: message, code: intValue(object["code"]), type: object["type"] as? String)
        }
        return nil
    }

    private static func intValue(_ value: Any?) -> Int? {
        if let number = value as? Int { return number }
        if let text = value as? String { return Int(text) }
        return nil
    }

    /// A short one-line summary of a body that is not a known error shape (for messages): the first line, trimmed.
    public static func summary(of data: Data, limit: Int = 160) -> String {
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = firstLine.trimmingCharacters(in: .whitespaces)
        return trimmed.count > limit ? String(trimmed.prefix(limit)) + "…" : trimmed
    }

    /// The message of the body, or a summary of the raw text when it has no known error shape.
    public static func message(in data: Data) -> String {
        parse(data)?.message ?? summary(of: data)
    }
}
