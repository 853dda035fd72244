#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Synchronization

/// Remembers terminal modes that must be put back if the process exits while the terminal is
/// switched (during an edit or while a `CancelKeyWatcher` runs), and restores them at exit.
enum TerminalRestorer {
    private struct Registration {
        let id: UInt64
        let fd: Int32
        let mode: termios
    }

    private struct Registry {
        var nextID: UInt64 = 1
        var registrations: [Registration] = []
    }

    private static let registry = Mutex(Registry())
    private static let bracketedPasteOn = Mutex(false)

    /// Turns bracketed paste on or off on standard output (a terminal), remembering it so that an exit while it is
    /// on turns it off.
    static func setBracketedPaste(_ on: Bool) {
        _ = exitHandlerInstalled
        bracketedPasteOn.withLock { state in
            guard state != on else { return }
            state = on
            TerminalIO.write(on ? BracketedPaste.enable : BracketedPaste.disable)
        }
    }
    private static let exitHandlerInstalled: Bool = {
        atexit { TerminalRestorer.restoreAll() }
        return true
    }()

    /// Records `mode` as the mode to restore on `fd` at exit. Returns a token for `unregister`.
    static func register(fd: Int32, mode: termios) -> UInt64 {
        _ = exitHandlerInstalled
        return registry.withLock { registry in
            let id = registry.nextID
            registry.nextID += 1
            registry.registrations.append(Registration(id: id, fd: fd, mode: mode))
            return id
        }
    }

    /// Forgets a registration once its owner has restored the terminal itself.
    static func unregister(_ id: UInt64) {
        registry.withLock { registry in
            registry.registrations.removeAll { $0.id == id }
        }
    }

    /// Restores, for each terminal, the earliest mode still registered: the one in force before
    /// anything switched it. Runs at exit; never blocks on a lock another thread holds.
    static func restoreAll() {
        _ = bracketedPasteOn.withLockIfAvailable { state in
            if state { TerminalIO.write(BracketedPaste.disable) }
            state = false
        }
        let pending: [Registration] = registry.withLockIfAvailable { registry -> [Registration] in
            let all = registry.registrations
            registry.registrations.removeAll()
            return all
        } ?? []
        var restored: Set<Int32> = []
        for registration in pending where !restored.contains(registration.fd) {
            restored.insert(registration.fd)
            TerminalIO.setAttributes(registration.fd, registration.mode, when: TCSANOW)
        }
    }
}
