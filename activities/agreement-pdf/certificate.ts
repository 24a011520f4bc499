// The certificate of completion in one language: the negotiation, its outcome in words, the final version's SHA-256,
// each party's decision in a table, and the ledger head with its signed checkpoint — what any party needs to check
// the agreement against the audit export without trusting Sopu (docs/audit-format.md).
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AgreementInput, Language } from '../../core/contracts';
import { WORDS } from '../../core/domain/words';
import { CERTIFICATE_WORDS } from './certificate-words';

export function certificate(input: AgreementInput, language: Language): Content[] {
  const w = CERTIFICATE_WORDS[language];
  const field = (label: string, value: string): Content => ({
    text: [{ text: `${label}: `, bold: true }, value],
    style: 'field',
  });
  const header = (text: string): TableCell => ({ text, bold: true });
  const rows: TableCell[][] = input.parties.map((p) => [
    `${p.name[language]} (${p.code})`,
    {
      stack: [
        { text: w.decision[p.decision], bold: true, noWrap: true },
        ...(p.reason ? [`${w.reason}: ${p.reason}`] : []),
        ...(p.onBehalfBy ? [w.onBehalf(p.onBehalfBy)] : []),
      ],
    },
    p.signatory ?? '–',
    p.decisionReference ?? '–',
    { text: p.at ? w.time(p.at) : '–', noWrap: true },
  ]);
  const checkpoint = input.ledger.checkpoint;
  return [
    { text: w.heading, style: 'h1', headlineLevel: 1 },
    field(w.negotiation, input.title[language]),
    field(w.cycle, input.cycleId),
    ...(input.diaryNumber ? [field(w.diaryNumber, input.diaryNumber)] : []),
    field(w.completed, w.time(input.issuedAt)),
    field(w.outcome, WORDS[language].outcome[input.outcome]),
    { text: w.finalVersion(input.document.version, input.document.title), style: 'h2' },
    field(w.sha256, input.document.sha256),
    { text: w.decisions, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 'auto', '*', '*', 'auto'],
        body: [
          [w.columns.party, w.columns.decision, w.columns.signatory, w.columns.reference, w.columns.at].map(header),
          ...rows,
        ],
      },
      style: 'table',
      // Five columns, the time unbroken: a point smaller keeps the table within the margins.
      fontSize: 8,
    },
    { text: w.record, style: 'h2' },
    field(w.ledgerHead(input.ledger.seq), input.ledger.hash),
    ...(checkpoint
      ? [
          { text: w.checkpoint(checkpoint.keyId, w.time(checkpoint.signedAt)), style: 'field' },
          ...(input.keyFingerprint ? [field(w.fingerprint, input.keyFingerprint)] : []),
          ...(checkpoint.rootHash ? [field(w.treeRoot, checkpoint.rootHash)] : []),
          field(w.signature, checkpoint.signature),
        ]
      : []),
    { text: w.howToCheck, style: 'small' },
  ];
}
