/** The local workflow planner: statement + agent catalog → graph, with no model and no network. */
export {};
