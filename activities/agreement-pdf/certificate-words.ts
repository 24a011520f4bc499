// Every word of the certificate of completion, by language. Times are Helsinki times in Finnish notation in every
// language (the notation the parties' registers use); the outcome's words are the ones the completion mail uses.
import type { Decision, Language } from '../../core/contracts';
import { format } from '../../core/domain/mail-words/mail-words';

export interface CertificateWords {
  heading: string;
  negotiation: string;
  cycle: string;
  diaryNumber: string;
  completed: string;
  outcome: string;
  finalVersion: (version: number, title: string) => string;
  sha256: string;
  decisions: string;
  columns: { party: string; decision: string; signatory: string; reference: string; at: string };
  decision: Record<Decision | 'no_response', string>;
  reason: string;
  onBehalf: (by: string) => string;
  record: string;
  ledgerHead: (seq: number) => string;
  checkpoint: (keyId: string, signedAt: string) => string;
  /** The Merkle tree root the checkpoint signs beside the ledger head. */
  treeRoot: string;
  fingerprint: string;
  signature: string;
  howToCheck: string;
  time: (iso: string) => string;
}

const helsinki = (word: string) => format('fi', `d.M.yyyy '${word}' H.mm.ss`);

export const CERTIFICATE_WORDS: Record<Language, CertificateWords> = {
  fi: {
    heading: 'Todistus neuvottelun päättymisestä',
    negotiation: 'Neuvottelu',
    cycle: 'Tunnus',
    diaryNumber: 'Diaarinumero',
    completed: 'Päättyi',
    outcome: 'Tulos',
    finalVersion: (version, title) => `Lopullinen versio ${version}: ${title}`,
    sha256: 'Lopullisen version tarkiste (SHA-256) sellaisena kuin se julkaistiin',
    decisions: 'Osapuolten päätökset',
    columns: {
      party: 'Osapuoli',
      decision: 'Päätös',
      signatory: 'Allekirjoittaja',
      reference: 'Päätösviite',
      at: 'Aika',
    },
    decision: { approved: 'Hyväksyi', rejected: 'Hylkäsi', no_response: 'Ei päätöstä' },
    reason: 'Perustelu',
    onBehalf: (by) => `kirjannut puolesta ${by}`,
    record: 'Kirjanpito',
    ledgerHead: (seq) => `Tapahtumakirjan viimeinen rivi päättyessä: järjestysnumero ${seq}, tiiviste`,
    treeRoot: 'Merkle-puun juuri (rivit 1–tähän)',
    checkpoint: (keyId, signedAt) => `Allekirjoitettu tarkistuspiste: avain ${keyId}, allekirjoitettu ${signedAt}`,
    fingerprint: 'Avaimen sormenjälki',
    signature: 'Allekirjoitus (Ed25519, base64)',
    howToCheck:
      'Tarkistaminen: lopullisen version tarkiste ja jokaisen osapuolen päätös ovat neuvottelun tarkastusaineistossa (ledger.jsonl); tällä järjestysnumerolla olevan rivin tiiviste on yllä oleva, ja tarkistuspisteen allekirjoitus täsmää hyvinvointialueen julkaisemaan avaimeen (sopu audit verify --fingerprint).',
    time: helsinki('klo'),
  },
  sv: {
    heading: 'Intyg om förhandlingens avslutande',
    negotiation: 'Förhandling',
    cycle: 'Beteckning',
    diaryNumber: 'Diarienummer',
    completed: 'Avslutad',
    outcome: 'Resultat',
    finalVersion: (version, title) => `Slutlig version ${version}: ${title}`,
    sha256: 'Kontrollsumma (SHA-256) för den slutliga versionen sådan den publicerades',
    decisions: 'Parternas beslut',
    columns: { party: 'Part', decision: 'Beslut', signatory: 'Undertecknare', reference: 'Beslutsreferens', at: 'Tid' },
    decision: { approved: 'Godkände', rejected: 'Förkastade', no_response: 'Inget beslut' },
    reason: 'Motivering',
    onBehalf: (by) => `registrerat å partens vägnar av ${by}`,
    record: 'Registret',
    ledgerHead: (seq) => `Händelseloggens sista rad vid avslutandet: löpnummer ${seq}, hash`,
    treeRoot: 'Merkleträdets rot (raderna 1–hit)',
    checkpoint: (keyId, signedAt) => `Undertecknad kontrollpunkt: nyckel ${keyId}, undertecknad ${signedAt}`,
    fingerprint: 'Nyckelns fingeravtryck',
    signature: 'Signatur (Ed25519, base64)',
    howToCheck:
      'Kontroll: den slutliga versionens kontrollsumma och varje parts beslut finns i förhandlingens granskningsmaterial (ledger.jsonl); raden med detta löpnummer har hashen ovan, och kontrollpunktens signatur stämmer med välfärdsområdets publicerade nyckel (sopu audit verify --fingerprint).',
    time: helsinki('kl.'),
  },
  en: {
    heading: 'Certificate of completion',
    negotiation: 'Negotiation',
    cycle: 'Identifier',
    diaryNumber: 'Diary number',
    completed: 'Completed (Helsinki time)',
    outcome: 'Outcome',
    finalVersion: (version, title) => `Final version ${version}: ${title}`,
    sha256: 'SHA-256 of the final version as published',
    decisions: 'Decisions of the parties',
    columns: {
      party: 'Party',
      decision: 'Decision',
      signatory: 'Signatory',
      reference: 'Decision reference',
      at: 'Time (Helsinki)',
    },
    decision: { approved: 'Approved', rejected: 'Rejected', no_response: 'No decision' },
    reason: 'Reason',
    onBehalf: (by) => `recorded on behalf by ${by}`,
    record: 'The record',
    ledgerHead: (seq) => `The ledger's last line at completion: sequence ${seq}, hash`,
    treeRoot: 'Merkle tree root (lines 1 to this one)',
    checkpoint: (keyId, signedAt) => `Signed checkpoint: key ${keyId}, signed ${signedAt}`,
    fingerprint: "The key's fingerprint",
    signature: 'Signature (Ed25519, base64)',
    howToCheck:
      "To check: the SHA-256 of the final version and each party's decision are in the cycle's audit export (ledger.jsonl); the ledger line with this sequence has this hash, and the checkpoint's signature verifies with the county's published key (sopu audit verify --fingerprint).",
    time: helsinki('at'),
  },
};
