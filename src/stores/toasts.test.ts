import { beforeEach, describe, expect, it } from 'vitest';
import { notify, useToasts } from './toasts';

describe('toasts', () => {
  beforeEach(() => useToasts.setState({ toasts: [] }));

  it('a toast on the same topic replaces the earlier one (a failed rename then a successful one)', () => {
    notify.error('Rename failed', 'name taken', 'rename:g1');
    notify.info('Something else');
    notify.success('Renamed to “Ops”', undefined, 'rename:g1');
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual(['Something else', 'Renamed to “Ops”']);
  });

  it('toasts without a topic stack, keeping the last five', () => {
    for (let i = 0; i < 7; i++) notify.info(`t${i}`);
    expect(useToasts.getState().toasts.map((t) => t.title)).toEqual(['t2', 't3', 't4', 't5', 't6']);
  });
});
