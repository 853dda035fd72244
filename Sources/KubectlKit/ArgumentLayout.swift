/// The result of reading the positional words of a command.
struct ArgumentLayout: Sendable {
    var resource: ResourceType?
    var resourceWord: String?
    var resourceWords: [String] = []
    var names: [String] = []
    var objects: [ObjectRef] = []
    var arguments: [String] = []
    var shape: ArgumentShape = .verbatim
}
