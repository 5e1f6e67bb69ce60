import Foundation

/// One AWS price: what is billed, per how much of it, and where the figure was read.
///
/// `usd` is the price of `per` units (`0.40` per 1,000,000 requests; `0.096` per 1
/// instance-hour), as the price page writes it; ``usd(for:)`` prices a quantity in units.
public struct Price: Sendable, Equatable {
    /// The price's id, as `cost.csv`'s `item` and a pricing file name it (`ec2.m5.large`).
    public let key: String
    public let usd: Double
    /// How many units `usd` pays for.
    public let per: Double
    /// What one unit is (`instance-hour`, `request`, `GB`, `GB-second`).
    public let unit: String
    /// The page the price is from (or the pricing file that overrides it).
    public let source: String
    /// When the figure was read (ISO date).
    public let read: String

    public init(_ key: String, _ usd: Double, per: Double = 1, unit: String, source: String, read: String = PriceList.readOn) {
        self.key = key
        self.usd = usd
        self.per = per
        self.unit = unit
        self.source = source
        self.read = read
    }

    /// The unit's plural (`requests`, `queries`, `deliveries`).
    public var pluralUnit: String { unit.hasSuffix("y") && !unit.hasSuffix("ay") ? unit.dropLast() + "ies" : unit + "s" }

    /// The price of `quantity` units.
    public func usd(for quantity: Double) -> Double { quantity / per * usd }
}

/// The prices a run bills with: the built-in us-east-1 on-demand list, with the prices of a
/// pricing file (`pricing: { file }`) in place of its own.
///
/// Free tiers are ignored: every request, hour and gigabyte is billed at the first paid tier, as
/// an account past its free tier (or one of many workloads sharing it) pays. Volume tiers are
/// ignored too (every price is the first paid tier's), which overstates the bill of a very large
/// account a little and never understates it.
public struct PriceList: Sendable {
    /// The day the built-in prices were read from AWS's pages.
    public static let readOn = "2026-12-01"
    /// The region the prices are for.
    public let region: String
    public private(set) var prices: [String: Price]

    public init(region: String, prices: [Price]) {
        self.region = region
        self.prices = Dictionary(prices.map { ($0.key, $0) }, uniquingKeysWith: { _, b in b })
    }

    /// The built-in list: us-east-1 (N. Virginia), on demand, Linux.
    public static let usEast1 = PriceList(region: "us-east-1", prices: builtIn)

    /// The price `key`. A key the list lacks is a programming error (every kind names only keys
    /// of the built-in list, and a pricing file only replaces them), reported as a zero price in
    /// release builds rather than a crash.
    public func price(_ key: String) -> Price {
        if let p = prices[key] { return p }
        assertionFailure("no price \(key)")
        return Price(key, 0, unit: "?", source: "missing")
    }

    /// The keys in a stable order (as `topobench list` prints them).
    public var sortedKeys: [String] { prices.keys.sorted() }

    /// The same list with `overrides` in place of the prices of the same keys.
    func replacing(_ overrides: [Price], region: String) -> PriceList {
        var copy = PriceList(region: region, prices: [])
        copy.prices = prices
        for p in overrides { copy.prices[p.key] = p }
        return copy
    }
}

/// One line of a component's bill, a row of `cost.csv`.
public struct BillLine: Sendable, Equatable {
    public var component: String
    /// The price's key (`ec2.m5.large`, `sqs.standard`).
    public var item: String
    public var quantity: Double
    public var unit: String
    public var usd: Double
}

/// The bill of one replication: the usage each component counted, priced.
///
/// A component adds its lines in ``ComponentModel/bill(_:)`` at the end of the run; the
/// engine adds the data transfer it counted on the network. `hours` is the measured window (from
/// the end of the warm-up to the end of the arrivals), which time-based items are billed over.
struct Bill {
    let prices: PriceList
    /// The measured window, in hours.
    let hours: Double
    /// The component whose lines are being added.
    var component = ""
    private(set) var lines: [BillLine] = []

    init(prices: PriceList, hours: Double) {
        self.prices = prices
        self.hours = hours
    }

    /// Bills `quantity` units of the price `key` (nothing for a quantity of 0).
    mutating func charge(_ key: String, _ quantity: Double) {
        guard quantity > 0 else { return }
        let p = prices.price(key)
        lines.append(BillLine(component: component, item: key, quantity: quantity, unit: p.unit, usd: p.usd(for: quantity)))
    }

    /// Bills a monthly price (a health check, a hosted zone) for the measured window's share
    /// of a month of 730 hours.
    mutating func chargeMonthly(_ key: String, _ count: Double) {
        charge(key, count * hours / Bill.hoursPerMonth)
    }

    /// AWS's month for hourly prices: 730 hours.
    static let hoursPerMonth = 730.0

    var total: Double { lines.reduce(0) { $0 + $1.usd } }
}

/// How long something was in use within the measured window: a count (instances, nodes)
/// that changes at events, integrated over time.
///
/// Each change adds `count × time since the last change`, clipped to the measured window, so
/// the figure is exact whatever the number of changes, and a change costs no allocation.
struct UsageClock {
    private(set) var count = 0
    private var since: SimTime = 0
    /// Count × nanoseconds within the window, summed.
    private var total: Double = 0

    /// The count becomes `n` at `now`.
    mutating func set(_ n: Int, at now: SimTime, window: ClosedRange<SimTime>) {
        accrue(to: now, window: window)
        count = n
    }

    /// Adds the time since the last change.
    private mutating func accrue(to now: SimTime, window: ClosedRange<SimTime>) {
        let from = max(since, window.lowerBound), to = min(now, window.upperBound)
        if to > from && count > 0 { total += Double(count) * Double(to - from) }
        since = now
    }

    /// Count-hours within the window, up to its end.
    func hours(window: ClosedRange<SimTime>) -> Double {
        var copy = self
        copy.accrue(to: window.upperBound, window: window)
        return copy.total / Double(Time.hour)
    }
}
