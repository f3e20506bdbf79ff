import { i18n } from '@lingui/core';
import { afterEach, describe, expect, it } from 'vitest';
import { messages as zhCN } from '../locales/zh-CN.po';
import { nameProblemIn, nameProblemMessage } from './name-problem.ts';

describe("a name's problem", () => {
  afterEach(() => i18n.loadAndActivate({ locale: 'en', messages: {} }));

  it('is null for a name CSMS accepts, and says what is wrong otherwise', () => {
    expect(nameProblemIn('prod-db_1', 'secret')).toBeNull();
    expect(nameProblemIn('', 'secret')).toBe('A secret name is required.');
    expect(nameProblemIn('x'.repeat(65), 'stage')).toBe('A stage name is at most 64 characters (this one has 65).');
    expect(nameProblemIn('bad.name', 'secret')).toBe('A secret name may contain only letters, digits, "_" and "-".');
  });

  it('is said in the language active when it is read, not when it was made', () => {
    const problem = nameProblemMessage('bad.name', 'stage')!;
    expect(i18n._(problem)).toBe('A stage name may contain only letters, digits, "_" and "-".');
    i18n.loadAndActivate({ locale: 'zh-CN', messages: zhCN });
    expect(i18n._(problem)).toBe('版本状态名称只能包含字母、数字、“_”和“-”。');
    expect(nameProblemIn('x'.repeat(70), 'secret')).toBe('凭据名称最多 64 个字符（当前为 70 个）。');
  });
});
