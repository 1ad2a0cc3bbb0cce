import { describe, expect, it } from 'vitest';
import { agingBucketName } from '../../../core/aging/aging-bucket-name.js';

describe('agingBucketName', () => {
  it('says Current (not yet due) in the language, and leaves day ranges as they are', () => {
    expect(agingBucketName('Current', 'en')).toBe('Current');
    expect(agingBucketName('Current', 'zh')).toBe('未到期');
    expect(agingBucketName('31–60', 'zh')).toBe('31–60');
    expect(agingBucketName('181+', 'en')).toBe('181+');
  });
});
