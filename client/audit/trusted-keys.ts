/** The keys a verifier trusts, given from outside the export: public keys (PEM) or their fingerprints. */
export interface TrustedKeys {
  keys: string[];
  fingerprints: string[];
}
