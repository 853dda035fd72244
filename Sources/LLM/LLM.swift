// LLM module
