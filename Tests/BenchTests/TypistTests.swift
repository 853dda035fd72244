import Testing
@testable import Bench

@Suite("Typist")
struct TypistTests {
    @Test func keysFurtherApartThanThePauseAreSeenAfterEachKey() {
        let typist = Typist(charactersPerSecond: 8, pauseBeforeEnterMilliseconds: 300, pauseMilliseconds: 100)
        let pauses = typist.pauses(typing: "?abc")
        #expect(pauses.map(\.text) == ["?", "?a", "?ab", "?abc"])
        #expect(pauses.map(\.at) == [100, 225, 350, 475])
        #expect(typist.enter(typing: "?abc") == 675)
    }

    @Test func keysCloserThanThePauseAreSeenOnlyBeforeEnter() {
        let typist = Typist(charactersPerSecond: 8, pauseBeforeEnterMilliseconds: 300, pauseMilliseconds: 150)
        #expect(typist.pauses(typing: "?abc") == [Typist.Pause(at: 525, text: "?abc")])
    }

    @Test func anEnterFasterThanThePauseIsSeenNever() {
        let typist = Typist(charactersPerSecond: 20, pauseBeforeEnterMilliseconds: 30, pauseMilliseconds: 100)
        #expect(typist.pauses(typing: "?abc").isEmpty)
        #expect(typist.summary == "20 keys/s, 30 ms before Enter, line seen 100 ms after a key, answer begun after 150 ms")
    }
}
