/** What a registry knows of a company. */
export type CompanyInfo = {
  legalName: string;
  creditCode: string;
  industry: string | null;
  registeredAddress: string | null;
  /** Registration status as the registry words it, e.g. 存续, 在业, 注销, 吊销. */
  status: string | null;
};

export type CompanyQuery = { creditCode?: string | null; name?: string | null };

/**
 * A source of company facts. Implementations: the bundled local-registry provider (a CSV file),
 * or an online one (a commercial business-registry API) added as described in docs/ENRICHMENT.md.
 */
export type EnrichmentProvider = {
  name: string;
  lookup(query: CompanyQuery): Promise<CompanyInfo | null>;
};
