/// Makes a styled prompt safe for libedit.
///
/// libedit measures the prompt to place the cursor. Escape sequences take no columns on screen,
/// so they must be marked as invisible: readline's convention is `\u{1}` before and `\u{2}` after
/// each invisible run. Without the markers libedit prints `[1;32m` as text and misplaces the cursor.
public enum PromptText {
    private static let escape: Unicode.Scalar = "\u{1B}"
    private static let startIgnore: Unicode.Scalar = "\u{1}"
    private static let endIgnore: Unicode.Scalar = "\u{2}"

    /// Returns `styled` with every run of terminal escape sequences (such as `ESC[1;32m`) wrapped
    /// in `\u{1}` … `\u{2}`. Adjacent sequences share one pair of markers. Visible text is unchanged.
    /// A prompt that already contains `\u{1}` or `\u{2}` is assumed to be marked and is returned as is,
    /// so applying the function twice changes nothing.
    public static func libeditSafe(_ styled: String) -> String {
        let scalars = Array(styled.unicodeScalars)
        if scalars.contains(startIgnore) || scalars.contains(endIgnore) || !scalars.contains(escape) {
            return styled
        }
        var out = String.UnicodeScalarView()
        var index = 0
        var inInvisibleRun = false
        while index < scalars.count {
            if scalars[index] == escape {
                let length = escapeSequenceLength(scalars, at: index)
                if !inInvisibleRun {
                    out.append(startIgnore)
                    inInvisibleRun = true
                }
                out.append(contentsOf: scalars[index..<(index + length)])
                index += length
            } else {
                if inInvisibleRun {
                    out.append(endIgnore)
                    inInvisibleRun = false
                }
                out.append(scalars[index])
                index += 1
            }
        }
        if inInvisibleRun { out.append(endIgnore) }
        return String(out)
    }

    /// Length in scalars of the escape sequence that starts with ESC at `start`:
    /// CSI (`ESC [` … final byte 0x40–0x7E), OSC (`ESC ]` … BEL or `ESC \`),
    /// a two-character escape (`ESC` + 0x40–0x5F), or a lone ESC.
    private static func escapeSequenceLength(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return 1 }
        switch scalars[next] {
        case "[":
            var i = next + 1
            while i < scalars.count {
                if (0x40...0x7E).contains(scalars[i].value) { return i - start + 1 }
                i += 1
            }
            return scalars.count - start
        case "]":
            var i = next + 1
            while i < scalars.count {
                if scalars[i] == "\u{7}" { return i - start + 1 }
                if scalars[i] == escape, i + 1 < scalars.count, scalars[i + 1] == "\\" { return i - start + 2 }
                i += 1
            }
            return scalars.count - start
        default:
            return (0x40...0x5F).contains(scalars[next].value) ? 2 : 1
        }
    }
}
