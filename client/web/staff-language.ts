// The language of the staff pages: Finnish unless the reader chose otherwise. A choice (`?lang=sv` on any page) is
// kept in a cookie for a year, so every later page, on any web server, speaks it too.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, type Language } from '../../core/contracts';

const COOKIE = 'sopu_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

export function staffLanguage(request: FastifyRequest, reply: FastifyReply): Language {
  const asked = (request.query as Record<string, unknown> | undefined)?.lang;
  if (isLanguage(asked)) {
    if (request.cookies?.[COOKIE] !== asked)
      void reply.setCookie(COOKIE, asked, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: YEAR_SECONDS });
    return asked;
  }
  const kept = request.cookies?.[COOKIE];
  return isLanguage(kept) ? kept : 'fi';
}

/** This page in another language: the same address (a GET's query kept), `lang` set. A form's answer page has no
 * address of its own to come back to, so its switch leads to the list of cycles. */
export function inLanguage(request: FastifyRequest, lang: Language): string {
  const url = new URL(request.method === 'GET' ? request.url : '/cycles', 'http://sopu.invalid');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}
