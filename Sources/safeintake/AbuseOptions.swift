import ArgumentParser
import ReporterGuards
import Server

/// `serve` options for the rate limits and the proof of work (Docs/abuse-resistance.md).
struct AbuseOptions: ParsableArguments {
    @Option(help: "Complaints per minute, all reporters together, above which new complaints must carry a proof of work (0: never).")
    var powThreshold = AbusePolicy().proofOfWorkThresholdPerMinute
    @Option(help: "Proof-of-work difficulty at the threshold, in leading zero bits of SHA-256 (19 ≈ a second on a phone).")
    var powBits = AbusePolicy().proofOfWorkBits
    @Option(help: "Global cap on complaints processed per second (bursts of twice that).")
    var intakeRate = AbusePolicy().intakePerSecond
    @Option(help: "Global cap on status checks per second (bursts of twice that).")
    var statusRate = AbusePolicy().statusPerSecond
    @Option(help: "Global cap on agency challenges (POST /v1/agency/challenge) per second (bursts of twice that).")
    var challengeRate = AbusePolicy().challengePerSecond
    @Option(help: "Global cap on requests to the public audit endpoints (/v1/audit/*) per second (bursts of twice that).")
    var auditRate = AbusePolicy().auditPerSecond
    @Option(help: "Audit requests served at once (their reads use the workers intake needs); more wait, and beyond 32 waiting get 429.")
    var auditConcurrency = AbusePolicy().auditConcurrency
    @Option(help: "Status checks per token locator per hour answered at once; later ones wait 1 s, 2 s, 4 s … up to 32 s.")
    var locatorFreeChecks = AbusePolicy().locatorFreeAttempts

    var policy: AbusePolicy {
        var policy = AbusePolicy()
        policy.proofOfWorkThresholdPerMinute = powThreshold
        policy.proofOfWorkBits = powBits
        policy.intakePerSecond = intakeRate
        // Bursts of twice the rate, and at least one request: a rate below 1/s (0.3) still admits.
        policy.intakeBurst = AbusePolicy.burst(forRate: intakeRate)
        policy.statusPerSecond = statusRate
        policy.statusBurst = AbusePolicy.burst(forRate: statusRate)
        policy.challengePerSecond = challengeRate
        policy.challengeBurst = AbusePolicy.burst(forRate: challengeRate)
        policy.auditPerSecond = auditRate
        policy.auditBurst = AbusePolicy.burst(forRate: auditRate)
        policy.auditConcurrency = auditConcurrency
        policy.locatorFreeAttempts = locatorFreeChecks
        return policy
    }

    func validate() throws {
        guard powThreshold >= 0, (1...40).contains(powBits) else {
            throw ValidationError("--pow-threshold must be 0 or more and --pow-bits 1 to 40")
        }
        guard intakeRate > 0, statusRate > 0, challengeRate > 0, auditRate > 0, locatorFreeChecks >= 1, auditConcurrency >= 1 else {
            throw ValidationError("--intake-rate, --status-rate, --challenge-rate and --audit-rate must be above 0, --locator-free-checks and --audit-concurrency at least 1")
        }
    }
}
