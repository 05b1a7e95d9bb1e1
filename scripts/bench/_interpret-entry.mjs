// One bundle for the interpreter benchmark: the interpreter and its tag cache from the same module instance,
// so clearing the cache really makes the next prompts cold.
export { interpret } from '../../src/core/language/interpret.ts';
export { clearTagCache, tagCounts } from '../../src/core/language/morphology.ts';
export { examplePrompts, fuzzPrompts, generatedPrompts, humanPrompts } from '../../tests/helpers/identity-prompts.ts';
