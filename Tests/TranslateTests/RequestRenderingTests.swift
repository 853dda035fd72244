import Session
import Testing
@testable import Translate

@Suite("A request rendered once for the cache key, the pick and the prompt")
struct RequestRenderingTests {
    static let listing = SessionContext(namespace: "shop", lastResource: "pods", listing: Listings.mixed)

    @Test func theRenderingIsWhatThePromptAndTheKeyUse() {
        let translator = Translator(backendProvider: { fatalError("no model here") }, modelName: "m", cache: nil)
        let rendering = RequestRendering(request: " ?delete   the failing ones", context: Self.listing, maxListingRows: 12)
        #expect(rendering.request == "delete the failing ones")
        #expect(rendering.pick?.rows.map(\.name).contains("web-1") == true)
        #expect(rendering.pick?.rows.map(\.name).contains("web-0") == false)
        let prompt = PromptBuilder.prepare(rendering)
        #expect(prompt == PromptBuilder.prepare(request: "?delete the failing ones", context: Self.listing))
        #expect(prompt.contextLines == rendering.rendered.lines)
        #expect(prompt.knownLines == rendering.knownLines)
        // The prompt shows the picked rows; the names an answer is checked against are every listed row.
        #expect(!prompt.contextLines.joined().contains("web-0"))
        #expect(prompt.knownLines.joined().contains("web-0"))
        let key = translator.cacheKey(for: "delete the failing ones", context: Self.listing)
        #expect(key == AnswerCacheKey(request: "delete the failing ones", contextFields: rendering.keyFields, model: "m",
                                      promptVersion: translator.promptVersion))
        #expect(rendering.keyFields["picked"] != nil)
        #expect(rendering.keyFields != rendering.rendered.fields)
    }

    @Test func withoutAListingThereIsNoPick() {
        let rendering = RequestRendering(request: "scale web to 3", context: SessionContext(namespace: "shop"), maxListingRows: 12)
        #expect(rendering.pick == nil)
        #expect(rendering.keyFields == rendering.rendered.fields)
        #expect(rendering.knownLines == rendering.rendered.lines)
    }
}
