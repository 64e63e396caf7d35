/** The AI layer (ARCHITECTURE.md §7). */
export {};
