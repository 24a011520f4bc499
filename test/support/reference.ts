// The reference data the product ships, as `referenceOn` returns it from a freshly seeded database: what tests
// validate cycle files against when they have no database.
export { shippedReference } from '../../db/reference';
