/// Renders chat messages as a single prompt when the server cannot apply the model's own template.
public enum ChatTemplate {
    /// ChatML (`<|im_start|>role\n…<|im_end|>`), the format of Qwen, SmolLM and many other instruct models, ending
    /// with the opening of the assistant's turn.
    public static func chatML(_ messages: [ChatMessage]) -> String {
        var prompt = ""
        for message in messages {
            prompt += "<|im_start|>\(message.role.rawValue)\n\(message.content)<|im_end|>\n"
        }
        return prompt + "<|im_start|>assistant\n"
    }
}
