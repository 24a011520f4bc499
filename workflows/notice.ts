// A notification as the workflows address it: about one cycle, to one person, replies to the cycle's secretariat.
import type { Language, Notification } from '../core/contracts';

/** What a notification says, without whom it goes to and from. */
export type NotificationBody = Notification extends infer N
  ? N extends unknown
    ? Omit<N, 'cycleId' | 'cycleTitle' | 'recipient' | 'replyTo' | 'secretariatName' | 'secretariatLanguage'>
    : never
  : never;

interface Person {
  name: string;
  email: string;
  language: Language;
}

export const noticeTo = (
  cycle: { cycleId: string; cycleTitle: string; secretariat: Person },
  person: Person,
  body: NotificationBody,
): Notification =>
  ({
    ...body,
    cycleId: cycle.cycleId,
    cycleTitle: cycle.cycleTitle,
    recipient: { name: person.name, email: person.email, language: person.language },
    replyTo: cycle.secretariat.email,
    secretariatName: cycle.secretariat.name,
    secretariatLanguage: cycle.secretariat.language,
  }) as Notification;
