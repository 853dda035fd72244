/// A check that needs the outside world, run on a translated command before it is shown, such as kubectl's own
/// client-side dry run. The ``Translator`` appends what it reports to the static issues; a repair retry (asking the
/// model again with the complaint) would hook in at the same point.
public protocol CommandOracle: Sendable {
    /// Issues with `command`; empty when it looks fine or the check could not run.
    func check(_ command: String) async -> [ValidationIssue]
}
