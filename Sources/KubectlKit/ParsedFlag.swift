/// A flag found on a command line, under its canonical name.
public struct ParsedFlag: Sendable, Hashable, CustomStringConvertible {
    /// The canonical long name without dashes (`namespace` for `-n`); for a flag the
    /// tables do not know, the name as typed without its dashes.
    public let name: String
    /// The value (`shop` for `-n shop` or `--namespace=shop`); nil for switches given
    /// bare and for a valued flag missing its value at the end of the line.
    public let value: String?
    /// Whether the generated tables know the flag for this command.
    public let isKnown: Bool

    /// Creates a parsed flag.
    public init(name: String, value: String?, isKnown: Bool = true) {
        self.name = name
        self.value = value
        self.isKnown = isKnown
    }

    /// The flag's option spelling: `--namespace`, or `-x` for an unknown one-letter flag.
    public var option: String {
        !isKnown && name.count == 1 ? "-" + name : "--" + name
    }

    /// `--name=value` or `--name`, suitable to pass back to kubectl as one word.
    public var description: String {
        guard let value else { return option }
        return option + "=" + value
    }

    /// Whether a switch is on: true when given bare or as `=true`, false for the
    /// spellings kubectl reads as false (`=false`, `=0`, `=f`, `=FALSE`, `=False`, `=F`).
    public var isOn: Bool {
        guard let value else { return true }
        return !["false", "0", "f", "F", "FALSE", "False"].contains(value)
    }
}
