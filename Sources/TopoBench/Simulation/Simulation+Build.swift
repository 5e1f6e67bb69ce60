/// Building the components of a topology, starting them, and the periodic observations.
extension Simulation {
    func build() {
        let comps = topology.components
        slotOf = Array(repeating: -1, count: comps.count)
        kindOf = Array(repeating: .instances, count: comps.count)
        for (c, comp) in comps.enumerated() {
            componentStreams.append(
                ComponentStreams(seed: scenario.seed, replication: replication, component: comp.name, owner: &ownedStreams))
            let ci = Int32(c)
            switch comp.kind {
            case .instances(let s):
                kindOf[c] = .instances
                slotOf[c] = Int32(groups.count)
                let instances = Slab((0..<s.count).map { k in
                    Instance(zone: Int8(s.zones.isEmpty ? 0 : s.zones[k % s.zones.count]))
                })
                var g = InstanceGroup(component: ci, spec: s, instances: instances)
                if let b = s.circuitBreaker { g.breaker = CircuitBreaker(spec: b) }
                groups.append(g)
                serviceDraws.append(DrawBuffer(s.service, componentStreams[c].service))
            case .alb:
                kindOf[c] = .alb
            case .sessionStore(let s):
                kindOf[c] = .sessionStore
                slotOf[c] = Int32(stores.count)
                let zones = s.zones.isEmpty ? [0] : s.zones
                let nodes = (0..<s.nodes).map { k in
                    StoreNode(primaryZone: Int8(zones[k % zones.count]), replicaZone: Int8(zones[(k + 1) % zones.count]))
                }
                stores.append(SessionStore(component: ci, spec: s, nodes: nodes))
            case .apiGateway(let s):
                kindOf[c] = .apiGateway
                slotOf[c] = Int32(gateways.count)
                gateways.append(APIGateway(component: ci, spec: s, tokens: Double(s.burst)))
            case .sqs(let s):
                kindOf[c] = .sqs
                slotOf[c] = Int32(queues.count)
                var q = MessageQueue(component: ci, spec: s)
                q.groupInflight = Array(repeating: 0, count: max(1, s.messageGroups))
                q.sendTokens = s.fifoThroughput
                queues.append(q)
            case .sns(let s):
                kindOf[c] = .sns
                slotOf[c] = Int32(topics.count)
                topics.append(Topic(component: ci, spec: s))
            case .httpEndpoint(let s):
                kindOf[c] = .httpEndpoint
                slotOf[c] = Int32(endpoints.count)
                endpoints.append(HTTPEndpoint(component: ci, spec: s))
            case .lambda(let s):
                kindOf[c] = .lambda
                slotOf[c] = Int32(lambdas.count)
                lambdas.append(LambdaFunction(component: ci, spec: s))
            case .autoscaling:
                kindOf[c] = .autoscaling
            }
        }
        // Second pass: components that refer to others.
        for (c, comp) in comps.enumerated() {
            let ci = Int32(c)
            switch comp.kind {
            case .alb(let s):
                let gi = slotOf[s.targets]
                let g = groups[Int(gi)]
                var zones: [Int8] = []
                for i in g.instances where !zones.contains(i.zone) { zones.append(i.zone) }
                let lb = LoadBalancer(
                    component: ci, spec: s, targetComponent: Int32(s.targets), group: gi,
                    targets: Slab(repeating: TargetHealth(), count: g.instances.count), nodeZones: Slab(zones),
                    forwarded: Slab(repeating: 0, count: g.instances.count))
                slotOf[c] = Int32(balancers.count)
                balancers.append(lb)
                recountTargets(balancers.count - 1)
            case .autoscaling(let s):
                slotOf[c] = Int32(scalers.count)
                let gi = slotOf[s.group]
                scalers.append(AutoScaler(
                    component: ci, spec: s, group: gi,
                    launchedAt: Array(repeating: -Time.day, count: groups[Int(gi)].instances.count)))
            default: break
            }
        }
        for qi in 0..<queues.count {
            guard let consumer = queues[qi].spec.consumers else { continue }
            queues[qi].consumerComponent = Int32(consumer)
            switch kindOf[consumer] {
            case .instances:
                let gi = Int(slotOf[consumer])
                queues[qi].consumerGroup = Int32(gi)
                let per = queues[qi].spec.pollers ?? groups[gi].spec.workers
                for k in 0..<groups[gi].instances.count {
                    for _ in 0..<per { queues[qi].addPoller(instance: Int32(k)) }
                }
            case .lambda:
                let li = Int(slotOf[consumer])
                queues[qi].consumerLambda = Int32(li)
                let per = queues[qi].spec.pollers ?? lambdas[li].spec.concurrency
                for _ in 0..<per { queues[qi].addPoller(instance: 0) }
            default: break
            }
        }
    }

    func startComponents() {
        for gi in 0..<groups.count {
            if let t = groups[gi].spec.callTimeout {
                groups[gi].callTimeouts = makeTimeoutList(.calls(component: groups[gi].component), delay: t)
            }
        }
        for bi in 0..<balancers.count {
            balancers[bi].idleList = makeTimeoutList(.calls(component: balancers[bi].component), delay: balancers[bi].spec.idleTimeout)
            balancers[bi].connectList = makeTimeoutList(.connect(component: balancers[bi].component), delay: balancers[bi].spec.connectTimeout)
            startHealthChecks(bi)
        }
        for gi in 0..<gateways.count {
            gateways[gi].timeoutList = makeTimeoutList(.calls(component: gateways[gi].component), delay: gateways[gi].spec.timeout)
        }
        for ei in 0..<endpoints.count {
            endpoints[ei].timeoutList = makeTimeoutList(.calls(component: endpoints[ei].component), delay: endpoints[ei].spec.timeout)
        }
        for qi in 0..<queues.count { startPollers(qi) }
        for si in 0..<scalers.count { startScaler(si) }
    }

    /// Dispatches a component's own timer.
    func componentTimer(_ comp: Int32, code: Int32, gen: UInt32) {
        let c = Int(comp)
        switch kindOf[c] {
        case .sessionStore: storeFailoverDone(Int(slotOf[c]), node: Int(code), gen: gen)
        case .autoscaling: scalerTimer(Int(slotOf[c]), code: code, gen: gen)
        case .httpEndpoint: endpointTimer(Int(slotOf[c]), message: code, gen: gen)
        case .lambda:
            if code >= 0 { lambdaCallDone(Int(slotOf[c]), call: code, gen: gen) }
            else { lambdaAsyncDone(Int(slotOf[c]), message: -2 - code, gen: gen) }
        default: break
        }
    }

    func handleWindowTick() {
        metrics.closeWindow(at: now, sample: sampleState())
        let next = now + scenario.window
        if next < endOfArrivals {
            schedule(at: next, .windowTick)
        } else if now < endOfArrivals {
            schedule(at: endOfArrivals, .windowTick)
        }
    }

    func sampleState() -> StateSample {
        var depth = queuedCallCount()
        for q in queues { depth += q.visible }
        return StateSample(queueDepth: depth, healthy: healthyInstanceCount(), oldestAge: oldestMessageAge())
    }
}
