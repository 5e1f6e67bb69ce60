import Foundation

extension ScenarioLoader {
    /// Reads `pricing: { region, file }`: the built-in us-east-1 prices, with a file's prices in
    /// their place.
    ///
    /// A file's key that is not a built-in price is refused with the nearest one, as an unknown
    /// scenario key is. Prices for another region than us-east-1 must come from a file that
    /// prices every item the topologies bill: a us-east-1 price is never used silently for
    /// another region.
    static func readPricing(_ m: MapReader?, topologies: [Topology]) throws -> PriceList {
        guard let m else { return .usEast1 }
        let region = try m.string("region", default: "us-east-1") ?? "us-east-1"
        let fileReader = m.optional("file")
        try m.finish()
        guard let fileReader else {
            if region != PriceList.usEast1.region {
                throw (m.optional("region") ?? m.reader).error(
                    expected: "us-east-1 (the built-in prices), or a pricing file (file: prices.yaml) with the prices of \(region)",
                    found: "\"\(region)\" without a file")
            }
            return .usEast1
        }
        let rel = try fileReader.string()
        let base = URL(fileURLWithPath: fileReader.file).deletingLastPathComponent()
        let path = rel.hasPrefix("/") ? rel : base.appendingPathComponent(rel).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw fileReader.error(expected: "a pricing file", found: "\"\(rel)\" (not found)")
        }
        let top = try NodeReader(node: try ScenarioDocument.load(path: path), file: path).map(.pricingFile)
        let fileRegion = try top.string("region")
        if let fileRegion, m.optional("region") != nil, fileRegion != region {
            throw (top.optional("region") ?? top.reader).error(
                expected: "the region of the scenario's pricing (\(region))", found: "\"\(fileRegion)\"")
        }
        let listRegion = fileRegion ?? region
        let read = try top.string("read") ?? URL(fileURLWithPath: path).lastPathComponent
        let prices = try top.required("prices").map(.pricingPrices)
        var overrides: [Price] = []
        let known = PriceList.usEast1
        for (key, value) in prices.entries() {
            guard let builtIn = known.prices[key] else {
                throw ScenarioError(
                    file: path, keyPath: value.path, line: value.line, expected: "a key of the built-in price list (topobench list prints them)",
                    suggestion: KeyPath.nearest(key, in: known.sortedKeys), problem: "unknown price '\(key)'")
            }
            let usd = try value.double()
            overrides.append(Price(key, usd, per: builtIn.per, unit: builtIn.unit, source: path, read: read))
        }
        try prices.finish()
        try top.finish()
        if listRegion != known.region {
            let given = Set(overrides.map(\.key))
            var missing: [String] = []
            for t in topologies {
                for key in t.priceKeys where !given.contains(key) && !missing.contains(key) { missing.append(key) }
            }
            if !missing.isEmpty {
                throw ScenarioError(
                    file: path, keyPath: "prices", line: prices.reader.line,
                    expected: "a price for every item the topologies bill in \(listRegion) (the built-in prices are us-east-1's)",
                    found: "none for " + missing.sorted().joined(separator: ", "))
            }
        }
        return known.replacing(overrides, region: listRegion)
    }
}
