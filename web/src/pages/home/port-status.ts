/** Port statuses as the situation module reports them; `unknown` where no status is recorded. */
export const PORT_STATUSES = ['open', 'cargo_only', 'passengers_restricted', 'closed', 'unknown'] as const;
export type PortStatus = (typeof PORT_STATUSES)[number];

// Colours chosen to stay distinguishable for red-green colour blindness and to pass 3:1 against the land fill.
export const PORT_STATUS_COLOURS: Readonly<Record<PortStatus, string>> = {
  open: '#1b7f3b',
  cargo_only: '#1f5fbf',
  passengers_restricted: '#b25e00',
  closed: '#b3261e',
  unknown: '#5f6b76',
};

export const COUNTY_FILL_COLOUR = '#8e9aa6';

/** County fill by risk level; the map draws them translucent over the land, the legend repeats them in words. */
export const RISK_FILL_COLOURS = { low: '#3f9e5a', medium: '#e08a00', high: '#c62828' } as const;
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
