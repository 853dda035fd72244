/// One object a command names: `pod/web-0`, or `web-0` after the type word `pods`.
public struct ObjectRef: Sendable, Hashable, CustomStringConvertible {
    /// The resolved built-in type; nil for custom resources and unknown words.
    public let resource: ResourceType?
    /// The type as typed (`po`, `deploy`, `widgets.example.com`); the plural name when
    /// the type is implied by the command (`logs web-0` means a pod).
    public let resourceWord: String
    /// The object's name.
    public let name: String

    /// Creates an object reference.
    public init(resource: ResourceType?, resourceWord: String, name: String) {
        self.resource = resource
        self.resourceWord = resourceWord
        self.name = name
    }

    /// Creates a reference resolving `resourceWord` through ``ResourceCatalog``.
    public init(resourceWord: String, name: String) {
        self.init(resource: ResourceCatalog.lookup(resourceWord), resourceWord: resourceWord, name: name)
    }

    /// `TYPE/NAME` with the type's singular name when known (`pod/web-0`), as kubectl prints it.
    public var description: String {
        (resource?.singular ?? resourceWord) + "/" + name
    }
}
