import Testing
@testable import Translate
import Support

@Suite("AnswerCacheKey and StableHash")
struct AnswerCacheKeyTests {
    func key(_ request: String = "show pods", fields: [String: String] = ["namespace": "shop"], model: String = "qwen",
             version: String = "k1-prompt-3") -> AnswerCacheKey {
        AnswerCacheKey(request: request, contextFields: fields, model: model, promptVersion: version)
    }

    @Test func fnvTestVectors() {
        #expect(StableHash.hex("") == "6c62272e07bb014262b821756295c58d")
        #expect(StableHash.hex("a") == "d228cb696f1a8caf78912b704e4a8964")
        // FNV-1a 64 test vectors.
        #expect(StableHash.hex64(bytes: Array("".utf8)) == "cbf29ce484222325")
        #expect(StableHash.hex64(bytes: Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(StableHash.hex64(bytes: Array("foobar".utf8)) == "85944171f73967e8")
    }

    @Test func keyIsStableAcrossRuns() {
        // A fixed value: a change here silently orphans every user's cache.
        #expect(key().value == StableHash.hex(AnswerCacheKey.material(request: "show pods", contextFields: ["namespace": "shop"],
                                                                       model: "qwen", promptVersion: "k1-prompt-3")))
        #expect(key().value.count == 32)
        #expect(key().value == key().value)
    }

    @Test func caseWhitespaceAndTrailingPunctuationDoNotMatter() {
        #expect(key("Show   PODS?") == key())
        #expect(key("  show pods. ") == key())
        #expect(key("?show pods") == key())
        #expect(key("show\tpods!!") == key())
    }

    @Test func everythingTheAnswerDependsOnChangesTheKey() {
        #expect(key(fields: ["namespace": "prod"]) != key())
        #expect(key(fields: [:]) != key())
        #expect(key(model: "llama") != key())
        #expect(key(version: "k1-prompt-4") != key())
        #expect(key("show pod") != key())
        #expect(key(fields: ["namespace": "shop", "selection": "pod/web-0"]) != key())
    }

    @Test func fieldsCannotRunTogether() {
        #expect(key(fields: ["a": "bc"]) != key(fields: ["ab": "c"]))
        #expect(key(fields: ["namespace": "shop"], model: "m") != key(fields: ["namespace": "shopm"], model: ""))
    }

    @Test func normalisation() {
        #expect(AnswerCacheKey.normaliseRequest("  Restart   the FAILING ones?! ") == "restart the failing ones")
    }
}
