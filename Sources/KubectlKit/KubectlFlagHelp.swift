/// A flag as kubectl's help describes it: the table entry plus its default and value type.
public struct KubectlFlagHelp: Sendable, Hashable {
    /// Name, alias, whether it takes a value and kubectl's description.
    public let spec: KubectlFlagSpec
    /// The default exactly as help prints it (`''`, `false`, `500`, `'background'`, `[]`); empty when unknown.
    public let defaultValue: String
    /// Whether the flag comes from `kubectl options` (accepted by every command).
    public let isGlobal: Bool

    /// Creates a flag description.
    public init(spec: KubectlFlagSpec, defaultValue: String, isGlobal: Bool) {
        self.spec = spec
        self.defaultValue = defaultValue
        self.isGlobal = isGlobal
    }

    /// The kind of value the flag takes.
    public var valueType: KubectlValueType {
        KubectlValueType.of(defaultValue: defaultValue, takesValue: spec.takesValue)
    }

    /// The default without quotes (`background` for `'background'`); nil when it says nothing: empty, `[]`,
    /// `false`, `0`, `none` or unknown.
    public var meaningfulDefault: String? {
        var value = Substring(defaultValue)
        if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 { value = value.dropFirst().dropLast() }
        let text = String(value)
        return ["", "[]", "map[]", "false", "0", "0s", "none"].contains(text) ? nil : text
    }
}
