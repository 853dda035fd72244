/// Flags of one command merged with those of its parents and the global flags,
/// indexed by long name and by one-letter alias.
struct FlagTable: Sendable {
    let long: [String: KubectlFlagSpec]
    let short: [String: KubectlFlagSpec]

    /// Builds the table; earlier layers win unless `preferValued` lets a flag that
    /// takes a value replace a switch of the same name.
    init(layers: [[KubectlFlagSpec]], preferValued: Bool = false) {
        var long: [String: KubectlFlagSpec] = [:]
        var short: [String: KubectlFlagSpec] = [:]
        for layer in layers {
            for flag in layer {
                if let existing = long[flag.long] {
                    if preferValued, flag.consumesNextWord, !existing.consumesNextWord { long[flag.long] = flag }
                } else {
                    long[flag.long] = flag
                }
                if let letter = flag.short {
                    if let existing = short[letter] {
                        if preferValued, flag.consumesNextWord, !existing.consumesNextWord { short[letter] = flag }
                    } else {
                        short[letter] = flag
                    }
                }
            }
        }
        self.long = long
        self.short = short
    }
}
