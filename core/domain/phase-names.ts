// A phase key (`preparation`, `round-2`, `meeting`, `signoff`) in a language's words, given that language's names for
// the four kinds of phase: codes never reach a reader.
export const phaseNamed =
  (preparation: string, meeting: string, signoff: string, round: string) =>
  (key: string): string =>
    key === 'preparation'
      ? preparation
      : key === 'meeting'
        ? meeting
        : key === 'signoff'
          ? signoff
          : key.replace(/^round-(\d+)$/, `${round} $1`);
