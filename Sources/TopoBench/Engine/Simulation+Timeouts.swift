/// Timeout lists: one timer per list instead of one event per guarded call.
extension Simulation {
    func makeTimeoutList(_ owner: TimeoutOwner, delay: SimTime) -> Int32 {
        timeouts.append(TimeoutList(owner: owner, delay: delay))
        return Int32(timeouts.count - 1)
    }

    /// Starts guarding a call: it expires `delay` after now unless answered first.
    @inline(__always)
    func timeoutAppend(call slot: Int32, list: Int32) {
        let i = Int(slot), l = Int(list)
        calls[i].timeoutList = list
        calls[i].sentAt = now
        timeouts[l].entries.append(slot, in: calls, CallTimeoutLinks.self)
        armTimer(list)
    }

    @inline(__always)
    func timeoutRemove(call slot: Int32) {
        let i = Int(slot)
        let l = Int(calls[i].timeoutList)
        timeouts[l].entries.remove(slot, in: calls, CallTimeoutLinks.self)
        calls[i].timeoutList = -1
    }

    @inline(__always)
    func timeoutAppend(request r: Int32) {
        let l = Int(clientTimeoutList)
        let i = Int(r)
        requests[i].inTimeoutList = true
        requests[i].attemptStart = now
        timeouts[l].entries.append(r, in: requests, RequestTimeoutLinks.self)
        armTimer(clientTimeoutList)
    }

    @inline(__always)
    func timeoutRemove(request r: Int32) {
        let l = Int(clientTimeoutList)
        let i = Int(r)
        guard requests[i].inTimeoutList else { return }
        timeouts[l].entries.remove(r, in: requests, RequestTimeoutLinks.self)
        requests[i].inTimeoutList = false
    }

    /// Makes sure the list's timer is set for its oldest entry.
    @inline(__always)
    func armTimer(_ list: Int32) {
        let l = Int(list)
        guard timeouts[l].armedAt < 0, timeouts[l].entries.head >= 0 else { return }
        let head = Int(timeouts[l].entries.head)
        let started: SimTime
        if case .client = timeouts[l].owner { started = requests[head].attemptStart } else { started = calls[head].sentAt }
        let at = started + timeouts[l].delay
        timeouts[l].armedAt = at
        schedule(at: at, .timeouts, slot: list)
    }

    /// The timer of a list fires: expire every entry that is due, then re-arm for the next.
    func fireTimeouts(_ list: Int32) {
        let l = Int(list)
        timeouts[l].armedAt = -1
        let delay = timeouts[l].delay
        switch timeouts[l].owner {
        case .client:
            while timeouts[l].entries.head >= 0 {
                let r = timeouts[l].entries.head
                if requests[Int(r)].attemptStart + delay > now { break }
                timeoutRemove(request: r)
                clientAttemptTimedOut(request: r)
            }
        case .calls, .connect:
            let connect: Bool
            if case .connect = timeouts[l].owner { connect = true } else { connect = false }
            while timeouts[l].entries.head >= 0 {
                let c = timeouts[l].entries.head
                if calls[Int(c)].sentAt + delay > now { break }
                timeoutRemove(call: c)
                let parent = calls[Int(c)].parent
                let wasDropped = calls[Int(c)].phase == .dropped
                calls[Int(c)].abandoned = true
                if parent >= 0 && calls[Int(parent)].gen == calls[Int(c)].parentGen && calls[Int(parent)].child == c {
                    // The caller's wait for its child ended without an answer.
                    calls[Int(parent)].child = -1
                    components.childTimedOut(calls[Int(parent)].callee, call: parent, child: c, connect: connect)
                } else if parent < 0 && calls[Int(c)].caller >= 0 {
                    components.ownCallTimedOut(calls[Int(c)].caller, call: c)
                }
                if wasDropped { freeCallSlot(c) }
            }
        }
        armTimer(list)
    }
}
