/// Where a list's links live in its nodes: one conformance per kind of list, resolved at
/// compile time, so that ``ListHead``'s generic operations specialise to plain loads and stores.
protocol ListLinks {
    associatedtype Node
    static func prev(_ node: Node) -> Int32
    static func next(_ node: Node) -> Int32
    static func setPrev(_ node: inout Node, _ value: Int32)
    static func setNext(_ node: inout Node, _ value: Int32)
}

/// The head of an intrusive doubly linked list whose nodes are slots of a ``Slab``, linked by
/// index (-1 ends the list).
///
/// The engine's lists (an instance's waiting room and in-service calls, timeout lists of calls
/// and of client attempts, an SQS queue's visible and in-flight messages, Lambda's asynchronous
/// backlog) are all one of these over a conformance of ``ListLinks``: the node carries its
/// links, so adding, removing and popping allocate nothing and take O(1).
///
/// - Complexity: `append`, `prepend`, `remove`, `popFirst` are O(1).
struct ListHead {
    var head: Int32 = -1
    var tail: Int32 = -1
    var count: Int = 0

    var isEmpty: Bool { head < 0 }

    /// Links `i` after the tail.
    @inline(__always)
    mutating func append<L: ListLinks>(_ i: Int32, in nodes: Slab<L.Node>, _: L.Type) {
        L.setNext(&nodes[Int(i)], -1)
        L.setPrev(&nodes[Int(i)], tail)
        if tail >= 0 { L.setNext(&nodes[Int(tail)], i) } else { head = i }
        tail = i
        count += 1
    }

    /// Links `i` before the head.
    @inline(__always)
    mutating func prepend<L: ListLinks>(_ i: Int32, in nodes: Slab<L.Node>, _: L.Type) {
        L.setPrev(&nodes[Int(i)], -1)
        L.setNext(&nodes[Int(i)], head)
        if head >= 0 { L.setPrev(&nodes[Int(head)], i) } else { tail = i }
        head = i
        count += 1
    }

    /// Unlinks `i`, which is in this list.
    @inline(__always)
    mutating func remove<L: ListLinks>(_ i: Int32, in nodes: Slab<L.Node>, _: L.Type) {
        let p = L.prev(nodes[Int(i)]), n = L.next(nodes[Int(i)])
        if p >= 0 { L.setNext(&nodes[Int(p)], n) } else { head = n }
        if n >= 0 { L.setPrev(&nodes[Int(n)], p) } else { tail = p }
        L.setPrev(&nodes[Int(i)], -1)
        L.setNext(&nodes[Int(i)], -1)
        count -= 1
    }

    /// Unlinks and returns the head (the list must not be empty).
    @inline(__always)
    mutating func popFirst<L: ListLinks>(in nodes: Slab<L.Node>, _ links: L.Type) -> Int32 {
        let first = head
        remove(first, in: nodes, links)
        return first
    }

    /// Forgets every node (their links are the caller's to reset, as it takes them).
    @inline(__always)
    mutating func removeAll() {
        head = -1
        tail = -1
        count = 0
    }

    /// Checks the links both ways, the count and the tail; `node` checks each node. Called by
    /// the invariant checks of debug builds.
    func check<L: ListLinks>(in nodes: Slab<L.Node>, _: L.Type, _ what: @autoclosure () -> String, node: (Int32) -> Bool = { _ in true }) {
        var n = 0
        var prev: Int32 = -1
        var i = head
        while i >= 0 {
            precondition(i < nodes.count && L.prev(nodes[Int(i)]) == prev, "\(what()): node \(i) badly linked")
            precondition(node(i), "\(what()): node \(i) does not belong here")
            n += 1
            precondition(n <= count, "\(what()): longer than its count \(count) (a cycle?)")
            prev = i
            i = L.next(nodes[Int(i)])
        }
        precondition(prev == tail && n == count, "\(what()): \(n) nodes, count \(count), tail \(tail) (last \(prev))")
    }
}

/// A call's callee-side links: an instance's waiting room, or its calls in service.
enum CalleeLinks: ListLinks {
    @inline(__always) static func prev(_ n: Call) -> Int32 { n.prev }
    @inline(__always) static func next(_ n: Call) -> Int32 { n.next }
    @inline(__always) static func setPrev(_ n: inout Call, _ v: Int32) { n.prev = v }
    @inline(__always) static func setNext(_ n: inout Call, _ v: Int32) { n.next = v }
}

/// A call's caller-side links: the timeout list that guards it.
enum CallTimeoutLinks: ListLinks {
    @inline(__always) static func prev(_ n: Call) -> Int32 { n.tprev }
    @inline(__always) static func next(_ n: Call) -> Int32 { n.tnext }
    @inline(__always) static func setPrev(_ n: inout Call, _ v: Int32) { n.tprev = v }
    @inline(__always) static func setNext(_ n: inout Call, _ v: Int32) { n.tnext = v }
}
