import KubectlKit
import Support

extension RiskLabel {
    /// The label with the dry run's object count instead of the reason when there is one: `[DELETES 2 pods]`,
    /// `[changes 1 deployment]`.
    public static func render(_ assessment: RiskAssessment, count: String?, style: TerminalStyle) -> String {
        guard let count else { return render(assessment, style: style) }
        switch assessment.risk {
        case .changes: return style.apply(.yellow, "[changes \(count)]")
        case .deletes: return style.apply(.boldRed, "[DELETES \(count)]")
        default: return render(assessment, style: style)
        }
    }
}
