import Foundation
import Support

/// A recorded or hand-written k1 session, replayed by `k1 replay` and written by `k1 shell --record`.
///
/// ## Session file format (v1)
///
/// A UTF-8 text file, one line per line:
///
/// ```
/// # k1 session v1
/// :ns shop
/// get pods
/// #> ran: kubectl get pods -n shop
/// #> exit: 0
/// ?delete the failing ones
/// #> answer: kubectl delete pod web-1 -n shop
/// #> ran: kubectl delete pod web-1 -n shop
/// #> exit: 0
/// ```
///
/// - `# k1 session v1` — optional header, as the first non-blank line. Another version is an error.
/// - Other lines starting with `#` (but not `#>`) are comments. Blank lines are ignored.
/// - Every other line is an input line, exactly as typed at the `k1>` prompt: a kubectl line
///   (`get pods`), a bare verb, a `:meta` command, a `!shell` line or a `?request`.
///   Surrounding spaces and tabs are ignored. An input cannot itself start with `#`.
/// - `#> key: value` lines annotate the input line above them (so one may not come first):
///   - `ran:` the kubectl command line that ran;
///   - `exit:` its exit status, an integer;
///   - `answer:` the model's answer to a `?` line;
///   - `skipped:` why nothing ran (the user declined, a refusal, …);
///   - `note:` free text; may repeat.
///   `ran`, `exit`, `answer` and `skipped` may appear once per input line. Values are trimmed.
///   Annotations record what happened; a hand-written file needs none of them.
/// - Lines end with LF (CRLF is accepted). A leading byte-order mark is ignored. NUL bytes are not allowed.
///
/// A recorder appends to its file as the session goes, so a file may end mid-session; that is still valid.
public struct SessionFile: Sendable, Equatable {
    /// The header line `SessionFileWriter` writes.
    public static let header = "# k1 session v1"
    /// The format version this k1 reads and writes.
    public static let version = 1

    /// The input lines, in order.
    public var entries: [SessionEntry]

    /// Creates a session file.
    public init(entries: [SessionEntry] = []) {
        self.entries = entries
    }

    /// Reads and parses the file at `url`.
    /// - Throws: `SessionFileError` naming the file (and line) when it is missing, unreadable or malformed.
    public static func read(_ url: URL) throws(SessionFileError) -> SessionFile {
        let data: Data
        do throws(FileError) { data = try FileBytes.read(url) } catch {
            throw SessionFileError(source: url.path, reason: .unreadable(error.reason))
        }
        return try SessionFileParser.parse(data, source: url.path)
    }
}
