/// What each group of end-to-end tests needs from the host; tests without it are skipped with a reason.
enum Prerequisites {
    /// kubectl and python3 (for the fake API server).
    static let kubectl = HostTools.kubectl != nil && HostTools.python3 != nil
    /// The built k1 binary, kubectl and python3 (the non-TTY tests run k1 without a terminal).
    static let k1 = kubectl && K1Binary.isAvailable
    /// All of the above plus tmux (the interactive tests).
    static let k1InTerminal = k1 && HostTools.tmux != nil
}
