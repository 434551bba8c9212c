// Dedupe: pure matching rules (normalising names and addresses, blocking keys, pair scores with
// reasons, decisions, survivorship). The customers module owns the data and calls these.
export * from './rules/index.ts';
