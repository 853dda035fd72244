/// One flag of a kubectl command, as listed in its `--help` "Options:" section.
public struct KubectlFlagSpec: Sendable, Hashable {
    /// The long name without dashes, e.g. `namespace` for `--namespace`.
    public let long: String
    /// The one-letter alias without its dash, e.g. `n` for `-n`, or nil.
    public let short: String?
    /// Whether the flag takes a value (`--output=json`) rather than being a switch (`--all`).
    public let takesValue: Bool
    /// Whether a valued flag may also be given bare (`--dry-run`, `--cascade`, `--validate`).
    ///
    /// Such a flag never takes the following word as its value; only `--flag=value` sets it.
    public let valueIsOptional: Bool
    /// The first line of the flag's description.
    public let summary: String

    /// Creates a flag description.
    public init(long: String, short: String?, takesValue: Bool, valueIsOptional: Bool = false, summary: String) {
        self.long = long
        self.short = short
        self.takesValue = takesValue
        self.valueIsOptional = valueIsOptional
        self.summary = summary
    }

    /// Whether the word following the flag is its value (`-n shop`, `--output json`).
    public var consumesNextWord: Bool { takesValue && !valueIsOptional }

    /// The flag as typed in its long form, e.g. `--namespace`.
    public var option: String { "--" + long }
}
