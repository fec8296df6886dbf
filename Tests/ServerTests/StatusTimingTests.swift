import ReporterGuards
import Testing

@Suite("Status timing: the hold before anything is learnt")
struct StatusTimingTests {
    @Test("before any success the target is the floor; fast successes cannot pull it under the floor until enough are seen")
    func floorHoldsUntilTrusted() {
        let timing = StatusTiming(floor: .milliseconds(80))
        #expect(timing.target == .milliseconds(80))
        for _ in 0..<(StatusTiming.trustAfter - 1) { timing.recordSuccess(since: .now) }
        #expect(timing.target == .milliseconds(80), "a few fast checks right after a start must not end the hold")
        timing.recordSuccess(since: .now)
        #expect(timing.target < .milliseconds(80), "after \(StatusTiming.trustAfter) successes the learnt target alone counts")
    }

    @Test("a slow success raises the target above the floor at once")
    func slowSuccessRaisesTarget() {
        let timing = StatusTiming(floor: .milliseconds(5))
        timing.recordSuccess(since: .now - .milliseconds(50))
        #expect(timing.target >= .milliseconds(50))
    }

    @Test("calibration measures the work: the floor is 1.5 × the slowest run plus the commit margin")
    func calibration() throws {
        var runs = 0
        let timing = try StatusTiming.calibrated {
            runs += 1
            let until = ContinuousClock.now + .milliseconds(20)
            while ContinuousClock.now < until {}
        }
        #expect(runs == 3)
        #expect(timing.floor >= .milliseconds(55))
        #expect(timing.floor < .milliseconds(1_000))
        #expect(timing.target == timing.floor)
    }

    @Test("a check is held until the floor has passed, measured from its start")
    func holdWaitsForFloor() async {
        let timing = StatusTiming(floor: .milliseconds(60))
        let start = ContinuousClock.now
        await timing.holdUntilTarget(since: start)
        #expect(ContinuousClock.now - start >= .milliseconds(60))
    }
}
