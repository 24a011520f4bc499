// The accessibility statement (saavutettavuusseloste, Act 306/2019 §24) in Finnish, Swedish and English, in the
// order the supervisory authority's model statement uses: scope, conformance, what is not accessible, how the
// statement was made, feedback, and the enforcement procedure.
import type { Language } from '../../../core/contracts';

export interface AccessibilityWords {
  /** The link in every page's footer, and the page's heading. */
  title: string;
  scope: string;
  conformanceHeading: string;
  conformance: string;
  gapsHeading: string;
  gaps: string[];
  madeHeading: string;
  made: string;
  feedbackHeading: string;
  feedback: (contact: string) => string;
  noContact: string;
  enforcementHeading: string;
  enforcement: string;
}

export const ACCESSIBILITY_WORDS: Record<Language, AccessibilityWords> = {
  fi: {
    title: 'Saavutettavuusseloste',
    scope:
      'Tämä seloste koskee Sopua, hyvinvointialueen ja kuntien lakisääteisten neuvottelujen palvelua: osallistujien tehtäväsivuja sekä sihteeristön ja tarkastajien sivuja.',
    conformanceHeading: 'Saavutettavuuden tila',
    conformance: 'Palvelu täyttää saavutettavuusvaatimukset (WCAG 2.1, taso AA) osittain. Puutteet on lueteltu alla.',
    gapsHeading: 'Sisällöt, jotka eivät ole saavutettavia',
    gaps: [
      'Sivut tarkistetaan automaattisella saavutettavuustestillä (axe), mutta ladattavia asiakirjoja (Word, PDF) ei vielä.',
      'Sopimus-PDF ei ole rakenteistettu (tagged) PDF: ruudunlukija lukee sen tekstin, mutta ei otsikoiden eikä taulukoiden rakennetta.',
      'Osa virheilmoituksista näytetään englanniksi.',
      'Osallistujien lähettämät liitteet ja luonnokset ovat niiden laatijoiden vastuulla; niiden saavutettavuutta ei tarkisteta.',
    ],
    madeHeading: 'Selosteen laatiminen',
    made: 'Seloste on laadittu 6.12.2026 itsearvioinnin ja automaattisten testien perusteella.',
    feedbackHeading: 'Palaute',
    feedback: (contact) =>
      `Huomasitko saavutettavuuspuutteen? Kerro siitä: ${contact}. Vastaamme kahden viikon kuluessa.`,
    noContact: 'ilmoita sille sihteeristölle, jolta sait tehtävän',
    enforcementHeading: 'Valvontaviranomainen',
    enforcement:
      'Jos et ole tyytyväinen saamaasi vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä ilmoituksen saavutettavuuden valvontaviranomaiselle, Liikenne- ja viestintävirasto Traficomille (digitaalisten palvelujen tarjoamisesta annettu laki 306/2019).',
  },
  sv: {
    title: 'Tillgänglighetsutlåtande',
    scope:
      'Detta utlåtande gäller Sopu, tjänsten för de lagstadgade förhandlingarna mellan välfärdsområdet och kommunerna: deltagarnas uppgiftssidor och sekretariatets och granskarnas sidor.',
    conformanceHeading: 'Tillgänglighetsstatus',
    conformance: 'Tjänsten uppfyller tillgänglighetskraven (WCAG 2.1, nivå AA) delvis. Bristerna räknas upp nedan.',
    gapsHeading: 'Innehåll som inte är tillgängligt',
    gaps: [
      'Sidorna granskas med ett automatiskt tillgänglighetstest (axe), men nedladdningsbara dokument (Word, PDF) ännu inte.',
      'Avtalets PDF är inte en taggad PDF: en skärmläsare läser texten men inte rubrikernas eller tabellernas struktur.',
      'En del felmeddelanden visas på engelska.',
      'Bilagor och utkast som deltagarna skickar är deras upphovsmäns ansvar; deras tillgänglighet granskas inte.',
    ],
    madeHeading: 'Hur utlåtandet har utarbetats',
    made: 'Utlåtandet har utarbetats 6.12.2026 utifrån en självbedömning och automatiska tester.',
    feedbackHeading: 'Respons',
    feedback: (contact) =>
      `Märkte du en brist i tillgängligheten? Berätta om den: ${contact}. Vi svarar inom två veckor.`,
    noContact: 'meddela det sekretariat som gav dig uppgiften',
    enforcementHeading: 'Tillsynsmyndighet',
    enforcement:
      'Om du inte är nöjd med svaret eller inte får något svar inom två veckor kan du anmäla saken till tillsynsmyndigheten för tillgänglighet, Transport- och kommunikationsverket Traficom (lagen om tillhandahållande av digitala tjänster 306/2019).',
  },
  en: {
    title: 'Accessibility statement',
    scope:
      "This statement applies to Sopu, the service for the statutory negotiations between the wellbeing services county and its municipalities: participants' task pages and the secretariat's and auditors' pages.",
    conformanceHeading: 'Compliance status',
    conformance:
      'The service partially meets the accessibility requirements (WCAG 2.1, level AA). The gaps are listed below.',
    gapsHeading: 'Content that is not accessible',
    gaps: [
      'The pages are checked with an automated accessibility test (axe), the downloadable documents (Word, PDF) not yet.',
      'The agreement PDF is not a tagged PDF: a screen reader reads its text, but not the structure of its headings and tables.',
      'Some refusals are shown in English.',
      "Attachments and drafts that participants send are their authors' responsibility; their accessibility is not checked.",
    ],
    madeHeading: 'How this statement was prepared',
    made: 'This statement was prepared on 6 December 2026 from a self-assessment and automated tests.',
    feedbackHeading: 'Feedback',
    feedback: (contact) => `Did you notice an accessibility problem? Tell us: ${contact}. We answer within two weeks.`,
    noContact: 'tell the secretariat that sent you the task',
    enforcementHeading: 'Enforcement procedure',
    enforcement:
      'If you are not satisfied with the answer, or get none within two weeks, you may report it to the accessibility supervisory authority, the Finnish Transport and Communications Agency Traficom (Act on the Provision of Digital Services 306/2019).',
  },
};
