// CTS (Cloud Trace Service), as the console reads CSMS's management traces from it.
/** CTS answers ListTraces over the last 7 days only. */
export const CTS_TRACES_KEPT_MS = 7 * 86400_000;
/** Traces a page of a secret's activity asks for (CTS allows up to 200). */
export const ACTIVITY_PAGE_SIZE = 25;
