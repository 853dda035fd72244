import Foundation
import Support

/// A failure reaching or using a model. `description` is one line telling the user what happened and what to do.
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, for callers that react differently (retry, restart the server, …).
    public enum Code: String, Sendable, Equatable {
        /// llama-server (or the model runtime) is not installed.
        case serverNotInstalled
        /// Nothing answers at the server's address.
        case serverUnreachable
        /// The server is up but still loading the model.
        case serverLoading
        /// The configured port is taken by another program.
        case portInUse
        /// The model file or the server's model is missing.
        case modelMissing
        /// The disk filled up (or has too little room) while a model or runtime was being installed.
        case diskFull
        /// A downloaded or assembled model does not match its checksum.
        case checksumMismatch
        /// The request took longer than the configured timeout.
        case timeout
        /// The server answered with an HTTP error status.
        case httpStatus
        /// The server sent something that is not the documented format.
        case badResponse
        /// The server answered but produced no text.
        case emptyResponse
        /// The stream ended before the server said it was done.
        case truncatedStream
        /// The user cancelled the request.
        case cancelled
        /// The server process died or could not start.
        case serverFailed
        /// Bad settings (unknown model name, bad URL, …).
        case configuration
    }

    /// The failure kind.
    public let code: Code
    /// One line for the user, including the fix where there is one.
    public let message: String
    /// The HTTP status the server answered with, when the failure came from one.
    public let httpStatus: Int?

    /// Creates an error.
    public init(_ code: Code, _ message: String, httpStatus: Int? = nil) {
        self.code = code
        // Messages quote servers and models: their control characters never reach the terminal.
        self.message = TerminalText.escaped(message)
        self.httpStatus = httpStatus
    }

    /// The same error carrying `status` (kept when it already has one).
    public func with(httpStatus status: Int) -> LLMError {
        httpStatus == nil ? LLMError(code, message, httpStatus: status) : self
    }

    /// The message, so an `LLMError` prints as its one line.
    public var description: String { message }
}
