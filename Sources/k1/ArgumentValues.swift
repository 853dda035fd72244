import ArgumentParser
import Bench
import Support

/// `--provider auto|llamacpp|ollama|openai`: the parser refuses any other value and lists these.
extension K1Config.Provider: ExpressibleByArgument {}

/// `--split dev|test|all`: the parser refuses any other value and lists these.
extension BenchmarkSplit: ExpressibleByArgument {}

/// `--category simple|moderate|complex|edge|context|fix|explain`: the parser refuses any other value and lists these.
extension BenchmarkCategory: ExpressibleByArgument {}
