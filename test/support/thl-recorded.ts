// THL's Sotkanet API on loopback, answering with the responses recorded for the tests (test/fixtures/thl-recorded:
// made up, not real statistics) as the API does: the catalogue, the regions, and an indicator's values for the years
// and genders asked for. It keeps every request it was sent, so a test can say what Sopu sends THL.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const DIR = path.join(__dirname, '..', 'fixtures', 'thl-recorded');
const recorded = (file: string) => JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as unknown;

export interface RecordedThl {
  /** The API's base address, as SOPU_THL_URL names it. */
  url: string;
  /** Every request's path and query, in the order received. */
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordedThl(): Promise<RecordedThl> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://thl.test');
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    const route = url.pathname.replace(/^\/rest\/1\.1/, '');
    if (route === '/indicators') return send(200, recorded('indicators.json'));
    if (route === '/regions') return send(200, recorded('regions.json'));
    if (route === '/json') {
      const indicator = url.searchParams.get('indicator');
      const years = url.searchParams.getAll('years').map(Number);
      const genders = url.searchParams.getAll('genders');
      let values: { year: number; gender: string }[];
      try {
        values = recorded(`values-${Number(indicator)}.json`) as typeof values;
      } catch {
        return send(200, []);
      }
      return send(
        200,
        values.filter((v) => years.includes(v.year) && (!genders.length || genders.includes(v.gender))),
      );
    }
    return send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rest/1.1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
