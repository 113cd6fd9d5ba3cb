// node.ts — Node-only helpers (file system): placeholder until save/load land.
export {};
