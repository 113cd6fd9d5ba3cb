// join.ts — placeholder; filled in by its own change.
export {};
