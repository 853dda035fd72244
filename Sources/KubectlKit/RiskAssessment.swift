/// A risk label with one short human reason, e.g. `deletes pod web-0`.
public struct RiskAssessment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The label.
    public let risk: Risk
    /// Why, in a few words: "deletes pods", "several commands", "$( substitution".
    public let reason: String

    /// Creates an assessment.
    public init(risk: Risk, reason: String) {
        self.risk = risk
        self.reason = reason
    }

    /// `risk: reason`.
    public var description: String { "\(risk.rawValue): \(reason)" }
}
