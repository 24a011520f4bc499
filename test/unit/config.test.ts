import { describe, expect, it } from 'vitest';
import { readConfig } from '../../worker/config';

describe('configuration', () => {
  it('runs a local dev server unless Temporal is configured', () => {
    expect(readConfig({}).temporal.devServer).toMatchObject({ port: 7233, uiPort: 8233 });
    const remote = readConfig({ TEMPORAL_ADDRESS: 'temporal.example.fi:7233', TEMPORAL_NAMESPACE: 'sopu' });
    expect(remote.temporal.devServer).toBeNull();
    expect(remote.temporal.connect.connectionOptions.address).toBe('temporal.example.fi:7233');
    expect(remote.temporal.namespace).toBe('sopu');
  });

  it('accelerates the planning clock for tests and demos', () => {
    expect(readConfig({}).clock.speed).toBe(1);
    expect(readConfig({ SOPU_CLOCK_DAY_SECONDS: '2' }).clock.speed).toBe(43_200);
  });

  it('refuses an accelerated clock in production, and nonsense', () => {
    expect(() => readConfig({ SOPU_CLOCK_DAY_SECONDS: '1', SOPU_ENV: 'production' })).toThrow(
      'refused when SOPU_ENV=production',
    );
    expect(() => readConfig({ SOPU_CLOCK_DAY_SECONDS: 'fast' })).toThrow(
      "SOPU_CLOCK_DAY_SECONDS must be a positive number of seconds, got 'fast'",
    );
    expect(() => readConfig({ SOPU_DEV_TEMPORAL_PORT: '99999' })).toThrow(
      "SOPU_DEV_TEMPORAL_PORT must be a TCP port, got '99999'",
    );
  });

  it('takes the operator told of failed scheduled starts as an address, or none', () => {
    expect(readConfig({}).operatorEmail).toBeNull();
    expect(readConfig({ SOPU_OPERATOR_EMAIL: ' Paivystys@Sopu.example.fi ' }).operatorEmail).toBe(
      'paivystys@sopu.example.fi',
    );
    expect(() => readConfig({ SOPU_OPERATOR_EMAIL: 'päivystys' })).toThrow(
      "SOPU_OPERATOR_EMAIL must be an email address, got 'päivystys'",
    );
  });
});
