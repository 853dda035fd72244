/// Remembers prompts llama-server rendered with the model's chat template (`POST /apply-template`), and whether the
/// server offers that endpoint at all.
actor PromptTemplateCache {
    private var prompts: [[ChatMessage]: String] = [:]
    private var order: [[ChatMessage]] = []
    private let capacity: Int
    /// False once the server answered that it has no `/apply-template`.
    private(set) var serverCanApplyTemplate = true

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    func prompt(for messages: [ChatMessage]) -> String? { prompts[messages] }

    func store(_ prompt: String, for messages: [ChatMessage]) {
        if prompts.updateValue(prompt, forKey: messages) == nil {
            order.append(messages)
            if order.count > capacity { prompts[order.removeFirst()] = nil }
        }
    }

    func markTemplateEndpointMissing() { serverCanApplyTemplate = false }
}
