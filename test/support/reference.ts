// The reference data the product ships, as `referenceOn` returns it from a freshly seeded database: what tests
// validate cycle files against when they have no database.
import type { ReferenceData } from '../../core/domain/reference';
import { parseCounties, parseCouncilTerms, parseMunicipalities, SHIPPED_REFERENCE } from '../../db/reference';

export const shippedReference = (): ReferenceData => ({
  counties: new Map(parseCounties(SHIPPED_REFERENCE.counties()).map((c) => [c.code, c])),
  municipalities: new Map(parseMunicipalities(SHIPPED_REFERENCE.municipalities()).map((m) => [m.code, m])),
  councilTerms: parseCouncilTerms(SHIPPED_REFERENCE.councilTerms()),
});
