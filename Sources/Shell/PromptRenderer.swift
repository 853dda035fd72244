import Session
import Support

/// Renders the `k1 prod-eu:shop › ` prompt. Pure.
public enum PromptRenderer {
    /// The prompt text for a context; `style` decides colours.
    public static func render(_ context: SessionContext, style: TerminalStyle) -> String {
        let ctx = context.effectiveContext ?? "no-context"
        let ns = context.effectiveNamespace ?? "default"
        let location = style.apply(.cyan, ctx) + style.apply(.gray, ":") + style.apply(.boldYellow, ns)
        return style.apply(.boldGreen, "k1") + " " + location + " " + style.apply(.bold, "›") + " "
    }
}
