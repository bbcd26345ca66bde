import type { Milestone } from './milestone.js';

/** What the caller knows about the document the proposals are for. */
export interface ProposalContext {
  readonly documentId: string;
  /** Canonical insurer name, null for sector-wide documents. */
  readonly insurer: string | null;
  readonly sector: Milestone['sector'];
  readonly contractYear: number | null;
  /** Other names of the insurer ("Z&Z", "Coöperatie VGZ"), so "Z&Z publiceert …" reads as the insurer acting. */
  readonly insurerAliases?: readonly string[];
  /** Year for dates written without one (default: the year before the contract year). */
  readonly defaultYear?: number;
}
