import Dispatch
import Foundation
import Synchronization

/// The thread that runs ``ProcessRunner``'s own tasks (reading the child's output, feeding its input, the deadline),
/// so that they keep up with the child even while Swift concurrency's few shared threads are all busy or blocked:
/// a child writing more than a pipe holds would otherwise stall, and a deadline fire late.
final class ProcessRunnerExecutor: TaskExecutor {
    /// The one instance; its thread lives as long as k1.
    static let shared = ProcessRunnerExecutor()

    private let jobs = Mutex<[UnownedJob]>([])
    private let ready = DispatchSemaphore(value: 0)

    private init() {
        let thread = Thread { [unowned self] in self.runJobs() }
        thread.name = "k1 process runner"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        ready.signal()
    }

    /// Runs the enqueued jobs in order, forever.
    private func runJobs() {
        while true {
            ready.wait()
            let job = jobs.withLock { $0.removeFirst() }
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
