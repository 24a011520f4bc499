// Server-rendered HTML: a tagged template that escapes every value unless it is already safe HTML, so text written by
// people (titles, names, answers) can never become markup.
import escapeHtml from 'escape-html';
import { LANGUAGES, type Language } from '../../core/contracts';
import { ACCESSIBILITY_WORDS } from './words/accessibility';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = SafeHtml | string | number | null | undefined | false | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof SafeHtml) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  return new SafeHtml(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ''), ''));
}

/** `refreshSeconds`: the page loads itself again after that long (a receipt not confirmed yet checks again). */
export function page(options: {
  lang: string;
  title: string;
  body: SafeHtml;
  nav?: SafeHtml;
  refreshSeconds?: number;
  /** The page goes on to this address of the site at once (a link on it says where, for who has that turned off). */
  goTo?: string;
}): string {
  const refresh = options.goTo
    ? html`<meta http-equiv="refresh" content="0;url=${options.goTo}">`
    : options.refreshSeconds
      ? html`<meta http-equiv="refresh" content="${String(options.refreshSeconds)}">`
      : '';
  // A keyboard user's first stop is the way past the header to what the page is for (WCAG 2.4.1).
  const lang = (LANGUAGES as readonly string[]).includes(options.lang) ? (options.lang as Language) : 'fi';
  const skip = SKIP_TO_CONTENT[lang];
  return `<!doctype html>${html`<html lang="${options.lang}"><head><meta charset="utf-8">${refresh}<meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.title} – Sopu</title><link rel="stylesheet" href="/static/sopu.css"></head><body><a class="skip" href="#main">${skip}</a><header><span class="brand">Sopu</span>${options.nav ?? ''}</header><main id="main" tabindex="-1">${options.body}</main><footer><a href="/accessibility?lang=${options.lang}">${ACCESSIBILITY_WORDS[lang].title}</a></footer></body></html>`.value}`;
}

const SKIP_TO_CONTENT: Record<Language, string> = {
  fi: 'Siirry sisältöön',
  sv: 'Hoppa till innehållet',
  en: 'Skip to content',
};

export const CSS = `
body{font-family:system-ui,sans-serif;margin:0;line-height:1.5;color:#1b1b1b;background:#f7f7f5}
header{background:#0b3d62;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#fff}.brand{font-weight:700;letter-spacing:.05em}
main{max-width:70rem;margin:1.5rem auto;padding:0 1.2rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;background:#fff}th,td{border:1px solid #d0d0d0;padding:.3rem .6rem;text-align:left;vertical-align:top}
.facts th{background:#eef2f5;width:14rem}
form.inline{display:inline}fieldset{border:1px solid #c8c8c8;background:#fff;margin:1rem 0;padding:1rem}
label{display:block;margin:.5rem 0 .2rem;font-weight:600}input[type=text],input[type=email],input[type=password],input[type=number],select,textarea{width:100%;max-width:40rem;padding:.4rem;font:inherit}
textarea{min-height:8rem}fieldset button{display:block}button{margin-top:.7rem;padding:.45rem 1rem;font:inherit;background:#0b5394;color:#fff;border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#5b6770}button:focus,a:focus,input:focus,textarea:focus,select:focus{outline:3px solid #f0b400}
.error{background:#fde8e8;border-left:4px solid #b00020;padding:.6rem 1rem}.notice{background:#e6f4ea;border-left:4px solid #1e7b34;padding:.6rem 1rem}
.s-answered,.s-approved{background:#e6f4ea}.s-overdue,.s-late{background:#fff4d6}.s-no_response,.s-rejected,.s-cancelled{background:#fde8e8}.s-open{background:#fff}
.said{white-space:pre-wrap;background:#fff;border-left:4px solid #0b5394;padding:.4rem .8rem;max-width:50rem}
.party-answer{margin-bottom:1.2rem}table.goals{font-size:.9rem;margin:.4rem 0}fieldset.area{background:#fafafa}fieldset.goal{margin:.5rem 0}nav.phases{margin:.5rem 0}
.hash{font-family:monospace;word-break:break-all}.document{background:#fff;border:1px solid #d0d0d0;padding:.4rem 1.2rem;max-width:50rem;max-height:40rem;overflow:auto}
.skip{position:absolute;left:-999rem;top:.4rem;background:#fff;color:#0b3d62;padding:.4rem .8rem;z-index:1}.skip:focus{left:1rem}
header .muted{color:#dfe8f0}footer{max-width:70rem;margin:2rem auto;padding:0 1.2rem 2rem}
.todo{background:#fff8e1;border-left:4px solid #8a5a00;padding:.3rem 1rem .6rem;margin:1rem 0}.todo h2{margin-top:.4rem}li.urgent{font-weight:600}
a.button{display:inline-block;padding:.45rem 1rem;background:#0b5394;color:#fff;border-radius:4px;text-decoration:none}
.hint{color:#5b6770;margin:.1rem 0 .3rem;font-size:.95rem}.field-error{color:#b00020;font-weight:600;margin:.2rem 0}label.check{font-weight:400}
table.people input,table.people select{width:100%;min-width:9rem;padding:.3rem;font:inherit}fieldset.party{background:#fafafa}
pre.mail{white-space:pre-wrap;background:#fff;border:1px solid #d0d0d0;padding:.6rem 1rem;max-width:50rem}
.diff{white-space:pre-wrap;font-family:monospace;background:#fff;padding:.4rem .8rem;max-width:50rem}.diff ins{background:#e6f4ea;text-decoration:none;display:block}.diff del{background:#fde8e8;display:block}.muted{color:#5b6770}nav.lang a{margin-right:.6rem}
dl.fields{margin:0;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 .6rem;font-size:.9rem}dl.fields dt{font-weight:600}dl.fields dd{margin:0}
figure.chart{background:#fff;border:1px solid #d0d0d0;margin:1rem 0;padding:.6rem 1rem;max-width:50rem}figure.chart svg{max-width:100%;height:auto}figure.chart figcaption{font-weight:600}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}.charts figure.chart{margin:0}
table.ledger{table-layout:fixed;width:100%}table.ledger td:nth-child(1){width:3.5rem}table.ledger td:nth-child(2){width:10rem}nav.pages a{margin-right:1rem}
`;
