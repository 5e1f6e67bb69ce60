/// One replication of one (topology, sweep point) as the Runner hands it to Reports: where it
/// belongs and what it measured, typed.
public struct ReplicationRecord: Sendable {
    /// The values of the run's sweep columns (`RunInfo.sweepColumns`) for this point, as written.
    public var sweepValues: [String]
    /// What the replication produced.
    public var outcome: ReplicationOutcome

    /// Creates a record.
    public init(sweepValues: [String], outcome: ReplicationOutcome) {
        self.sweepValues = sweepValues
        self.outcome = outcome
    }
}

extension ResultSet {
    /// Builds the result of a run from its replications: writes every figure and row in the
    /// formats of the result files, sorts the tables canonically and computes the summary.
    ///
    /// Each ``Figure`` becomes one `replications.csv` column, in `Figure.allCases` order
    /// (`events` from the outcome's own count). The summary is computed from the written values
    /// (``Summary/compute(replications:sweepColumns:)``), exactly as `merge` computes it from
    /// the files, which is what makes a merge of shards byte-identical to the whole run.
    /// - Throws: `ScenarioError` only on an internal inconsistency (a value the formatter wrote
    ///   that does not parse back), reported rather than trapped.
    public static func assemble(info: RunInfo, records: [ReplicationRecord]) throws -> ResultSet {
        let sweepColumns = info.sweepColumns
        var replications = ResultTable(header: ResultColumns.replicationsHeader(sweepColumns: sweepColumns))
        var timeseries = ResultTable(header: ResultColumns.timeseriesHeader(sweepColumns: sweepColumns))
        var faults = ResultTable(header: ResultColumns.faultsHeader(sweepColumns: sweepColumns))
        var latency = ResultTable(header: ResultColumns.latencyHeader(sweepColumns: sweepColumns))
        var cost = ResultTable(header: ResultColumns.costHeader(sweepColumns: sweepColumns))
        for record in records {
            let o = record.outcome
            let key = [o.scenario, o.topology] + record.sweepValues + [String(o.replication)]
            var row = key
            row.reserveCapacity(key.count + ResultColumns.metrics.count)
            for figure in ResultColumns.metrics {
                row.append(figure == .events ? String(o.events) : NumberFormat.format(o.metrics[figure]))
            }
            replications.rows.append(row)
            for w in o.windows {
                timeseries.rows.append(
                    key + [
                        NumberFormat.format(Time.seconds(w.start)), String(w.offered), String(w.succeeded),
                        NumberFormat.format(w.p99ms), String(w.queueDepth), String(w.healthyInstances),
                        NumberFormat.format(w.oldestMessageAge),
                    ])
            }
            for f in o.faults {
                faults.rows.append(
                    key + [
                        f.kind, f.target, f.start.map { NumberFormat.format(Time.seconds($0)) } ?? "",
                        f.end.map { NumberFormat.format(Time.seconds($0)) } ?? "", f.note,
                    ])
            }
            for l in o.latencyLadder {
                latency.rows.append(key + [NumberFormat.format(l.percentile), NumberFormat.format(l.ms)])
            }
            for line in o.cost {
                cost.rows.append(key + [line.component, line.item, NumberFormat.format(line.quantity), line.unit, NumberFormat.format(line.usd)])
            }
        }
        return try assemble(
            info: info, replications: replications, timeseries: timeseries, faults: faults, latency: latency, cost: cost)
    }
}
