// Custom search attributes, so the Temporal UI and `temporal workflow list --query` find cycles by kind, county,
// term or year, phase and outcome. They must be registered on the namespace (README: "Finding cycles in Temporal").
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SEARCH_ATTRIBUTES = {
  kind: defineSearchAttributeKey('SopuCycleKind', SearchAttributeType.KEYWORD),
  county: defineSearchAttributeKey('SopuCounty', SearchAttributeType.KEYWORD),
  period: defineSearchAttributeKey('SopuPeriod', SearchAttributeType.KEYWORD),
  phase: defineSearchAttributeKey('SopuPhase', SearchAttributeType.KEYWORD),
  outcome: defineSearchAttributeKey('SopuOutcome', SearchAttributeType.KEYWORD),
};

/** name → type, as `temporal server start-dev --search-attribute` and `operator search-attribute create` take them. */
export const SEARCH_ATTRIBUTE_DEFINITIONS: Record<string, string> = Object.fromEntries(
  Object.values(SEARCH_ATTRIBUTES).map((key) => [key.name, 'Keyword']),
);
