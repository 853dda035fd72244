/// Why a `LoopbackHTTPTransfer` stopped early; `LoopbackHTTPTransfer` maps each case to the `LLMError` URLSession's
/// matching failure gets.
enum LoopbackFailure: Error, Sendable, Equatable {
    /// The stream was terminated (the consuming task was cancelled, or the stream dropped).
    case cancelled
    /// A deadline passed; the limit in seconds, for the message.
    case timedOut(Double)
    /// Nothing listens at the address (`ECONNREFUSED` for every resolved address).
    case refused
    /// The host name did not resolve.
    case unknownHost(String)
    /// The connection could not be set up for another reason (no descriptors, no route, …).
    case connectFailed(String)
    /// The connection broke or closed before the answer was complete.
    case connectionLost(String)
    /// The answer is not valid HTTP/1.1.
    case malformed(String)
}
