extension KubectlCommand {
    /// The command path (`get`, `rollout undo`, `create secret`), or nil when the verb is not one kubectl has.
    public var commandPath: String? {
        guard isKnownVerb, let verb else { return nil }
        return [verb, subverb].compactMap { $0 }.joined(separator: " ")
    }
}
