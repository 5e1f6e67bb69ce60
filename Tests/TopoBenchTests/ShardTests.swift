import Testing
@testable import TopoBench

/// `--shard K/N` and the schedulers' environment variables.
@Suite("Shards")
struct ShardTests {
    @Test(arguments: [("1/1", 1, 1), ("2/4", 2, 4), ("4/4", 4, 4)])
    func parsesKOfN(_ text: String, _ k: Int, _ n: Int) throws {
        let s = try Shard.parse(text)
        #expect(s.k == k && s.n == n)
    }

    @Test(arguments: ["0/4", "5/4", "3/2", "a/b", "2", "2/", "/4", "1/0", "1/100001", "-1/4"])
    func refusesBadShards(_ text: String) {
        #expect(throws: Shard.Problem.self) { try Shard.parse(text) }
    }

    @Test func flagWinsOverTheEnvironment() throws {
        let s = try Shard.resolve(flag: "3/5", count: nil, environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"])
        #expect(s?.k == 3 && s?.n == 5)
    }

    @Test func slurmArraysCountFromTheirMinimum() throws {
        // --array=0-7: ids 0…7, count 8.
        let zero = try Shard.resolve(flag: nil, count: nil, environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "0"])
        #expect(zero?.k == 1 && zero?.n == 8)
        // --array=1-8: ids 1…8.
        let one = try Shard.resolve(flag: nil, count: nil, environment: ["SLURM_ARRAY_TASK_ID": "8", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "1"])
        #expect(one?.k == 8 && one?.n == 8)
        // An id past the count is refused, not wrapped.
        #expect(throws: Shard.Problem.self) {
            try Shard.resolve(flag: nil, count: nil, environment: ["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "1"])
        }
    }

    @Test func kubernetesIndexedJobsNeedTheCount() throws {
        let s = try Shard.resolve(flag: nil, count: 4, environment: ["JOB_COMPLETION_INDEX": "3"])
        #expect(s?.k == 4 && s?.n == 4)
        #expect(throws: Shard.Problem.self) { try Shard.resolve(flag: nil, count: nil, environment: ["JOB_COMPLETION_INDEX": "0"]) }
        #expect(throws: Shard.Problem.self) { try Shard.resolve(flag: nil, count: 4, environment: ["JOB_COMPLETION_INDEX": "4"]) }
    }

    @Test func noShardWithoutFlagOrEnvironment() throws {
        #expect(try Shard.resolve(flag: nil, count: nil, environment: ["PATH": "/usr/bin"]) == nil)
    }
}
