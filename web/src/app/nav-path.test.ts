import { describe, expect, it } from 'vitest';
import { selectedNavPath } from './nav-path.ts';

const paths = ['/customers', '/customers/duplicates', '/customers/cleanup', '/imports', '/settings/data', '/settings/tokens'];

describe('selectedNavPath', () => {
  it('picks the longest entry that is the path or its parent', () => {
    expect(selectedNavPath(paths, '/customers')).toBe('/customers');
    expect(selectedNavPath(paths, '/customers/3f1c')).toBe('/customers');
    expect(selectedNavPath(paths, '/customers/duplicates')).toBe('/customers/duplicates');
    expect(selectedNavPath(paths, '/imports/new')).toBe('/imports');
    expect(selectedNavPath(paths, '/settings/tokens')).toBe('/settings/tokens');
  });

  it('does not take a shared prefix for a parent', () => {
    expect(selectedNavPath(paths, '/customersX')).toBeUndefined();
    expect(selectedNavPath(paths, '/settings')).toBeUndefined();
  });
});
