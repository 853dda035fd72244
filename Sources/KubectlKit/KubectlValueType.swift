/// The kind of value a kubectl flag takes, read from the default kubectl's help prints for it.
public enum KubectlValueType: String, Sendable, Hashable, CaseIterable {
    /// A switch: `--all`, `--force` (help prints `=false` or `=true`).
    case bool
    /// A whole number: `--replicas=0`, `--grace-period=-1`.
    case int
    /// A duration: `--since=0s`, `--timeout=5m0s`.
    case duration
    /// A repeatable value or list: `--filename=[]`, `--from-literal=[]`.
    case list
    /// A string: `--output=''`, `--cascade='background'`.
    case string

    /// The type a flag's default reveals.
    /// - Parameters:
    ///   - defaultValue: the default exactly as help prints it, e.g. `''`, `[]`, `0s`, `-1`.
    ///   - takesValue: whether the flag takes a value at all (from ``KubectlFlagSpec``).
    public static func of(defaultValue: String, takesValue: Bool) -> KubectlValueType {
        guard takesValue else { return .bool }
        if defaultValue.hasPrefix("[") || defaultValue.hasPrefix("map[") { return .list }
        if defaultValue.hasPrefix("'") { return .string }
        if Int(defaultValue) != nil { return .int }
        let digits = defaultValue.filter { $0.isNumber || $0 == "." }
        let units = defaultValue.filter { !$0.isNumber && $0 != "." }
        if !digits.isEmpty, !units.isEmpty, units.allSatisfy({ "hms".contains($0) }) { return .duration }
        return .string
    }
}
