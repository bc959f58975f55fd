import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Mismatch, type RangeEvent, runRange } from './campaign.js';
import { entryCode, type Scenario, scenarioFromJson } from './scenario.js';
import { runTandem } from './tandem.js';
import { newCounters } from './trace.js';

/** A stand-in for an engine bug: "diverges" whenever some frame runs an SSTORE that writes. */
function sstoreBug(scenario: Scenario): Mismatch | undefined {
  const counters = newCounters();
  const outcome = runTandem(scenario, 'interpreter', { trace: { counters, steps: true } });
  if (!(outcome.hostCalls ?? []).some((call) => call.startsWith('setStorage'))) return undefined;
  const broken = { ...outcome, gasLeft: outcome.gasLeft + 1n };
  return {
    reference: 'interpreter',
    runner: 'multipass',
    differences: [{ field: 'gasLeft', expected: outcome.gasLeft, actual: broken.gasLeft }],
    outcomes: [outcome, broken],
  };
}

describe('a campaign', () => {
  it('finds a divergence, shrinks it to a small program and writes a reproducer that replays', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'difftest-'));
    const events: RangeEvent[] = [];
    const result = await runRange({ seed: 3, start: 0, end: 30, outDir, check: sstoreBug }, (event) =>
      events.push(event),
    );
    expect(result.runs).toBe(30);
    expect(result.divergences).toBeGreaterThan(0);
    const divergence = events.find((event) => event.type === 'divergence')!;
    expect(divergence.summary).toContain('gasLeft');
    const reproducer = JSON.parse(readFileSync(divergence.path!, 'utf8'));
    expect(reproducer).toMatchObject({
      tandemReproducer: 1,
      seed: 3,
      index: divergence.index,
      runner: 'multipass',
    });
    // Shrunk: the original had several contracts and snippets; what is left still stores.
    const shrunk = scenarioFromJson(reproducer);
    const original = scenarioFromJson({ scenario: reproducer.original });
    expect(entryCode(shrunk).length).toBeLessThan(entryCode(original).length);
    expect(entryCode(shrunk).length).toBeLessThan(64);
    expect(sstoreBug(shrunk)).toBeDefined();
    // The reproducer holds both outcomes, and replaying its scenario gives the reference outcome again.
    const replay = runTandem(shrunk, 'interpreter');
    expect(reproducer.outcomes.interpreter.gasLeft).toBe(`0x${replay.gasLeft.toString(16)}`);
    expect(reproducer.outcomes.interpreter.status).toBe(replay.status);
  });

  it('reports nothing when the engines agree', async () => {
    const result = await runRange({ seed: 5, start: 10, end: 30, engines: ['interpreter', 'multipass'] });
    expect(result).toMatchObject({ runs: 20, divergences: 0 });
  });
});
