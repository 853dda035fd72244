/// The environment a child process gets.
public enum ProcessEnvironment: Sendable, Equatable {
    /// k1's own environment, unchanged.
    case inherit
    /// k1's own environment with these variables set (a nil value removes the variable).
    case inheriting(overrides: [String: String?])
    /// Exactly these variables and no others.
    case replacing([String: String])

    /// The variables the child sees, given k1's own `base` environment.
    public func resolved(base: [String: String]) -> [String: String] {
        switch self {
        case .inherit:
            return base
        case .inheriting(let overrides):
            var result = base
            for (key, value) in overrides { result[key] = value }
            return result
        case .replacing(let variables):
            return variables
        }
    }
}
