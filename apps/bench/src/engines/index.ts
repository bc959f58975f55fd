/** The engines the app can run, by name, in default order. Adding an engine is one entry here. */
import type { BenchEngine } from './engine.js';
import { ethereumjsEngine } from './ethereumjs.js';
import { tandemEngine } from './tandem.js';

export type { BenchEngine, Prepared } from './engine.js';

export const ENGINES: Readonly<Record<string, () => BenchEngine>> = {
  interpreter: () => tandemEngine('interpreter'),
  multipass: () => tandemEngine('multipass'),
  auto: () => tandemEngine('auto'),
  ethereumjs: () => ethereumjsEngine,
};

export const ENGINE_NAMES: readonly string[] = Object.keys(ENGINES);
/** What a run without `--engines` measures: `auto` is left out to keep a run within minutes. */
export const DEFAULT_ENGINES: readonly string[] = ['interpreter', 'multipass', 'ethereumjs'];

/** The engine speed-ups are measured against. */
export const PEER_ENGINE = 'ethereumjs';
/** Tandem's reference engine, the other column of speed-ups. */
export const REFERENCE_ENGINE = 'interpreter';
