// The Sotkanet client against a loopback server of responses recorded for the tests (made up, not real statistics):
// what it reads, what it asks, and that an answer of another shape or an error is refused before anything is kept.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sotkanetClient, ThlUnavailable } from '../../activities/thl/sotkanet-client';
import { startRecordedThl, type RecordedThl } from '../support/thl-recorded';

let thl: RecordedThl;
beforeAll(async () => {
  thl = await startRecordedThl();
});
afterAll(async () => {
  await thl.close();
});

describe('Sotkanet client', () => {
  it("reads the catalogue with Finnish and Swedish titles, the regions by code, and an indicator's total values", async () => {
    const client = sotkanetClient(thl.url);
    const indicators = await client.indicators();
    expect(indicators).toContainEqual({
      id: 3271,
      title: {
        fi: 'Päivittäin tupakoivat, % (keksitty testiaineisto)',
        sv: 'Röker dagligen, % (påhittat testmaterial)',
        en: 'Smoke daily, % (made-up test data)',
      },
    });
    expect(await client.regions()).toContainEqual({ id: 9206, category: 'KUNTA', code: '753', title: 'Sipoo' });
    const values = await client.values(4420, [2025, 2026]);
    // Both genders together only, the years asked for, and no suppressed figure.
    expect(values.filter((v) => v.region === 9206)).toEqual([
      { indicator: 4420, region: 9206, year: 2025, value: 34.6 },
      { indicator: 4420, region: 9206, year: 2026, value: 35.2 },
    ]);
    expect(thl.requests.at(-1)).toBe('/rest/1.1/json?indicator=4420&genders=total&years=2025&years=2026');
  });

  it('refuses an answer of another shape, an empty catalogue, an HTTP error and a server that is not there', async () => {
    const odd = createServer((req, res) =>
      req.url?.startsWith('/empty/')
        ? res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
        : req.url?.endsWith('/indicators')
          ? res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id":"x"}]')
          : res.writeHead(503).end(),
    );
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(odd.address() as AddressInfo).port}`;
    try {
      await expect(sotkanetClient(url).indicators()).rejects.toThrow(ThlUnavailable);
      await expect(sotkanetClient(url).regions()).rejects.toThrow(/HTTP 503/);
      // An empty catalogue would empty Sopu's copy: refused too.
      await expect(sotkanetClient(`${url}/empty`).indicators()).rejects.toThrow(ThlUnavailable);
    } finally {
      await new Promise((resolve) => odd.close(resolve));
    }
    await expect(sotkanetClient(url).regions()).rejects.toThrow(ThlUnavailable);
  });
});
