/// Which share of a run's work this process does: shard `k` of `n` (1-based).
public enum Shard {
    /// A shard that could not be parsed or resolved; the CLI reports it as a usage error (64).
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Parses `K/N` with 1 ≤ K ≤ N ≤ 100,000.
    public static func parse(_ text: String) throws -> (k: Int, n: Int) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n, n <= 100_000 else {
            throw Problem(description: "--shard takes K/N with 1 ≤ K ≤ N, such as 2/4; got '\(text)'")
        }
        return (k, n)
    }

    /// The shard from `--shard`, or else from a Slurm job array (`SLURM_ARRAY_TASK_ID`,
    /// `SLURM_ARRAY_TASK_COUNT`, `SLURM_ARRAY_TASK_MIN`) or a Kubernetes Indexed Job
    /// (`JOB_COMPLETION_INDEX`, 0-based, with the number of shards from `--shard-count`);
    /// `nil` when none is given.
    public static func resolve(flag: String?, count: Int?, environment env: [String: String]) throws -> (k: Int, n: Int)? {
        if let flag { return try parse(flag) }
        if let id = env["SLURM_ARRAY_TASK_ID"].flatMap(Int.init), let n = env["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) {
            let min = env["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
            return try parse("\(id - min + 1)/\(n)")
        }
        if let idx = env["JOB_COMPLETION_INDEX"].flatMap(Int.init) {
            guard let n = count else {
                throw Problem(description: "JOB_COMPLETION_INDEX is set: give the number of shards with --shard-count N")
            }
            return try parse("\(idx + 1)/\(n)")
        }
        return nil
    }
}
