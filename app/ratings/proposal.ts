/** A proposal's fact sheet: what the board compares between vendors. */
export type ProposalFacts = {
  hostingLocation: string;
  avvAvailable: boolean | null;
  bsiC5: boolean | null;
  iso27001: boolean | null;
  accessibility: string;
  priceModel: string;
  referenceCustomers: string;
};

/** What staff and experts enter for a proposal while the round is a draft. */
export type ProposalInput = { title: string; vendor: string; summary: string } & ProposalFacts;
