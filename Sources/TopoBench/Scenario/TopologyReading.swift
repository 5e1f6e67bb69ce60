/// What a component kind's reader (`<Kind>Spec.read(_:in:)`, in the kind's folder) needs to know
/// of the topology it is read in: the names and kinds of the other components, the zones, and
/// the running counts that bound a topology's size.
final class TopologyReading {
    let name: String
    let names: [String]
    let kinds: [String: String]
    let zoneNames: [String]
    /// The scenario's regions (index 0: the scenario's `region`).
    var regionNames: [String] = [ScenarioLoader.defaultRegion]
    let maps: [(String, MapReader)]
    /// The index of the component being read.
    var index = 0
    /// Instance groups that keep sessions locally (their ALB then uses sticky sessions).
    var localSessions: Set<String> = []
    /// Instances counted so far (bounded by ``ScenarioLoader/Limits/maxInstancesTotal``).
    var totalInstances = 0

    init(name: String, names: [String], kinds: [String: String], zoneNames: [String], maps: [(String, MapReader)]) {
        self.name = name
        self.names = names
        self.kinds = kinds
        self.zoneNames = zoneNames
        self.maps = maps
    }

    /// The kinds whose calls go through an AWS SDK (SPEC "Who retries").
    static let awsAPIKinds: Set<String> = ["sqs", "sns", "api_gateway", "lambda"]

    /// `retry:` of a component's `calls:` edge (`owner` names the component in the message):
    /// the SDK's standard mode when the call is an AWS API, none otherwise; refused on a
    /// component without `calls`.
    func callRetry(_ cm: MapReader, calls: Int?, owner: String) throws -> RetryPolicy {
        var retry = AwsDefaults.noRetry
        if let c = calls, let kind = kinds[names[c]], Self.awsAPIKinds.contains(kind) { retry = AwsDefaults.sdkRetry }
        if let r = cm.optional("retry") {
            if calls == nil { throw r.error(expected: "retries only on \(owner) that has 'calls'") }
            retry = try ScenarioLoader.parseRetry(r)
        }
        return retry
    }

    /// Resolves a reference to another component of a kind the key's declaration allows.
    func ref(_ cm: MapReader, _ key: String) throws -> Int? {
        let allowed = try cm.referenceKinds(key)
        guard let rr = cm.optional(key) else { return nil }
        let target = try rr.string()
        guard let i = names.firstIndex(of: target) else {
            throw rr.error(expected: "the name of a component of topology '\(name)'", found: "\"\(target)\"", suggestion: KeyPath.nearest(target, in: names))
        }
        let k = kinds[target] ?? ""
        if !allowed.contains(k) {
            throw rr.error(expected: "a component of kind \(allowed.joined(separator: " or "))", found: "\(target) (\(k))")
        }
        return i
    }

    /// The region a regional service names with `region:` (an index into `regionNames`), or
    /// nil when it names none (it is then in the region of its zones, or the scenario's).
    func region(_ cm: MapReader) throws -> Int? {
        guard let rr = cm.optional("region") else { return nil }
        let name = try rr.string()
        try ScenarioLoader.checkRegionName(name, rr)
        return regionNames.firstIndex(of: name)
    }

    /// The zones a component is placed in (zone names → zone ids), or `d`.
    func zones(_ cm: MapReader, default d: [Int]) throws -> [Int] {
        guard let list = try cm.list("zones") else { return d }
        if list.isEmpty { throw (cm.optional("zones") ?? cm.reader).error(expected: "at least one zone") }
        return try list.map { z in
            let s = try z.string()
            guard let i = zoneNames.firstIndex(of: s) else { throw z.error(expected: "a zone name") }
            // Zones are small integers in the model (an instance's zone is an Int8).
            if i >= ScenarioLoader.Limits.maxZones {
                throw z.error(expected: "at most \(ScenarioLoader.Limits.maxZones) zone names in a scenario", found: "\"\(s.prefix(40))\"")
            }
            return i
        }
    }
}
