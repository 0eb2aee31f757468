import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chapterWith } from './scenarios.ts';

describe('scenarios', () => {
  it('changes only the replica count and policy of the chapter manifest', () => {
    const docs = chapterWith(200, true)
      .split(/^---$/m)
      .map((d) => parse(d));
    const sts = docs.find((d) => d.kind === 'StatefulSet');
    expect(sts.spec.replicas).toBe(200);
    expect(sts.spec.podManagementPolicy).toBe('Parallel');
    expect(sts.spec.template.spec.containers[0].image).toBe('mariadb:11.3.2-jammy');
  });
});
