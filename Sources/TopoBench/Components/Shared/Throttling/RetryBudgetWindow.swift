/// The state of one caller's retry budget (``RetryBudget``): its requests and retries over a
/// sliding window, in one-second slots.
///
/// A retry is allowed while retries in the window + 1 ≤ ratio × requests in the window +
/// min per second × window, as Finagle's `RetryBudget` (a token bucket whose deposits expire
/// after the window). The slots are a fixed ring: no allocation per request.
struct RetryBudgetWindow {
    private var requests: [Int32]
    private var retries: [Int32]
    private var requestSum = 0, retrySum = 0
    /// The second the newest slot stands for.
    private var second: Int64 = 0
    private var head = 0
    let budget: RetryBudget

    init(_ budget: RetryBudget) {
        self.budget = budget
        let slots = max(1, Int((budget.window + Time.second - 1) / Time.second))
        requests = Array(repeating: 0, count: slots)
        retries = Array(repeating: 0, count: slots)
    }

    /// Moves the window to `now`, forgetting the slots older than it.
    private mutating func advance(to now: SimTime) {
        let s = now / Time.second
        guard s > second else { return }
        let steps = min(Int(s - second), requests.count)
        for _ in 0..<steps {
            head = (head + 1) % requests.count
            requestSum -= Int(requests[head])
            retrySum -= Int(retries[head])
            requests[head] = 0
            retries[head] = 0
        }
        second = s
    }

    /// A first attempt is made.
    mutating func noteRequest(at now: SimTime) {
        advance(to: now)
        requests[head] += 1
        requestSum += 1
    }

    /// Whether a retry may be made now; if so, it is counted.
    mutating func takeRetry(at now: SimTime) -> Bool {
        advance(to: now)
        let allowed = Double(retrySum + 1) <= budget.ratio * Double(requestSum) + budget.minPerSecond * Time.seconds(budget.window)
        if allowed {
            retries[head] += 1
            retrySum += 1
        }
        return allowed
    }
}
